import { usageError } from '../exitCodes';
import { GLOBAL_FLAGS } from '../globalFlags';
import type { Command, FlagSpec } from './command';

/** The exit codes, as `help` prints them (exitCodes.ts says the same in code). */
const EXIT_CODES = `Exit codes:
  0  success
  1  internal error (a bug in the CLI)
  2  bad command line (unknown command or flag, bad value)
  3  partial: output printed, but something is missing (a plugin down, ingestion errors);
     warnings on stderr
  4  not found (unknown entity ref or location id)
  5  refused by the API (GraphQL errors without data, invalid descriptors)
  6  network: the gateway could not be reached, timed out, or did not answer with GraphQL
  7  not authenticated: the gateway wants a valid token (--token or ENSEMBLE_TOKEN)
  8  schema check failed, or schema publish was refused by the checks`;

/** `help [command]`: the overview, or one command's usage, flags and examples. */
export function helpCommand(commands: () => Command[]): Command {
  return {
    name: 'help',
    summary: 'Show this overview, or help for one command',
    usage: ['help [command]', '<command> --help'],
    details: 'Help goes to stdout with exit code 0.',
    flags: {},
    examples: ['ensemble help list', 'ensemble list --help'],
    async run({ args, printer }) {
      if (!args.length) return printer.write(formatOverview(commands()));
      const command = commands().find((candidate) => candidate.name === args[0]);
      if (!command) throw usageError(`unknown command "${args[0]}"`);
      await printer.write(formatCommandHelp(command));
    },
  };
}

export function formatOverview(commands: Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `ensemble: the Ensemble catalog from the command line

Usage: ensemble <command> [arguments] [flags]

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Global flags:
${formatFlags(GLOBAL_FLAGS)}

Environment:
  ENSEMBLE_ENDPOINT  the gateway's GraphQL URL (--endpoint wins)
  ENSEMBLE_TOKEN     bearer token (--token wins)
  NO_COLOR           set to anything: no colours

${EXIT_CODES}

Run "ensemble help <command>" for a command's flags and examples.
`;
}

export function formatCommandHelp(command: Command): string {
  const flags = Object.keys(command.flags).length ? `\nFlags:\n${formatFlags(command.flags)}\n` : '';
  return `Usage:
${command.usage.map((line) => `  ensemble ${line}`).join('\n')}

${command.summary}.

${command.details}
${flags}
Global flags:
${formatFlags(GLOBAL_FLAGS)}

Examples:
${command.examples.map((line) => `  ${line}`).join('\n')}
`;
}

function formatFlags(flags: Record<string, FlagSpec>): string {
  const labels = Object.entries(flags).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    ';
    return `${short}--${name}${spec.value ? ` ${spec.value}` : ''}${spec.multiple ? ' ...' : ''}`;
  });
  const width = Math.max(...labels.map((label) => label.length));
  return Object.values(flags)
    .map((spec, index) => `  ${labels[index].padEnd(width)}  ${spec.description}`)
    .join('\n');
}
