import { usageError } from './exitCodes';

/** `--var name=value` pairs as GraphQL variables: JSON when the value parses as JSON, else the string. */
export function parseVariables(pairs: string[]): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at);
    if (at <= 0 || !/^[_A-Za-z][_0-9A-Za-z]*$/.test(name)) throw usageError(`--var wants name=value with a GraphQL variable name, not "${pair}"`);
    const raw = pair.slice(at + 1);
    try {
      variables[name] = JSON.parse(raw);
    } catch {
      variables[name] = raw;
    }
  }
  return variables;
}
