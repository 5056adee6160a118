/** The levels, lowest first, as stored (the schema's enum upper-cases them). */
export const CHECK_LEVELS = ['bronze', 'silver', 'gold'] as const;

export type CheckLevel = (typeof CHECK_LEVELS)[number];

/** Where a level stands on the ladder, 0 for the lowest; -1 for a value that is not a level. */
export function levelRank(level: string): number {
  return (CHECK_LEVELS as readonly string[]).indexOf(level);
}

export function isCheckLevel(level: string): level is CheckLevel {
  return levelRank(level) >= 0;
}
