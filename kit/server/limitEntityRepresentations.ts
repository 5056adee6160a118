import type { GraphQLSchema } from 'graphql';
import { InputError } from '../errors/domainErrors';

/**
 * Caps how many representations one `_entities` call may ask for. The gateway batches
 * every entity of a fetch into one call, so a huge list means a query that fans out far
 * more than any page needs; refusing it costs less than resolving it. Wraps the resolver
 * `buildSubgraphSchema` made, in place; a schema without entities is left alone.
 */
export function limitEntityRepresentations(schema: GraphQLSchema, max: number): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return schema;
  field.resolve = (source, args: { representations?: unknown[] }, context, info) => {
    const count = args.representations?.length ?? 0;
    if (count > max) {
      throw new InputError(`One request may resolve at most ${max} entities; this one asked for ${count}`, {
        maxRepresentations: max,
      });
    }
    return resolve(source, args, context, info);
  };
  return schema;
}
