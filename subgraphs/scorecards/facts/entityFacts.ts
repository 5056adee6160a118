import type { Fact } from './fact';

/** A link of the entity, as the catalog gives it. */
export interface LinkFact {
  url: string;
  title: string | null;
  type: string | null;
}

/**
 * Everything a rule may read about one entity. Each fact comes from one subgraph
 * (see factSources) and may be unknown on its own: security down leaves
 * `openCritical` unknown and `owner` known.
 */
export interface EntityFacts {
  /** The canonical ref. */
  ref: string;
  /** The lower-cased kind, from the ref. */
  kind: string;
  /** The declared owner's ref, and whether that owner exists in the catalog; null when none is declared. */
  owner: Fact<{ ref: string; exists: boolean } | null>;
  /** spec.lifecycle; null when not set. */
  lifecycle: Fact<string | null>;
  /** The system it is part of; null when none. */
  system: Fact<string | null>;
  /** metadata.annotations. */
  annotations: Fact<{ key: string; value: string }[]>;
  /** metadata.links. */
  links: Fact<LinkFact[]>;
  /** Published documentation pages; 0 when none was published. */
  docsPageCount: Fact<number>;
  /** The status of the newest finished run (SUCCEEDED or FAILED) on the default branch; null when there is none. */
  defaultBranchStatus: Fact<'SUCCEEDED' | 'FAILED' | null>;
  /** Share of finished runs that succeeded over the last 30 days, 0 to 1; null when no run finished. */
  buildSuccessRate: Fact<number | null>;
  /** Open critical vulnerability findings. */
  openCritical: Fact<number>;
  /** Open high vulnerability findings. */
  openHigh: Fact<number>;
}

/** The names of the facts, as rules declare what they read. */
export type FactName = Exclude<keyof EntityFacts, 'ref' | 'kind'>;
