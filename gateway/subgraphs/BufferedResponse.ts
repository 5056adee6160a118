import type { IncomingHttpHeaders } from 'node:http';
import type { Fetcher } from './createSubgraphFetcher';

type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

/**
 * A subgraph's answer, already read whole, in the shape the gateway's data sources read
 * (`ok`, `status`, a header or two, the body once as JSON or text). A WHATWG `Response`
 * would build a header list, a body stream and its reader for every answer, several per
 * operation: about a tenth of the gateway's CPU on an entity page (profiled under
 * `npm run bench -- --compare`).
 */
export class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  private used = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: FetcherHeaders,
    private readonly body: string,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  async text(): Promise<string> {
    return this.read();
  }

  async json(): Promise<any> {
    return JSON.parse(this.read());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.read(), 'utf8');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): BufferedResponse {
    if (this.used) throw new TypeError('Response body is already used');
    return new BufferedResponse(this.url, this.status, this.statusText, new ResponseHeaders([...this.headers]), this.body);
  }

  // As fetch's Response: a body is read once.
  private read(): string {
    if (this.used) throw new TypeError('Response body is already used');
    this.used = true;
    return this.body;
  }
}

/** Response headers by lower-case name, a repeated header's values joined with ", " (as fetch's Headers). */
export class ResponseHeaders implements FetcherHeaders {
  private readonly byName = new Map<string, string>();

  constructor(entries: Iterable<[string, string]> = []) {
    for (const [name, value] of entries) this.append(name, value);
  }

  static fromIncoming(headers: IncomingHttpHeaders): ResponseHeaders {
    const result = new ResponseHeaders();
    for (const name in headers) {
      const value = headers[name];
      if (value !== undefined) result.byName.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    return result;
  }

  get(name: string): string | null {
    return this.byName.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.byName.set(name.toLowerCase(), value);
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const existing = this.byName.get(key);
    this.byName.set(key, existing === undefined ? value : `${existing}, ${value}`);
  }

  delete(name: string): void {
    this.byName.delete(name.toLowerCase());
  }

  entries(): IterableIterator<[string, string]> {
    return this.byName.entries();
  }

  keys(): IterableIterator<string> {
    return this.byName.keys();
  }

  values(): IterableIterator<string> {
    return this.byName.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.byName.entries();
  }
}
