import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** ISO-8601 with a date, a time and a zone (`Z` or `+01:00`); a bare date or a local time is ambiguous. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function parse(value: unknown): string {
  if (typeof value !== 'string' || value.length > 40 || !ISO_WITH_ZONE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(`DateTime must be an ISO-8601 date and time with a zone, e.g. 2026-12-08T00:00:00Z; got ${JSON.stringify(value)?.slice(0, 60)}`);
  }
  return new Date(value).toISOString();
}

/** A point in time: read as ISO-8601 with a zone, answered in UTC (`2026-12-08T00:00:00.000Z`). */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO-8601 date and time with a zone.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: parse,
  parseLiteral: (node) => parse(node.kind === Kind.STRING ? node.value : undefined),
});
