import type { ScorecardsServices } from './services';

/** What every scorecards resolver gets; loaders are built from it lazily, per request. */
export type ScorecardsContext = ScorecardsServices;
