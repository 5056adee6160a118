import { GraphQLObjectType, type GraphQLSchema } from 'graphql';

/**
 * Lets a plugin subgraph that extends `Entity` as an `@interfaceObject` take a
 * representation named after a concrete kind (`{ __typename: "Component", ref }`). The
 * federation spec has routers send the interface's name, and Apollo's do; other gateways
 * (Hive Gateway) send the concrete type they resolved, which this subgraph has never heard
 * of. A `__typename` this schema does not define becomes `Entity`; every other stays as
 * sent. Wraps the `_entities` resolver in place; any other schema is left alone.
 */
export function acceptConcreteEntityTypes(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve || !(schema.getType('Entity') instanceof GraphQLObjectType)) return schema;
  field.resolve = (source, args: { representations?: unknown[] }, context, info) => {
    const representations = (args.representations ?? []).map((representation) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      if (typeof typename !== 'string' || schema.getType(typename)) return representation;
      return { ...(representation as object), __typename: 'Entity' };
    });
    return resolve(source, { ...args, representations }, context, info);
  };
  return schema;
}
