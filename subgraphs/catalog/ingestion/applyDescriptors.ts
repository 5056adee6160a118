import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { InputError } from '../../../kit';
import { applyDirectEntities } from '../data/applyDirectEntities';
import { checkExpectedVersion } from '../data/entityVersion';
import { findPlaceholders } from '../model/placeholders';
import type { KindRules } from '../model/validation/kinds/validateKind';
import { parseDescriptors } from './parseDescriptors';
import { guessEntityRef, processEntity, type ProcessedEntity } from './processEntity';

export interface ApplyProblem {
  entityRef: string | null;
  message: string;
}

export interface ApplyOutcome {
  /** True when the entities are stored (never on a dry run or with any problem). */
  applied: boolean;
  dryRun: boolean;
  /** The validated entities, stored or not. */
  entities: ProcessedEntity[];
  problems: ApplyProblem[];
}

/**
 * Decides, before anything is written (dry runs too), whether the caller may replace the
 * entities of the input that already exist (`existing`): throws when not. Answers which
 * of them the caller may read: only those are named in errors.
 */
export type ReplaceCheck = (existing: readonly string[]) => Promise<ReadonlySet<string>>;

/** Without a caller (scripts, tests of the write path): anything may be replaced and named. */
const REPLACE_ANYTHING: ReplaceCheck = async (existing) => new Set(existing);

/** Largest descriptor text the direct write path accepts. */
export const MAX_APPLY_BYTES = 1024 * 1024;

/**
 * The direct write path: descriptor YAML validated with the same rules as files, then
 * stored all or nothing. Creating an entity and replacing one are different rights:
 * `mayReplace` is asked about every entity of the input that exists. A dry run validates
 * and asks the same, and writes nothing. With `expectedVersion` (an etag) the input must
 * be one entity, written only while it is stored at that version (dry runs check it too).
 */
export async function applyDescriptors(
  prisma: PrismaClient,
  yaml: string,
  dryRun: boolean,
  mayReplace: ReplaceCheck = REPLACE_ANYTHING,
  kindRules: KindRules = {},
  expectedVersion?: string,
): Promise<ApplyOutcome> {
  const outcome: ApplyOutcome = { applied: false, dryRun, entities: [], problems: [] };
  if (Buffer.byteLength(yaml) > MAX_APPLY_BYTES) {
    outcome.problems.push({ entityRef: null, message: `The descriptors are larger than the ${MAX_APPLY_BYTES} bytes allowed` });
    return outcome;
  }
  const parsed = parseDescriptors(yaml);
  parsed.errors.forEach((message) => outcome.problems.push({ entityRef: null, message }));
  if (!parsed.documents.length && !parsed.errors.length) outcome.problems.push({ entityRef: null, message: 'No entity in the input' });
  const seen = new Set<string>();
  for (const { value } of parsed.documents) {
    if (findPlaceholders(value).length) {
      // They name files relative to a descriptor file; a direct write has none.
      outcome.problems.push({ entityRef: guessEntityRef(value), message: 'Placeholders ($text, $json, $yaml) are only resolved in registered locations' });
      continue;
    }
    const result = processEntity(value, kindRules);
    if (!result.ok) {
      result.errors.forEach((message) => outcome.problems.push({ entityRef: result.ref, message }));
      continue;
    }
    if (seen.has(result.entity.ref)) {
      outcome.problems.push({ entityRef: result.entity.ref, message: `Entity ${result.entity.ref} appears more than once in the input` });
      continue;
    }
    seen.add(result.entity.ref);
    outcome.entities.push(result.entity);
  }
  if (outcome.problems.length) return outcome;
  if (expectedVersion !== undefined && outcome.entities.length !== 1) {
    throw new InputError(`expectedVersion applies to one entity; the input holds ${outcome.entities.length}`);
  }
  const stored = await prisma.entity.findMany({ where: { ref: { in: [...seen] } }, select: { ref: true, hash: true } });
  const existing = stored.map((row) => row.ref);
  const nameable = await mayReplace(existing);
  if (dryRun) {
    if (expectedVersion !== undefined) checkExpectedVersion(outcome.entities[0].ref, expectedVersion, stored[0]?.hash);
    return outcome;
  }
  const written = await applyDirectEntities(prisma, outcome.entities, new Set(existing), expectedVersion);
  if (!written.ok) {
    // Never the location's target (a server path), and the ref only when the caller may read it.
    written.conflicts.forEach((ref) =>
      outcome.problems.push(
        nameable.has(ref)
          ? { entityRef: ref, message: `Entity ${ref} is provided by a registered location; change it there` }
          : { entityRef: null, message: 'An entity of the input cannot be written now; nothing was applied' },
      ),
    );
    return outcome;
  }
  return { ...outcome, applied: true };
}
