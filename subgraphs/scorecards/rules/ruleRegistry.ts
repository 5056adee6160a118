import { buildSuccessRate } from './buildSuccessRate';
import { ciPassing } from './ciPassing';
import { hasAnnotation } from './hasAnnotation';
import { hasDocs } from './hasDocs';
import { hasLink } from './hasLink';
import { hasOwner } from './hasOwner';
import { hasSystem } from './hasSystem';
import { lifecycle } from './lifecycle';
import type { Rule } from './rule';
import { vulnerabilityLimit } from './vulnerabilityLimit';

/** Every rule a check may name, by name. A new kind of check is a new file here, not a schema change. */
export const RULES: ReadonlyMap<string, Rule<any, any>> = new Map(
  [hasOwner, lifecycle, hasSystem, hasDocs, ciPassing, buildSuccessRate, vulnerabilityLimit, hasLink, hasAnnotation].map((rule) => [rule.name, rule]),
);
