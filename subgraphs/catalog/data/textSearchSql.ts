import { InputError } from '../../../kit';
import { Prisma } from '../../../prisma/catalog/generated/client';

const MAX_WORDS = 16;

/**
 * The `to_tsquery` text for what a person typed in a search box: every word required, each
 * as a prefix (`check` finds `checkout`). Only letters and digits reach the query, so no
 * input can break tsquery syntax. Null when the text has no words.
 *
 * A number also matches as a negative one: PostgreSQL's parser reads `component-31` as the
 * words `component` and `-31`, so without it "component-31" would find nothing.
 */
export function prefixTsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length > MAX_WORDS) throw new InputError(`"text" may have at most ${MAX_WORDS} words, got ${words.length}`);
  return words.length ? words.map((word) => (/^[0-9]+$/.test(word) ? `(${word}:* | -${word}:*)` : `${word}:*`)).join(' & ') : null;
}

/**
 * Entity `e` matches the query. `search` is the generated, GIN-indexed tsvector over name,
 * title, tags and description ('simple' configuration: no stemming, no stop words, the same
 * on PGlite and PostgreSQL).
 */
export function textMatchSql(tsQuery: string): Prisma.Sql {
  return Prisma.sql`e.search @@ to_tsquery('simple', ${tsQuery})`;
}

/** How well `e` matches (name and title weigh most), as float8 so cursors round-trip it exactly. */
export function textRankSql(tsQuery: string): Prisma.Sql {
  return Prisma.sql`ts_rank(e.search, to_tsquery('simple', ${tsQuery}))::float8`;
}
