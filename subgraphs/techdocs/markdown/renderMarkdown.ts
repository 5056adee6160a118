import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { createSlugger } from './createSlugger';
import { isSafeUrl } from './isSafeUrl';
import type { TocEntry } from './tocEntry';

/** A markdown page turned into what the graph serves and what search indexes. */
export interface RenderedMarkdown {
  /** Safe HTML: no raw HTML passes, links and images only with safe schemes, attributes escaped. */
  html: string;
  /** Headings h1-h3, in order, with the anchors their `id`s carry in `html`. */
  toc: TocEntry[];
  /** The first h1's text, if the page has one. */
  firstHeading: string | null;
  /** The page's words without markup (code included: people search for commands). */
  plainText: string;
}

const TOC_DEPTH = 3;

// `html: false` is the XSS guard: raw HTML in markdown (`<script>`, `<img onerror>`,
// `<a href="data:...">`) is escaped and shown as text, never passed through.
const markdownIt = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdownIt.validateLink = isSafeUrl;

/** Renders one page; headings h1-h3 get unique `id`s that the TOC points to. */
export function renderMarkdown(source: string): RenderedMarkdown {
  const env = {};
  const tokens = markdownIt.parse(source, env);
  const slug = createSlugger();
  const toc: TocEntry[] = [];
  let firstHeading: string | null = null;
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const level = Number(token.tag.slice(1));
    const title = inlineText(tokens[index + 1]).trim();
    if (level === 1 && firstHeading === null) firstHeading = title;
    if (level > TOC_DEPTH) return;
    const anchor = slug(title);
    token.attrSet('id', anchor);
    toc.push({ level, title, anchor });
  });
  return {
    html: markdownIt.renderer.render(tokens, markdownIt.options, env),
    toc,
    firstHeading,
    plainText: tokens.map(blockText).filter(Boolean).join('\n').replace(CONTROL_CHARACTERS, ''),
  };
}

// Search snippets mark matches with control characters (see searchDocPages), so the
// text they are cut from must not contain any of its own.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function blockText(token: Token): string {
  if (token.type === 'inline') return inlineText(token);
  if (token.type === 'fence' || token.type === 'code_block') return token.content.trimEnd();
  return '';
}

function inlineText(token: Token | undefined): string {
  return (token?.children ?? [])
    .map((child) => {
      if (child.type === 'text' || child.type === 'code_inline') return child.content;
      if (child.type === 'softbreak' || child.type === 'hardbreak') return ' ';
      if (child.type === 'image') return inlineText(child);
      return '';
    })
    .join('');
}
