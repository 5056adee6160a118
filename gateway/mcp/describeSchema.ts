import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** Most search hits returned: enough to pick from, narrow enough for a small context. */
export const MAX_SEARCH_HITS = 40;

const firstLine = (text: string | null | undefined) => (text ?? '').trim().split(/\n\s*\n/)[0].replace(/\s+/g, ' ');

/** What an agent needs of a field: its type, arguments and description. */
function describeField(field: GraphQLField<unknown, unknown> | GraphQLInputField) {
  const args = 'args' in field ? field.args.map(describeArgument) : [];
  return {
    name: field.name,
    type: String(field.type),
    ...(field.description ? { description: field.description.trim() } : {}),
    ...(args.length ? { args } : {}),
    ...(field.deprecationReason ? { deprecated: field.deprecationReason } : {}),
  };
}

function describeArgument(argument: GraphQLArgument) {
  return {
    name: argument.name,
    type: String(argument.type),
    ...(argument.defaultValue !== undefined ? { default: argument.defaultValue } : {}),
    ...(argument.description ? { description: firstLine(argument.description) } : {}),
  };
}

/** One type in full: fields with arguments and descriptions, enum values, implementations. */
export function describeType(schema: GraphQLSchema, type: GraphQLNamedType) {
  const base = { name: type.name, kind: kindOf(type), ...(type.description ? { description: type.description.trim() } : {}) };
  if (isObjectType(type) || isInterfaceType(type)) {
    const implementations = isInterfaceType(type) ? schema.getPossibleTypes(type).map((object) => object.name) : [];
    return {
      ...base,
      ...(type.getInterfaces().length ? { implements: type.getInterfaces().map((face) => face.name) } : {}),
      ...(implementations.length ? { implementedBy: implementations } : {}),
      fields: Object.values(type.getFields()).map(describeField),
    };
  }
  if (isInputObjectType(type)) return { ...base, fields: Object.values(type.getFields()).map(describeField) };
  if (isEnumType(type)) return { ...base, values: type.getValues().map((value) => ({ name: value.name, ...(value.description ? { description: firstLine(value.description) } : {}) })) };
  if (isUnionType(type)) return { ...base, members: type.getTypes().map((member) => member.name) };
  return base;
}

/** Where to start: the root fields, and the fields every entity has (where plugins add theirs). */
export function describeOverview(schema: GraphQLSchema) {
  const line = (field: GraphQLField<unknown, unknown>) => `${field.name}${field.args.length ? `(${field.args.map((arg) => `${arg.name}: ${arg.type}`).join(', ')})` : ''}: ${field.type} - ${firstLine(field.description)}`;
  const entity = schema.getType('Entity');
  return {
    queries: Object.values(schema.getQueryType()?.getFields() ?? {}).map(line),
    ...(isInterfaceType(entity) ? { entityFields: Object.values(entity.getFields()).map(line), entityKinds: schema.getPossibleTypes(entity).map((kind) => kind.name) } : {}),
    next: 'describe_graph with "type" for a type in full (e.g. "Entity", "Component", "EntityFilter"), or "search" for a word in names and descriptions',
  };
}

/**
 * Types and fields whose name or description holds every word of `text`. A field an
 * interface declares is listed once, on the interface, not again on each implementation.
 */
export function searchSchema(schema: GraphQLSchema, text: string) {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (...parts: (string | null | undefined)[]) => {
    const haystack = parts.join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  };
  const hits: { coordinate: string; type?: string; description: string }[] = [];
  let total = 0;
  const add = (hit: { coordinate: string; type?: string; description: string }) => {
    total += 1;
    if (hits.length < MAX_SEARCH_HITS) hits.push(hit);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (matches(type.name, type.description)) add({ coordinate: type.name, description: firstLine(type.description) });
    if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
    const inherited = new Set(isInputObjectType(type) ? [] : type.getInterfaces().flatMap((face) => Object.keys(face.getFields())));
    for (const field of Object.values(type.getFields())) {
      if (inherited.has(field.name)) continue;
      if (matches(field.name, field.description)) add({ coordinate: `${type.name}.${field.name}`, type: String(field.type), description: firstLine(field.description) });
    }
  }
  return { total, hits, ...(total > hits.length ? { note: `showing ${hits.length} of ${total}: add words to narrow` } : {}) };
}

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'object';
  if (isInterfaceType(type)) return 'interface';
  if (isInputObjectType(type)) return 'input';
  if (isEnumType(type)) return 'enum';
  if (isUnionType(type)) return 'union';
  return 'scalar';
}
