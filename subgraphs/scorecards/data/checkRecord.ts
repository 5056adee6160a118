import type { Check } from '../../../prisma/scorecards/generated/client';

/** A check as stored: `level` is `bronze`, `silver` or `gold`; `appliesTo` lower-cased kinds. */
export type CheckRecord = Check;
