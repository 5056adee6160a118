import type { EnsembleClient } from '../../sdk';
import type { ConnectionSettings } from '../graphqlClient';
import type { Printer, Writer } from '../output/printer';

/** A flag a command accepts, as node:util parseArgs wants it, plus its help. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** The value's placeholder in help, e.g. `<kind>`. */
  value?: string;
  description: string;
}

export type FlagValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** What a command gets to work with. */
export interface CommandContext {
  /** Positional arguments after the command's name. */
  args: string[];
  flags: FlagValues;
  client: EnsembleClient;
  /** Where the gateway is, for commands that use an HTTP API beside GraphQL (`schema`: the registry). */
  connection: ConnectionSettings;
  printer: Printer;
  /** A file's text, or stdin's for `-`. */
  readInput(path: string): Promise<string>;
  /** The process's streams, for a command that speaks a protocol on them (`mcp`). */
  stdio: { stdin?: unknown; stdout: unknown; stderr: Writer; hasToken: boolean };
}

/**
 * One CLI command. It prints through the Printer and throws a CliError to fail; a
 * partial result is printed, then flagged with `printer.warnPartial`.
 */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Synopsis lines, e.g. `list [--kind <kind>]...`. */
  usage: string[];
  /** Paragraphs for `help <command>`: what it prints, what its exit codes mean. */
  details: string;
  flags: Record<string, FlagSpec>;
  examples: string[];
  run(context: CommandContext): Promise<void>;
}
