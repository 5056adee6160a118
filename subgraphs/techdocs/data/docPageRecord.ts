import type { TocEntry } from '../markdown/tocEntry';

/** A stored page as the graph serves it (its search columns stay in the database). */
export interface DocPageRecord {
  entityRef: string;
  path: string;
  position: number;
  title: string;
  toc: TocEntry[];
  html: string;
  markdown: string;
}

/** The columns Prisma reads for a page. */
export const DOC_PAGE_SELECT = {
  entityRef: true,
  path: true,
  position: true,
  title: true,
  toc: true,
  html: true,
  markdown: true,
} as const;

/** The stored `toc` is JSON written by this plugin only, always an array of TocEntry. */
export function toDocPageRecord<Row extends Omit<DocPageRecord, 'toc'> & { toc: unknown }>(row: Row): DocPageRecord {
  return { ...row, toc: row.toc as TocEntry[] };
}
