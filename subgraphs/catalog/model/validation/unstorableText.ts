import { toStorableText, unstorableTextProblem } from '../../../../kit';

/**
 * A descriptor's text PostgreSQL cannot store (kit's unstorableTextProblem), found with the
 * field that holds it, so that it is a validation error of the entity naming the field.
 */

/** JSON.stringify writes both as `\u` escapes; text without one needs no walk. */
const ESCAPED_SUSPECT = /\\u0000|\\ud[89a-f]/i;

/**
 * One message per key or string value, anywhere in `value`, that PostgreSQL cannot store,
 * naming its field. `json` is the value as JSON.stringify wrote it, for a quick look first.
 */
export function findUnstorableText(value: unknown, json: string): string[] {
  if (!ESCAPED_SUSPECT.test(json)) return [];
  const errors: string[] = [];
  // Iterative on purpose: a hostile document can nest deeper than the stack.
  const stack: { path: string; value: unknown }[] = [{ path: '', value }];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const problem = unstorableTextProblem(item.value);
      if (problem) errors.push(`"${item.path}" ${problem}, which the catalog cannot store`);
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    const entries = Object.entries(item.value);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index];
      const path = item.path ? `${item.path}.${key}` : key;
      const keyProblem = unstorableTextProblem(key);
      if (keyProblem) errors.push(`The key "${toStorableText(path)}" ${keyProblem}, which the catalog cannot store`);
      else stack.push({ path, value: child });
    }
  }
  return errors;
}

