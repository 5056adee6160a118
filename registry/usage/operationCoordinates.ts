import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/**
 * The schema coordinates an operation uses: every type it selects on (`Query`,
 * `Component`), every field (`Component.lifecycle`), argument (`Query.entities.filter`),
 * input field (`EntityFilter.kind`) and enum value written as a literal
 * (`Lifecycle.PRODUCTION`). A breaking change at one of these breaks the operation: the
 * registry's operations check matches the two (checks/affectedOperations.ts), and
 * gateways report them as usage. Coordinates are read against `schema`; what it does not
 * know is left out.
 */
export function operationCoordinates(schema: GraphQLSchema, document: DocumentNode): string[] {
  const found = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet() {
        const parent = typeInfo.getParentType();
        if (parent) found.add(parent.name);
      },
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field) found.add(`${parent.name}.${field.name}`);
      },
      Argument() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        if (parent && field && argument) found.add(`${parent.name}.${field.name}.${argument.name}`);
      },
      ObjectField(node) {
        // Entered after TypeInfo's own step: the parent input type is the object's type.
        const named = getNamedType(typeInfo.getParentInputType() ?? undefined);
        if (isInputObjectType(named)) found.add(named.name).add(`${named.name}.${node.name.value}`);
      },
      VariableDefinition(node) {
        const named = schema.getType(namedTypeName(node.type));
        if (named) found.add(named.name);
      },
      EnumValue(node) {
        const named = getNamedType(typeInfo.getInputType());
        if (isEnumType(named)) found.add(`${named.name}.${node.value}`);
      },
    }),
  );
  return [...found].sort();
}

function namedTypeName(type: { kind: string; name?: { value: string }; type?: unknown }): string {
  return type.name ? type.name.value : namedTypeName(type.type as typeof type);
}
