import { defaultDatabaseUrl } from '../kit';
import { createProcessLog, logFormatFrom } from '../kit/observability/processLog';

/**
 * What entry points read from the environment, in one place: only `bin/` reads
 * `process.env`; everything below it takes options.
 */
export function databaseUrlFor(subgraph: string, options: { dataDir: string; inMemory: boolean }): string {
  const variable = `${subgraph.toUpperCase()}_DATABASE_URL`;
  return process.env[variable] || defaultDatabaseUrl(subgraph, options);
}

let processLog = createProcessLog(logFormatFrom(process.env), 'ensemble');

/** Readable lines on a terminal, JSON with trace ids in production (kit/observability/processLog.ts). */
export function log(line: string): void {
  processLog(line);
}

/** Names the process's role in JSON log lines (`service`): gateway, registry, a subgraph's name. */
export function logAs(service: string): void {
  processLog = createProcessLog(logFormatFrom(process.env), service);
}

/** Parses `name=url` pairs given with `--subgraph`. */
export function parseSubgraphUrls(values: string[]): { name: string; url: string }[] {
  return values.map((value) => {
    const match = /^([a-z][a-z0-9-]*)=(https?:\/\/.+)$/.exec(value);
    if (!match) throw new Error(`--subgraph expects name=url (e.g. catalog=http://127.0.0.1:4001/graphql), got "${value}"`);
    return { name: match[1], url: match[2] };
  });
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port number: "${value}"`);
  return port;
}

/**
 * Runs `stop` on the first Ctrl-C or SIGTERM. Under `npm start` one Ctrl-C arrives twice
 * (from the terminal and relayed by npm), so a repeat within two seconds is ignored; a
 * later one, or a stop that takes over 20 s, exits at once.
 */
export function onShutdown(stop: () => Promise<void>): void {
  let stoppingSince: number | undefined;
  const handle = (signal: string) => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince < 2_000) return;
      log(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    log(`${signal}: stopping (finishing requests and writes in flight)`);
    setTimeout(() => {
      log('stopping took over 20 s: exiting without waiting');
      process.exit(1);
    }, 20_000).unref();
    stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => handle('SIGINT'));
  process.on('SIGTERM', () => handle('SIGTERM'));
}

/** Prints a start-up failure as one clear message and exits non-zero. */
export function exitWith(error: unknown): never {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
