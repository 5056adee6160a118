import { requestAccess, requestScoped } from '../../../kit';
import type { ScorecardsContext } from '../context';

/**
 * The graph as the caller of this request sees it: every read a scorecard or roll-up
 * makes goes to the gateway on the caller's behalf, so hidden entities are neither
 * listed, scored nor counted (docs/permissions.md, "Plugins acting for a caller").
 */
export const callerGraph = requestScoped((context: ScorecardsContext) => context.graph.asCaller(requestAccess(context).onBehalfHeaders()));
