import type { CheckReport } from '../../../registry/checks/runChecks';
import { CliError, EXIT, usageError } from '../exitCodes';
import { intFlag, positionals, stringFlag } from '../flagValues';
import { formatCheckReport } from '../../../registry/checks/formatCheckReport';
import { formatJson } from '../output/json';
import type { Printer } from '../output/printer';
import { formatTable, type Column } from '../output/table';
import { registryRequest } from '../registryRequest';
import type { Command, CommandContext } from './command';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Check, publish, list and roll back subgraph schemas in the schema registry',
  usage: [
    'schema check <subgraph> --schema <file> [--url <routing url>]',
    'schema publish <subgraph> --schema <file> --url <routing url> [--force --reason <text>]',
    'schema history [--limit <n>]',
    'schema rollback <version> [--reason <text>]',
  ],
  details: `Talks to the schema registry under /registry/ at the endpoint's origin (npm start serves
it beside /graphql). "check" and "publish" run three checks: composition with the other
subgraphs' published schemas, breaking changes against the published schema, and which
persisted documents and recorded operations (in the registry's usage window) those changes
break. "publish" stores the schema and a new supergraph that gateways then serve; it is
refused when a check fails, unless --force is given with a --reason (recorded in the
history); a schema that does not compose is never published. "rollback" makes an earlier
supergraph version current again (registry admins only).
Exit codes: 0 passed or published; 8 a check failed or the publish was refused; 5 not
allowed (a team may publish only its own subgraphs) or bad input; 7 not authenticated;
4 no such version; 6 the registry could not be reached.`,
  flags: {
    schema: { type: 'string', value: '<file>', description: 'The subgraph schema (SDL) to check or publish; - reads stdin' },
    url: { type: 'string', value: '<routing url>', description: 'Where gateways call the subgraph' },
    force: { type: 'boolean', description: 'publish: publish although operations use what it breaks (needs --reason)' },
    reason: { type: 'string', value: '<text>', description: 'publish --force, rollback: why, recorded in the history' },
    limit: { type: 'string', value: '<n>', description: 'history: how many versions, newest first (default 20)' },
  },
  examples: [
    'ensemble schema check cicd --schema subgraphs/cicd/schema.graphql',
    'ensemble schema publish cicd --schema subgraphs/cicd/schema.graphql --url http://cicd:4002/graphql',
    'ensemble schema publish cicd --schema schema.graphql --url http://cicd:4002/graphql --force --reason "scripts moved to v2"',
    'ensemble schema history --limit 5',
    'ensemble schema rollback 41 --reason "cicd 2.3 broke the web page"',
  ],
  async run(context) {
    const [action, ...rest] = context.args;
    switch (action) {
      case 'check':
        return check(context, rest);
      case 'publish':
        return publish(context, rest);
      case 'history':
        return history(context, rest);
      case 'rollback':
        return rollback(context, rest);
      default:
        throw usageError(action ? `unknown schema action "${action}"; use check, publish, history or rollback` : 'missing action: check, publish, history or rollback');
    }
  },
};

async function check(context: CommandContext, rest: string[]): Promise<void> {
  const [subgraph] = positionals(rest, ['subgraph']);
  const sdl = await context.readInput(required(context, 'schema'));
  const { body } = await registryRequest(context.connection, 'check', { method: 'POST', body: { subgraph, sdl, url: stringFlag(context.flags, 'url') } });
  await printReport(context.printer, body as CheckReport);
  if (!(body as CheckReport).ok) throw new CliError(`the check of ${subgraph} failed`, EXIT.CHECK_FAILED);
}

async function publish(context: CommandContext, rest: string[]): Promise<void> {
  const [subgraph] = positionals(rest, ['subgraph']);
  const sdl = await context.readInput(required(context, 'schema'));
  const url = required(context, 'url');
  const force = context.flags.force === true;
  const reason = stringFlag(context.flags, 'reason');
  if (force && !reason?.trim()) throw usageError('--force needs --reason <text>, recorded in the history');
  const { status, body } = await registryRequest(context.connection, 'publish', { method: 'POST', body: { subgraph, sdl, url, force, reason } });
  if (status === 409) {
    await printReport(context.printer, body.report as CheckReport);
    throw new CliError(body.errors?.[0]?.message ?? `publishing ${subgraph} was refused`, EXIT.CHECK_FAILED);
  }
  if (context.printer.format === 'json') return context.printer.write(formatJson(body));
  await context.printer.write(formatCheckReport(body.report));
  await context.printer.write(body.published ? `published ${subgraph}: supergraph version ${body.version}\n` : `${subgraph} unchanged: supergraph version ${body.version}\n`);
}

async function history(context: CommandContext, rest: string[]): Promise<void> {
  positionals(rest, []);
  const limit = intFlag(context.flags, 'limit', { min: 1, max: 500, default: 20 });
  const { body } = await registryRequest(context.connection, `history?limit=${limit}`, { method: 'GET' });
  if (context.printer.format === 'json') return context.printer.write(formatJson(body.versions));
  const columns: Column<HistoryRow>[] = [
    { header: 'VERSION', value: (row) => String(row.version) },
    { header: 'ACTION', value: (row) => row.action },
    { header: 'SUBGRAPH', value: (row) => row.subgraph ?? '' },
    { header: 'BY', value: (row) => row.createdBy },
    { header: 'AT', value: (row) => row.createdAt },
    { header: 'REASON', value: (row) => row.forcedReason ?? '' },
  ];
  await context.printer.write(formatTable(columns, body.versions as HistoryRow[], context.printer.colours));
}

/** A history entry as the registry's JSON carries it. */
interface HistoryRow {
  version: number;
  action: string;
  subgraph: string | null;
  createdBy: string;
  createdAt: string;
  forcedReason: string | null;
}

async function rollback(context: CommandContext, rest: string[]): Promise<void> {
  const [version] = positionals(rest, ['version']);
  if (!/^\d+$/.test(version)) throw usageError(`<version> must be a supergraph version number, not "${version}"`);
  const { body } = await registryRequest(context.connection, 'rollback', { method: 'POST', body: { version: Number(version), reason: stringFlag(context.flags, 'reason') } });
  if (context.printer.format === 'json') return context.printer.write(formatJson(body));
  await context.printer.write(`rolled back to version ${body.restored}: now serving supergraph version ${body.version}\n`);
}

async function printReport(printer: Printer, report: CheckReport): Promise<void> {
  await printer.write(printer.format === 'json' ? formatJson(report) : formatCheckReport(report));
}

function required(context: CommandContext, flag: string): string {
  const value = stringFlag(context.flags, flag);
  if (!value) throw usageError(`--${flag} is required`);
  return value;
}
