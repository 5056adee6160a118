/**
 * The text-search configuration pages are indexed and queried with: English stemming
 * ("reservations" finds "reserve"). Index and query must use the same one.
 */
export const SEARCH_LANGUAGE = 'english';

/** A page's search vector: title words weigh more (A) than body words (B) in ts_rank. */
export const SEARCH_VECTOR_SQL = `setweight(to_tsvector('${SEARCH_LANGUAGE}', title), 'A') || setweight(to_tsvector('${SEARCH_LANGUAGE}', plain_text), 'B')`;
