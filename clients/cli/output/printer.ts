import type { Colours } from './colours';

/** Where a command writes: a Node stream, or anything with `write` (tests collect into a string). */
export interface Writer {
  write(chunk: string): boolean | void;
  isTTY?: boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

/** How a command prints: for people (tables) or for scripts. */
export type OutputFormat = 'table' | 'json' | 'yaml';

/**
 * The command's view of stdout and stderr. `write` waits when the stream's buffer is
 * full (a slow `| jq`), so streamed listings hold no more than a page in memory.
 */
export class Printer {
  /** Set by `warn`; main.ts turns an otherwise successful run into exit code 3. */
  partial = false;

  constructor(
    readonly format: OutputFormat,
    readonly colours: Colours,
    private readonly stdout: Writer,
    private readonly stderr: Writer,
    private readonly stderrColours: Colours,
  ) {}

  async write(text: string): Promise<void> {
    if (!text) return;
    const flushed = this.stdout.write(text);
    if (flushed === false && this.stdout.once) await new Promise<void>((resolve) => this.stdout.once!('drain', resolve));
  }

  /** A note on stderr that does not change the exit status. */
  note(message: string): void {
    this.stderr.write(`${message}\n`);
  }

  /** Flags the output as incomplete: a warning on stderr, and exit code 3 at the end. */
  warnPartial(message: string): void {
    this.partial = true;
    this.stderr.write(`${this.stderrColours.yellow('warning:')} ${message}\n`);
  }

  /** An error line on stderr. */
  error(message: string): void {
    this.stderr.write(`${this.stderrColours.red('error:')} ${message.replace(/\n/g, '\n  ')}\n`);
  }
}
