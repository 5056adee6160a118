import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { policyFromConfig } from './configPolicy';
import type { Policy } from './definePolicy';

/**
 * A policy from a file: `.yaml` / `.yml` / `.json` is configuration (policyFromConfig);
 * `.js` / `.ts` is code whose default (or `policy`) export is a `definePolicy(...)`.
 * Read once at start; a mistake stops the process with a message naming the place.
 */
export function loadPolicyFile(file: string): Policy {
  const absolute = path.resolve(file);
  const extension = path.extname(absolute).toLowerCase();
  if (['.js', '.cjs', '.ts', '.cts'].includes(extension)) {
    const loaded = require(absolute) as { default?: unknown; policy?: unknown };
    const policy = (loaded.default ?? loaded.policy) as Policy | undefined;
    if (typeof policy?.decide !== 'function') throw new Error(`${file}: export a definePolicy(...) as default or as "policy"`);
    return policy;
  }
  if (!['.yaml', '.yml', '.json'].includes(extension)) throw new Error(`${file}: a policy file is .yaml, .yml, .json, .js or .ts`);
  const text = readFileSync(absolute, 'utf8');
  return policyFromConfig(extension === '.json' ? JSON.parse(text) : parse(text), path.basename(file));
}
