import { usageError } from '../exitCodes';
import { positionals, stringFlag } from '../flagValues';
import { dataOrThrow, describeClientError } from '../graphqlClient';
import { formatJson } from '../output/json';
import { formatYaml } from '../output/yaml';
import { parseVariables } from '../parseVariables';
import type { Command } from './command';

export const queryCommand: Command = {
  name: 'query',
  summary: 'Run any GraphQL operation from a file against the gateway',
  usage: ['query <file.graphql|-> [--var <name=value>]... [--operation <name>]'],
  details: `For everything the other commands do not cover. Prints the response's data as JSON
(or YAML with --yaml; there is no table form). A --var value is read as JSON when it
parses (42, true, ["a"], {"kind":["API"]}, "quoted"), else as a plain string.
Data that came with errors is printed, the errors go to stderr, and the exit code is 3;
errors without data exit with 5.`,
  flags: {
    var: { type: 'string', multiple: true, value: '<name=value>', description: 'A variable, e.g. ref=component:web-shop or first=5' },
    operation: { type: 'string', value: '<name>', description: 'Which operation to run, when the file has several' },
  },
  examples: [
    'ensemble query owners.graphql --var ref=group:team-payments',
    "echo '{ locations { id target } }' | ensemble query - --yaml",
  ],
  async run({ args, flags, client, printer, readInput }) {
    const [file] = positionals(args, ['file.graphql']);
    const document = await readInput(file);
    if (!document.trim()) throw usageError(`${file === '-' ? 'stdin' : file} is empty`);
    const variables = parseVariables((flags.var as string[] | undefined) ?? []);
    const { data, partial } = dataOrThrow(await client.request<unknown, Record<string, unknown>>(document, variables, stringFlag(flags, 'operation')));
    await printer.write(printer.format === 'yaml' ? formatYaml(data) : formatJson(data));
    if (partial) printer.warnPartial(`the response has errors:\n  ${describeClientError(partial).replace(/\n/g, '\n  ')}`);
  },
};
