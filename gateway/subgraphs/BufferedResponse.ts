import type { IncomingHttpHeaders } from 'node:http';

/**
 * A subgraph's answer, already read whole: its status, its headers as `node:http` gave
 * them, its body as text. A WHATWG `Response` would build a header list, a body stream
 * and its reader for every answer, several per operation: about a tenth of the gateway's
 * CPU on an entity page (profiled under `npm run bench -- --compare`).
 */
export class BufferedResponse {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    private readonly headers: IncomingHttpHeaders,
    private readonly body: string,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  /** A header whatever the case of `name`, a repeated one's values joined with ", " (as fetch's Headers); null when absent. */
  header(name: string): string | null {
    const value = this.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  text(): string {
    return this.body;
  }

  json(): unknown {
    return JSON.parse(this.body);
  }
}
