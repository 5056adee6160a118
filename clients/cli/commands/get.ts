import { SdkEntityCoreDocument, type SdkEntityCoreQuery } from '../../generated/graphql';
import { specString, type ClientError, type PluginCardData } from '../../sdk';
import { CliError, EXIT } from '../exitCodes';
import { positionals } from '../flagValues';
import { dataOrThrow, describeClientError } from '../graphqlClient';
import { formatFields, formatHeading } from '../output/fields';
import { formatJson } from '../output/json';
import { formatPluginSections } from '../output/pluginSections';
import type { Printer } from '../output/printer';
import { formatTable } from '../output/table';
import { formatYaml } from '../output/yaml';
import type { Command } from './command';

type Details = NonNullable<SdkEntityCoreQuery['entity']>;

export const getCommand: Command = {
  name: 'get',
  summary: 'Show one entity: catalog fields, relations and what each plugin knows',
  usage: ['get <ref>'],
  details: `<ref> is kind:namespace/name, or kind:name in the default namespace (case-insensitive).
Shows the catalog's fields and relations, then a section per plugin with its fields on the
entity, as the gateway's GET /plugins describes them (a new plugin shows up with no CLI
change). When a plugin is down its section is shown as unavailable and the exit code is 3.
An unknown entity exits with 4. --json and --yaml give every plugin field by its name.`,
  flags: {},
  examples: ['ensemble get component:checkout-service', 'ensemble get group:default/team-payments --json | jq .relations'],
  async run({ args, client, printer }) {
    const [ref] = positionals(args, ['ref']);
    // The catalog's part and the plugins' part side by side: three requests in two round trips, whatever the plugins.
    const [coreResult, cardsResult] = await Promise.all([client.request(SdkEntityCoreDocument, { ref }), client.pluginCards(ref)]);
    const { data, partial } = dataOrThrow(coreResult);
    if (!data.entity) {
      if (partial) throw new CliError(describeClientError(partial), EXIT.REFUSED);
      throw new CliError(`No entity "${ref}" in the catalog`, EXIT.NOT_FOUND);
    }
    const cards = cardsResult.data ?? [];
    const problems = [partial, cardsResult.ok ? undefined : cardsResult.error].filter((error): error is ClientError => error !== undefined);
    const details = { ...entityDetails(data.entity), ...Object.assign({}, ...cards.map((card) => card.values)) };
    if (printer.format === 'json') await printer.write(formatJson(details));
    else if (printer.format === 'yaml') await printer.write(formatYaml(details));
    else await printer.write(formatDetails(data.entity, cards, printer));
    if (problems.length) printer.warnPartial(`some fields are missing: ${problems.map((problem) => describeClientError(problem).replace(/\n/g, '; ')).join('; ')}`);
  },
};

/** The entity for scripts, in a fixed field order; each plugin field follows by name, null when its plugin is down. */
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
  };
}

function formatDetails(entity: Details, cards: readonly PluginCardData[], printer: Printer): string {
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
  text += formatPluginSections(cards, colours);
  return text;
}
