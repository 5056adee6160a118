import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { applyDirectEntities } from '../data/applyDirectEntities';
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

/** Largest descriptor text the direct write path accepts. */
export const MAX_APPLY_BYTES = 1024 * 1024;

/**
 * The direct write path: descriptor YAML validated with the same rules as files, then
 * stored all or nothing. A dry run validates only.
 */
export async function applyDescriptors(prisma: PrismaClient, yaml: string, dryRun: boolean, kindRules: KindRules = {}): Promise<ApplyOutcome> {
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
  if (dryRun || outcome.problems.length) return outcome;
  const stored = await applyDirectEntities(prisma, outcome.entities);
  if (!stored.ok) {
    stored.conflicts.forEach(({ ref, target }) =>
      outcome.problems.push({ entityRef: ref, message: `Entity ${ref} is provided by ${target}; change it there` }),
    );
    return outcome;
  }
  return { ...outcome, applied: true };
}
