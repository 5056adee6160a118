/** Room for ~150 entity rows to start with; grows as needed. */
const INITIAL_BYTES = 256 * 1024;
/** A buffer grown past this (a file of thousands of entities) is not kept for the next batch. */
const KEEP_BYTES = 4 * 1024 * 1024;

/**
 * Rows for a bulk write, each a JSON object's text, held as UTF-8 outside V8's heap until
 * they are written, then written as one SQL literal.
 *
 * A location's read holds each batch of rows until it writes them. Held as strings, they
 * outlived two young collections and were promoted to V8's old generation, and how fast
 * that grows, next to how fast V8 marks, sets how far V8 lets the heap grow past what is
 * live before it collects again: up to 4x (see bench/README.md, "Ingest alone"). Here a
 * row's string dies young, and the bytes are reused batch after batch.
 */
export class JsonRows {
  #bytes: Buffer = Buffer.allocUnsafe(INITIAL_BYTES);
  #used = 0;
  /** Where each row starts and ends in #bytes. */
  #starts: number[] = [];
  #ends: number[] = [];
  /** Where rows are joined into a statement: kept, as #bytes is. */
  #scratch: Buffer = Buffer.allocUnsafe(0);

  get length(): number {
    return this.#starts.length;
  }

  /** Adds a row (a JSON object's text); returns its index. */
  push(row: string): number {
    this.#bytes = this.#room(this.#bytes, this.#used, Buffer.byteLength(row));
    const start = this.#used;
    this.#used += this.#bytes.write(row, start);
    this.#starts.push(start);
    this.#ends.push(this.#used);
    return this.#starts.length - 1;
  }

  /** True when any row holds `text`. */
  includes(text: string): boolean {
    return this.#bytes.subarray(0, this.#used).includes(text);
  }

  /**
   * `before`, then the rows at `indexes` as a JSON array in a dollar-quoted SQL literal,
   * then `after`: a statement's text, as one flat string, the only copy of the rows on the
   * heap. The quote's tag is one no row holds, so nothing in a row can end the literal:
   * PostgreSQL reads what is between the tags as is (no escapes), whatever it holds.
   */
  sqlLiteral(indexes: readonly number[], before: string, after: string): string {
    let tag = '$rows$';
    while (this.includes(tag)) tag = `${tag.slice(0, -1)}_$`;
    return this.join(indexes, `${before}${tag}[`, `]${tag}${after}`);
  }

  /** `before`, then the rows at `indexes` separated by commas, then `after`, as one flat string. */
  join(indexes: readonly number[], before: string, after: string): string {
    let size = Buffer.byteLength(before) + Buffer.byteLength(after) + Math.max(0, indexes.length - 1);
    for (const index of indexes) size += this.#ends[index] - this.#starts[index];
    const scratch = (this.#scratch = this.#room(this.#scratch, 0, size));
    let at = scratch.write(before, 0);
    indexes.forEach((index, position) => {
      if (position) at = scratch.writeUInt8(0x2c, at);
      at += this.#bytes.copy(scratch, at, this.#starts[index], this.#ends[index]);
    });
    at += scratch.write(after, at);
    return scratch.toString('utf8', 0, at);
  }

  /** Every index, in order. */
  all(): number[] {
    return this.#starts.map((_, index) => index);
  }

  /** Forgets every row; the buffers are reused unless a big batch grew them. */
  clear(): void {
    this.#used = 0;
    this.#starts = [];
    this.#ends = [];
    if (this.#bytes.length > KEEP_BYTES) this.#bytes = Buffer.allocUnsafe(INITIAL_BYTES);
    if (this.#scratch.length > KEEP_BYTES) this.#scratch = Buffer.allocUnsafe(0);
  }

  /** `buffer`, or a larger copy of its first `used` bytes, with room for `more` bytes after them. */
  #room(buffer: Buffer, used: number, more: number): Buffer {
    if (used + more <= buffer.length) return buffer;
    const larger = Buffer.allocUnsafe(Math.max(INITIAL_BYTES, 2 * buffer.length, used + more));
    buffer.copy(larger, 0, 0, used);
    return larger;
  }
}
