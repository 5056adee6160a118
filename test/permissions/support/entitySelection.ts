import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** Arguments a test gives a field that requires some: `Type.field` -> `(name: value)`. */
export type FieldArguments = Readonly<Record<string, string>>;

/** A selection of every field of a type, built from the schema so a new field is selected without anyone writing it down. */
export interface GeneratedSelection {
  selection: string;
  /** `Type.field` of fields that need arguments the test does not give: each needs a case. */
  uncovered: string[];
}

/**
 * Every field of `type` and, for an interface, of each type implementing it, to `depth`
 * levels of objects. An entity met below the top (a relation target, an owner) is asked
 * only for its ref: its own fields are covered where it is the top. Fields whose required
 * arguments `args` does not give are listed in `uncovered` instead.
 */
export function selectEverything(schema: GraphQLSchema, typeName: string, args: FieldArguments, depth = 3): GeneratedSelection {
  const uncovered = new Set<string>();
  const entity = schema.getType('Entity');
  const isEntity = (type: GraphQLNamedType) =>
    type === entity || (isObjectType(type) && entity !== undefined && isInterfaceType(entity) && type.getInterfaces().includes(entity));

  const fieldsOf = (type: GraphQLNamedType, level: number): string => {
    if (isUnionType(type)) return `__typename ${type.getTypes().map((member) => `... on ${member.name} { ${fieldsOf(member, level)} }`).join(' ')}`;
    if (!isObjectType(type) && !isInterfaceType(type)) return '';
    if (level > 0 && isEntity(type)) return '__typename ref';
    const own = Object.values(type.getFields())
      .map((field) => fieldSelection(type.name, field, level))
      .filter(Boolean);
    const concrete = isInterfaceType(type) && level === 0
      ? schema.getPossibleTypes(type).map((member) => {
          const extra = Object.values(member.getFields()).filter((field) => !(field.name in type.getFields()));
          // Aliased by type: two kinds may give one field name different types, which one selection could not merge.
          const inner = extra.map((field) => fieldSelection(member.name, field, level, `${member.name}_${field.name}: `)).filter(Boolean);
          return inner.length ? `... on ${member.name} { ${inner.join(' ')} }` : '';
        })
      : [];
    return ['__typename', ...own, ...concrete.filter(Boolean)].join(' ');
  };

  const fieldSelection = (owner: string, field: GraphQLField<unknown, unknown>, level: number, alias = ''): string => {
    const key = `${owner}.${field.name}`;
    const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
    if (required.length && !(key in args)) {
      uncovered.add(key);
      return '';
    }
    const call = args[key] ?? '';
    const type = getNamedType(field.type);
    if (isLeafType(type)) return `${alias}${field.name}${call}`;
    if (level + 1 >= depth && !isEntity(type)) return '';
    const inner = fieldsOf(type, level + 1);
    return inner ? `${alias}${field.name}${call} { ${inner} }` : '';
  };

  const type = schema.getType(typeName);
  if (!type) throw new Error(`No type ${typeName} in the schema`);
  return { selection: fieldsOf(type, 0), uncovered: [...uncovered].sort() };
}
