import type { DocPageRecord } from './docPageRecord';

/** One search result: the page, how well it matched, and where. */
export interface DocSearchHitRecord {
  entityRef: string;
  page: DocPageRecord;
  /** HTML: the page's text around the matches, escaped, with matches in `<mark>`. */
  snippet: string;
  rank: number;
}
