/**
 * `ensemble`: the command-line client. This file is the only one that reads argv and the
 * environment; `run` takes them as arguments so tests call it in-process.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GraphQLErrors, HttpError, NetworkError, TimeoutError } from '../sdk';
import { COMMANDS } from './commands/allCommands';
import type { Command, FlagSpec, FlagValues } from './commands/command';
import { formatCommandHelp, formatOverview } from './commands/help';
import { CliError, EXIT, usageError } from './exitCodes';
import { GLOBAL_FLAGS } from './globalFlags';
import { createCliClient, failure } from './graphqlClient';
import { createColours } from './output/colours';
import { Printer, type OutputFormat, type Writer } from './output/printer';

export const DEFAULT_ENDPOINT = 'http://localhost:4000/graphql';

/** What the CLI talks to: the process's streams and environment, or a test's. */
export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  env: Record<string, string | undefined>;
  /** Read for `-f -` and `query -`. */
  stdin?: AsyncIterable<string | Buffer>;
  /** Relative file arguments are read from here; the process's directory by default. */
  cwd?: string;
  /** The fetch requests go through (a test wraps the real one to count requests). */
  fetch?: typeof fetch;
}

/** Runs one command line and resolves to the exit code; never throws, never exits. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const stderrColours = createColours(!!io.stderr.isTTY && !io.env.NO_COLOR);
  const reportError = (message: string) => io.stderr.write(`${stderrColours.red('error:')} ${message.replace(/\n/g, '\n  ')}\n`);
  let command: Command | undefined;
  try {
    const located = locateCommand(argv);
    if (!located) {
      if (argv.includes('--help') || argv.includes('-h')) {
        io.stdout.write(formatOverview(COMMANDS));
        return EXIT.OK;
      }
      io.stderr.write(formatOverview(COMMANDS));
      return EXIT.USAGE;
    }
    command = COMMANDS.find((candidate) => candidate.name === located.name);
    if (!command) throw usageError(`unknown command "${located.name}"; commands: ${COMMANDS.map((known) => known.name).join(', ')}`);
    const { values, positionals } = parseCommandLine(located.rest, { ...GLOBAL_FLAGS, ...command.flags });
    if (values.help) {
      io.stdout.write(formatCommandHelp(command));
      return EXIT.OK;
    }
    const format = outputFormat(values);
    const endpoint = endpointOf(typeof values.endpoint === 'string' ? values.endpoint : io.env.ENSEMBLE_ENDPOINT || DEFAULT_ENDPOINT);
    const colours = createColours(typeof values.color === 'boolean' ? values.color : !!io.stdout.isTTY && !io.env.NO_COLOR);
    const printer = new Printer(format, colours, io.stdout, io.stderr, stderrColours);
    const token = typeof values.token === 'string' ? values.token : io.env.ENSEMBLE_TOKEN || undefined;
    const connection = {
      endpoint,
      token,
      timeoutMs: timeoutOf(values.timeout),
      fetch: io.fetch,
    };
    const client = createCliClient(connection);
    const stdio = { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, hasToken: token !== undefined };
    await command.run({ args: positionals, flags: values, client, connection, printer, readInput: (file) => readInput(file, io), stdio });
    return printer.partial ? EXIT.PARTIAL : EXIT.OK;
  } catch (error) {
    const known = error instanceof CliError ? error : isClientError(error) ? failure(error) : null;
    if (!known) {
      reportError(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return EXIT.INTERNAL;
    }
    reportError(known.message);
    if (known.exitCode === EXIT.USAGE) io.stderr.write(`Run "ensemble help${command ? ` ${command.name}` : ''}" for usage.\n`);
    return known.exitCode;
  }
}

/** The command's name (the first argument that is not a global flag or its value) and the other arguments. */
function locateCommand(argv: string[]): { name: string; rest: string[] } | null {
  const { tokens } = parseArgs({ args: argv, options: toParseArgsOptions(GLOBAL_FLAGS), strict: false, allowPositionals: true, tokens: true });
  const first = tokens.find((token) => token.kind === 'positional');
  if (!first) return null;
  return { name: first.value, rest: argv.filter((_, index) => index !== first.index) };
}

function parseCommandLine(args: string[], flags: Record<string, FlagSpec>): { values: FlagValues; positionals: string[] } {
  try {
    return parseArgs({ args, options: toParseArgsOptions(flags), strict: true, allowPositionals: true, allowNegative: true });
  } catch (error) {
    // node:util names the problem well ("Unknown option '--kindd'"); keep its words.
    throw usageError(error instanceof Error ? error.message : String(error));
  }
}

function toParseArgsOptions(flags: Record<string, FlagSpec>): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    Object.entries(flags).map(([name, spec]) => [name, { type: spec.type, multiple: spec.multiple ?? false, ...(spec.short ? { short: spec.short } : {}) }]),
  );
}

function outputFormat(values: FlagValues): OutputFormat {
  if (values.json === true && values.yaml === true) throw usageError('--json and --yaml cannot be used together');
  return values.json === true ? 'json' : values.yaml === true ? 'yaml' : 'table';
}

function endpointOf(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // reported below
  }
  throw usageError(`the endpoint must be an http(s) URL, not "${value}"`);
}

function timeoutOf(value: FlagValues[string]): number {
  if (value === undefined) return 30_000;
  const seconds = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(seconds) || seconds <= 0) throw usageError(`--timeout wants a number of seconds, not "${value}"`);
  return Math.round(seconds * 1000);
}

async function readInput(file: string, io: CliIo): Promise<string> {
  if (file === '-') {
    if (!io.stdin) throw usageError('no stdin to read');
    let text = '';
    for await (const chunk of io.stdin) text += chunk.toString();
    return text;
  }
  try {
    return await readFile(path.resolve(io.cwd ?? '.', file), 'utf8');
  } catch (error) {
    throw usageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function isClientError(error: unknown): error is NetworkError | TimeoutError | HttpError | GraphQLErrors {
  return error instanceof NetworkError || error instanceof TimeoutError || error instanceof HttpError || error instanceof GraphQLErrors;
}

/** The process entry: `npm run cli -- <command>`, or the installed `ensemble` bin. */
export async function main(): Promise<void> {
  // `ensemble list | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.OK);
    throw error;
  });
  process.exitCode = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdin: process.stdin,
    cwd: process.cwd(),
  });
}

if (require.main === module) void main();
