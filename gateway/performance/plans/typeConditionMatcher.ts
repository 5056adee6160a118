import { isAbstractType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

/** Whether an object of the answer is of a type condition, with what an object without `__typename` counts as. */
export type TypeConditionMatcher = (object: Record<string, unknown>, whenUntyped: boolean) => boolean;

/**
 * `@apollo/gateway`'s `isObjectOfType` (dataRewrites.js) for one type condition of a
 * plan, over the same supergraph schema: by `__typename`, a type being of an abstract
 * condition when the schema says it is a subtype. It runs for every entity of every
 * request, so the answer per type name is kept (only for names the schema knows: a
 * subgraph cannot grow the cache with names it makes up).
 */
export function typeConditionMatcher(schema: GraphQLSchema, typeCondition: string): TypeConditionMatcher {
  const known = new Map<string, boolean>();
  return (object, whenUntyped) => {
    const typename = object.__typename;
    if (!typename) return whenUntyped;
    if (typename === typeCondition) return true;
    if (typeof typename === 'string') {
      const cached = known.get(typename);
      if (cached !== undefined) return cached;
    }
    // Not a string: looked up as the gateway does (graphql-js turns it into a property key), never kept.
    const type = schema.getType(typename as string);
    if (!type) return false;
    const condition = schema.getType(typeCondition);
    const matches = !!condition && isAbstractType(condition) && (isObjectType(type) || isInterfaceType(type)) && schema.isSubType(condition, type);
    if (typeof typename === 'string') known.set(typename, matches);
    return matches;
  };
}
