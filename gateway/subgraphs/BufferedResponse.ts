/**
 * A subgraph's answer, already read whole: its status and its body as text (nothing in
 * the gateway reads a subgraph's response headers). A WHATWG `Response` would build a header list, a body stream
 * and its reader for every answer, several per operation: about a tenth of the gateway's
 * CPU on an entity page (profiled under `npm run bench -- --compare`).
 */
export class BufferedResponse {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    private readonly body: string,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  text(): string {
    return this.body;
  }

  json(): unknown {
    return JSON.parse(this.body);
  }
}
