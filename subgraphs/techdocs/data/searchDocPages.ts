import { readRows, type SqlReads } from '../../../kit';
import type { DocSearchHitRecord } from './docSearchHitRecord';
import { toDocPageRecord } from './docPageRecord';
import { SEARCH_LANGUAGE } from './searchLanguage';

// ts_headline marks matches with these; the page text holds none (renderMarkdown strips
// control characters), so after escaping the text they can only be our marks.
const MARK_START = '\u0002';
const MARK_END = '\u0003';
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Full-text search over every published page: `websearch_to_tsquery` (what people type:
 * words, "quoted phrases", -exclusions, or), ranked by `ts_rank` (title words weigh
 * more), best first. Snippets are cut only for the rows returned, as PostgreSQL's manual
 * advises: ts_headline reads the whole text.
 */
export async function searchDocPages(reads: SqlReads, query: string, first: number): Promise<DocSearchHitRecord[]> {
  const rows = await readRows<SearchRow>(reads, 
    `SELECT hit.entity_ref AS "entityRef", hit.path, hit.position, hit.title, hit.toc, hit.html, hit.markdown, hit.rank,
            ts_headline('${SEARCH_LANGUAGE}', hit.plain_text, hit.query, $3) AS snippet
     FROM (
       SELECT page.entity_ref, page.path, page.position, page.title, page.toc, page.html, page.markdown, page.plain_text,
              query, ts_rank(page.search_vector, query)::float8 AS rank
       FROM doc_pages page, websearch_to_tsquery('${SEARCH_LANGUAGE}', $1) query
       WHERE page.search_vector @@ query
       ORDER BY rank DESC, page.entity_ref, page.position
       LIMIT $2
     ) hit
     ORDER BY hit.rank DESC, hit.entity_ref, hit.position`,
    query,
    first,
    HEADLINE_OPTIONS,
  );
  return rows.map(({ rank, snippet, ...page }) => ({
    entityRef: page.entityRef,
    page: toDocPageRecord(page),
    snippet: markSnippet(snippet),
    rank: Number(rank),
  }));
}

interface SearchRow {
  entityRef: string;
  path: string;
  position: number;
  title: string;
  toc: unknown;
  html: string;
  markdown: string;
  rank: number;
  snippet: string;
}

/**
 * Escapes the snippet's text for HTML, then turns the match marks into `<mark>` tags.
 * Line breaks between blocks (headings, table cells) become spaces: a snippet is one line.
 */
export function markSnippet(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_END, '</mark>');
}
