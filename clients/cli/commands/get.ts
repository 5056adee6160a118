import { SdkEntityCoreDocument, SdkEntityDetailsDocument, type SdkEntityDetailsQuery } from '../../generated/graphql';
import { specString, type ClientError, type EnsembleClient } from '../../sdk';
import { CliError, EXIT } from '../exitCodes';
import { positionals } from '../flagValues';
import { dataOrThrow, describeClientError } from '../graphqlClient';
import { formatFields, formatHeading } from '../output/fields';
import { formatJson } from '../output/json';
import type { Printer } from '../output/printer';
import { formatTable } from '../output/table';
import { formatYaml } from '../output/yaml';
import type { Command } from './command';

type Details = NonNullable<SdkEntityDetailsQuery['entity']>;

export const getCommand: Command = {
  name: 'get',
  summary: 'Show one entity: catalog fields, relations and what each plugin knows',
  usage: ['get <ref>'],
  details: `<ref> is kind:namespace/name, or kind:name in the default namespace (case-insensitive).
Shows the catalog's fields, relations, the latest CI/CD runs, open vulnerabilities and
published docs. When a plugin is down its part is shown as unavailable and the exit code
is 3. An unknown entity exits with 4.`,
  flags: {},
  examples: ['ensemble get component:checkout-service', 'ensemble get group:default/team-payments --json | jq .relations'],
  async run({ args, client, printer }) {
    const [ref] = positionals(args, ['ref']);
    const { data, partial } = await fetchDetails(client, ref);
    if (!data.entity) {
      if (partial) throw new CliError(describeClientError(partial), EXIT.REFUSED);
      throw new CliError(`No entity "${ref}" in the catalog`, EXIT.NOT_FOUND);
    }
    const details = entityDetails(data.entity);
    if (printer.format === 'json') await printer.write(formatJson(details));
    else if (printer.format === 'yaml') await printer.write(formatYaml(details));
    else await printer.write(formatDetails(data.entity, printer));
    if (partial) printer.warnPartial(`some fields are missing: ${describeClientError(partial).replace(/\n/g, '; ')}`);
  },
};

/**
 * The entity with every plugin's part; when the gateway refuses the query because it has no
 * such plugin fields at all (a supergraph composed without a plugin), the catalog's part
 * alone, flagged as partial like a plugin that is down.
 */
async function fetchDetails(client: EnsembleClient, ref: string): Promise<{ data: SdkEntityDetailsQuery; partial?: ClientError }> {
  const details = await client.request(SdkEntityDetailsDocument, { ref });
  const missingFields = !details.ok && details.error.kind === 'graphql' && details.error.codes.every((code) => code === 'GRAPHQL_VALIDATION_FAILED');
  if (!missingFields) return dataOrThrow(details);
  const core = dataOrThrow(await client.request(SdkEntityCoreDocument, { ref }));
  const entity = core.data.entity && { ...core.data.entity, latestRuns: null, vulnerabilitySummary: null, docs: null };
  if (!entity) return { data: { entity: null }, partial: core.partial };
  return { data: { entity } as SdkEntityDetailsQuery, partial: core.partial ?? (details as { error: ClientError }).error };
}

/** The entity for scripts, in a fixed field order; a plugin's part is null when it is down. */
function entityDetails(entity: Details) {
  return {
    ref: entity.ref,
    kind: entity.kind,
    namespace: entity.namespace,
    name: entity.name,
    apiVersion: entity.apiVersion,
    title: entity.title,
    description: entity.description,
    tags: entity.tags,
    labels: Object.fromEntries(entity.labels.map(({ key, value }) => [key, value])),
    annotations: Object.fromEntries(entity.annotations.map(({ key, value }) => [key, value])),
    links: entity.links.map(({ url, title }) => ({ url, title })),
    spec: entity.spec,
    relations: entity.relations.map(({ type, targetRef }) => ({ type, targetRef })),
    latestRuns: entity.latestRuns?.map(({ pipeline, status, branch, startedAt, url }) => ({ pipeline, status, branch, startedAt, url })) ?? null,
    vulnerabilitySummary: entity.vulnerabilitySummary
      ? (({ critical, high, moderate, low, info, total }) => ({ critical, high, moderate, low, info, total }))(entity.vulnerabilitySummary)
      : null,
    docs: entity.docs ? { pageCount: entity.docs.pageCount, publishedAt: entity.docs.publishedAt } : null,
  };
}

function formatDetails(entity: Details, printer: Printer): string {
  const { colours } = printer;
  const owner = entity.relations.find((relation) => relation.type === 'ownedBy')?.targetRef;
  let text = formatFields(
    [
      ['Ref', colours.bold(entity.ref)],
      ['Kind', entity.kind],
      ['Title', entity.title],
      ['Description', entity.description],
      ['Type', specString(entity.spec, 'type')],
      ['Lifecycle', specString(entity.spec, 'lifecycle')],
      ['Owner', owner],
      ['Tags', entity.tags.join(', ')],
      ['Labels', entity.labels.map(({ key, value }) => `${key}=${value}`).join(', ')],
    ],
    colours,
  );
  if (entity.annotations.length) {
    text += formatHeading('Annotations', colours);
    text += formatFields(entity.annotations.map(({ key, value }) => [key, value]), colours);
  }
  if (entity.relations.length) {
    text += formatHeading('Relations', colours);
    text += formatTable(
      [
        { header: 'TYPE', value: (relation) => relation.type },
        { header: 'TARGET', value: (relation) => relation.targetRef },
      ],
      entity.relations,
      colours,
    );
  }
  text += formatHeading('CI/CD', colours);
  if (!entity.latestRuns) text += `${colours.yellow('unavailable')}\n`;
  else if (!entity.latestRuns.length) text += 'no runs reported\n';
  else
    text += formatTable(
      [
        { header: 'PIPELINE', value: (run) => run.pipeline },
        { header: 'STATUS', value: (run) => run.status, style: (cell, run, c) => (run.status === 'FAILED' ? c.red(cell) : run.status === 'SUCCEEDED' ? c.green(cell) : cell) },
        { header: 'BRANCH', value: (run) => run.branch ?? '' },
        { header: 'STARTED', value: (run) => run.startedAt },
      ],
      entity.latestRuns,
      colours,
    );
  text += formatHeading('Vulnerabilities (open)', colours);
  const summary = entity.vulnerabilitySummary;
  if (!summary) text += `${colours.yellow('unavailable')}\n`;
  else {
    const critical = `critical ${summary.critical}`;
    text += `${summary.critical ? colours.red(critical) : critical}, high ${summary.high}, moderate ${summary.moderate}, low ${summary.low}, info ${summary.info}\n`;
  }
  text += formatHeading('Docs', colours);
  text += entity.docs ? `${entity.docs.pageCount} pages, published ${entity.docs.publishedAt}\n` : 'none published (or TechDocs unavailable)\n';
  return text;
}
