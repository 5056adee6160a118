import type { GraphQLResolveInfo } from 'graphql';
import { InputError } from '../../../kit';
import type { CatalogContext } from '../context';
import type { EntityRecord } from '../data/entityRecord';
import { canonicalRelationType } from '../data/entityFieldSql';
import { REACH_LIMITS, type ReachQuery } from '../data/findReachableEntities';
import { catalogLoaders } from '../loaders';
import { asksOnlySummaryFields } from './asksOnlySummaryFields';
import {
  RELATION_CONSUMES_API,
  RELATION_HAS_PART,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
} from '../model/relationTypes';

const MAX_RELATION_TYPES = 20;
const MAX_KINDS = 50;

/** Transitive fields: walks of the relation graph, batched per distinct arguments. */
export const reachableFields = {
  related: (
    record: EntityRecord,
    args: { relationTypes: readonly string[]; maxDepth?: number | null; kind?: readonly string[] | null },
    context: CatalogContext,
    info: GraphQLResolveInfo,
  ) => {
    if (args.relationTypes.length < 1 || args.relationTypes.length > MAX_RELATION_TYPES) {
      throw new InputError(`"relationTypes" must list 1 to ${MAX_RELATION_TYPES} relation types`);
    }
    const maxDepth = args.maxDepth ?? 5;
    if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > REACH_LIMITS.depth) {
      throw new InputError(`"maxDepth" must be between 1 and ${REACH_LIMITS.depth}, got ${maxDepth}`);
    }
    return reach(record, context, info, { follow: canonicalSet(args.relationTypes.map(canonicalRelationType)), maxDepth, kinds: kinds(args.kind) });
  },
  /** Group: what it and every group below it own. */
  ownsTransitively: (record: EntityRecord, args: { kind?: readonly string[] | null }, context: CatalogContext, info: GraphQLResolveInfo) =>
    reach(record, context, info, { follow: [RELATION_PARENT_OF], maxDepth: REACH_LIMITS.depth, finally: [RELATION_OWNER_OF], kinds: kinds(args.kind) }),
  /** System: APIs consumed by its components and their subcomponents. */
  consumedApis: (record: EntityRecord, _: unknown, context: CatalogContext, info: GraphQLResolveInfo) =>
    reach(record, context, info, { follow: [RELATION_HAS_PART], maxDepth: REACH_LIMITS.depth, finally: [RELATION_CONSUMES_API], kinds: ['api'] }),
};

/** The walk, batched per distinct arguments; whole rows only when fields beyond the summary are asked for. */
function reach(record: EntityRecord, context: CatalogContext, info: GraphQLResolveInfo, query: ReachQuery): Promise<EntityRecord[]> {
  return catalogLoaders(context).reachable({ ...query, summary: asksOnlySummaryFields(info, []) }).load(record.ref);
}

function kinds(values: readonly string[] | null | undefined): string[] | null {
  if (!values) return null;
  if (values.length > MAX_KINDS) throw new InputError(`"kind" may list at most ${MAX_KINDS} kinds`);
  return canonicalSet(values.map((kind) => kind.toLowerCase()));
}

/** Sorted and unique, so the same arguments written differently share one loader. */
function canonicalSet(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
