/**
 * Text PostgreSQL cannot store: the NUL character (text and jsonb refuse U+0000) and lone
 * UTF-16 surrogates (not Unicode characters; jsonb refuses their escapes). They arrive in
 * JSON (`"\u0000"`) and in YAML escapes (`"\0"`). Caught on the way in they are an input
 * error naming the field; at the database they were an internal error.
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with `text`, or null when PostgreSQL can store it. */
export function unstorableTextProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000)';
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) return `contains an unpaired surrogate (U+${surrogate[0].charCodeAt(0).toString(16).toUpperCase()})`;
  return null;
}

/** `text` with what PostgreSQL cannot store replaced by U+FFFD: for messages that quote input. */
export function toStorableText(text: string): string {
  return text.replace(/\u0000/g, '\ufffd').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');
}
