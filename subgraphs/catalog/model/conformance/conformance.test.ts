/**
 * The conformance suite: Ensemble's verdict, error text and relations for every
 * generated descriptor variant, against Backstage's own code (see
 * backstageProcessing). Every variant must agree, except the deliberate
 * differences listed in the catalog's README, which are counted and named here.
 */
import { processEntity } from '../../ingestion/processEntity';
import { isBuiltinKind } from '../validation/kinds/validateKind';
import { backstageProcess, type BackstageVerdict } from './backstageProcessing';
import { descriptorVariants, type Variant } from './descriptorVariants';

interface Outcome {
  ok: boolean;
  error?: string;
  relations?: string[];
}

function ensembleProcess(document: unknown): Outcome {
  const result = processEntity(document);
  if (!result.ok) return { ok: false, error: result.errors[0] };
  return { ok: true, relations: result.entity.relations.map((r) => `${r.sourceRef} ${r.type} ${r.targetRef}`) };
}

/** A deliberate difference (README, "Deliberate differences from Backstage"), or undefined. */
function deliberateDifference(variant: Variant): string | undefined {
  const kind = (variant.document as { kind?: unknown } | null)?.kind;
  if (typeof kind === 'string' && !isBuiltinKind(kind)) return 'custom kinds are kept';
  return undefined;
}

const sorted = (lines: string[] = []) => lines.map((line) => line.toLowerCase()).sort();

describe('conformance with Backstage', () => {
  const variants = descriptorVariants();
  let results: { variant: Variant; ours: Outcome; theirs: BackstageVerdict; deliberate?: string }[];

  beforeAll(async () => {
    results = [];
    for (const variant of variants) {
      results.push({ variant, ours: ensembleProcess(variant.document), theirs: await backstageProcess(variant.document), deliberate: deliberateDifference(variant) });
    }
  });

  it('generates variants in bulk, valid and invalid', () => {
    expect(variants.length).toBeGreaterThan(1500);
    expect(results.filter((r) => r.theirs.ok).length).toBeGreaterThan(300);
    expect(results.filter((r) => !r.theirs.ok).length).toBeGreaterThan(300);
  });

  it('agrees on every verdict, except the deliberate differences', () => {
    const disagreements = results.filter((r) => !r.deliberate && r.ours.ok !== r.theirs.ok);
    expect(disagreements.map((r) => `${r.variant.label}: ours ${r.ours.ok ? 'ok' : r.ours.error}; Backstage ${r.theirs.ok ? 'ok' : r.theirs.error}`)).toEqual([]);
  });

  it('words every error as Backstage does', () => {
    const texts = results.filter((r) => !r.deliberate && !r.ours.ok && !r.theirs.ok && r.ours.error !== r.theirs.error);
    expect(texts.map((r) => `${r.variant.label}: ours "${r.ours.error}"; Backstage "${(r.theirs as { error: string }).error}"`)).toEqual([]);
  });

  it('derives exactly Backstage\'s relations', () => {
    const both = results.filter((r) => r.ours.ok && r.theirs.ok);
    expect(both.length).toBeGreaterThan(300);
    const differing = both.filter((r) => JSON.stringify(sorted(r.ours.relations)) !== JSON.stringify(sorted((r.theirs as { relations: string[] }).relations)));
    expect(differing.map((r) => r.variant.label)).toEqual([]);
  });

  it('differs only where the README says so', () => {
    const deliberate = results.filter((r) => r.deliberate && r.ours.ok !== r.theirs.ok);
    // Custom kinds: Backstage refuses them ("No processor recognized ..."), we keep them.
    expect(deliberate.every((r) => r.ours.ok && !r.theirs.ok && /^No processor recognized/.test((r.theirs as { error: string }).error))).toBe(true);
  });
});
