import {
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { PluginField, PluginFieldsManifest } from '../../clients/sdk/pluginFields';

/** How deep a generic card looks: a field, its object's fields, and theirs. */
const MAX_DEPTH = 3;
/** Fields per object a card shows, so that no type can make a card (or its query) huge. */
const MAX_FIELDS = 25;
const MAX_LABEL = 100;

/**
 * Which plugin owns each `Entity` field, read from a supergraph: the plugins are the
 * subgraphs that extend `Entity` as an `@interfaceObject`, and a field belongs to the one
 * graph whose `@join__field` resolves it (not `external`, not overridden). Shapes come from
 * the API schema, so `@inaccessible` fields never show.
 */
export function pluginFieldsOf(supergraphSdl: string, apiSchema: GraphQLSchema): PluginFieldsManifest {
  const document = parse(supergraphSdl, { noLocation: true });
  const graphNames = new Map<string, string>();
  const plugins = new Map<string, PluginField[]>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const name = stringArgument(value.directives?.find((directive) => directive.name.value === 'join__graph'), 'name');
        if (name) graphNames.set(value.name.value, name);
      }
    }
  }
  const entity = document.definitions.find(
    (definition) => definition.kind === Kind.INTERFACE_TYPE_DEFINITION && definition.name.value === 'Entity',
  );
  const apiEntity = apiSchema.getType('Entity');
  if (!entity || entity.kind !== Kind.INTERFACE_TYPE_DEFINITION || !apiEntity || !('getFields' in apiEntity)) return { plugins: [] };
  for (const directive of entity.directives ?? []) {
    if (directive.name.value !== 'join__type' || !booleanArgument(directive, 'isInterfaceObject')) continue;
    const name = graphNames.get(enumArgument(directive, 'graph') ?? '');
    if (name) plugins.set(name, []);
  }
  const apiFields = apiEntity.getFields();
  for (const field of entity.fields ?? []) {
    const owners = (field.directives ?? [])
      .filter((directive) => directive.name.value === 'join__field')
      .filter((directive) => !booleanArgument(directive, 'external') && !booleanArgument(directive, 'usedOverridden'))
      .map((directive) => graphNames.get(enumArgument(directive, 'graph') ?? ''));
    const owner = owners.length === 1 ? owners[0] : undefined;
    const apiField = apiFields[field.name.value];
    const target = owner === undefined ? undefined : plugins.get(owner);
    if (!target || !apiField || target.length >= MAX_FIELDS) continue;
    const shown = describeField(apiField as GraphQLField<unknown, unknown>, 1, new Set(['Entity']));
    if (shown) target.push(shown);
  }
  return { plugins: [...plugins].map(([name, fields]) => ({ name, fields })).filter((plugin) => plugin.fields.length > 0) };
}

/** The field as a card shows it, or null when a generic card cannot ask for it. */
function describeField(field: GraphQLField<unknown, unknown>, depth: number, path: Set<string>): PluginField | null {
  if (field.args.some((argument) => isNonNullType(argument.type) && argument.defaultValue === undefined)) return null;
  const type = getNamedType(field.type);
  const shape: PluginField = { name: field.name, label: labelOf(field.name, field.description), list: isList(field.type) };
  if (field.description) shape.description = field.description;
  if (!('getFields' in type)) return shape; // a scalar or an enum
  // Interfaces and unions (an entity, a search hit) and paged connections are a plugin's own card's business.
  if (!isObjectType(type) || 'pageInfo' in type.getFields() || path.has(type.name) || depth >= MAX_DEPTH) return null;
  const inner = new Set(path).add(type.name);
  const fields = Object.values(type.getFields())
    .map((child) => describeField(child, depth + 1, inner))
    .filter((child): child is PluginField => child !== null)
    .slice(0, MAX_FIELDS);
  return fields.length ? { ...shape, fields } : null;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** The description's first sentence (a label, not a paragraph), or the field's name. */
function labelOf(name: string, description: string | null | undefined): string {
  const first = description?.trim().split(/(?<=[.!?])\s|\n\s*\n/)[0]?.replace(/\s+/g, ' ').replace(/\.$/, '');
  if (!first) return name;
  return first.length > MAX_LABEL ? `${first.slice(0, MAX_LABEL - 1)}…` : first;
}

function argumentOf(directive: ConstDirectiveNode | undefined, name: string) {
  return directive?.arguments?.find((argument) => argument.name.value === name)?.value;
}

function stringArgument(directive: ConstDirectiveNode | undefined, name: string): string | undefined {
  const value = argumentOf(directive, name);
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function enumArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = argumentOf(directive, name);
  return value?.kind === Kind.ENUM ? value.value : undefined;
}

function booleanArgument(directive: ConstDirectiveNode, name: string): boolean {
  const value = argumentOf(directive, name);
  return value?.kind === Kind.BOOLEAN && value.value;
}
