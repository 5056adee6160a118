/** One heading (h1-h3) of a page, linkable by its anchor (the heading's `id`). */
export interface TocEntry {
  level: number;
  title: string;
  anchor: string;
}
