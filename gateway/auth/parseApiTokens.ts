import { userIdentity, type CallerIdentity } from '../../kit';

/** A static API token for scripts, and who it stands for. */
export interface ApiToken {
  token: string;
  identity: CallerIdentity;
}

/** Shorter tokens are refused: a guessable token protects nothing. */
export const MIN_API_TOKEN_LENGTH = 16;

/** `<token>=<user ref>[,<group ref>...]`, the `--api-token` syntax. */
export function parseApiToken(value: string, origin = '--api-token'): ApiToken {
  const at = value.lastIndexOf('=');
  if (at <= 0) throw new Error(`${origin}: expected <token>=<user ref>[,<group ref>...]`);
  const [user, ...groups] = value.slice(at + 1).split(',').map((ref) => ref.trim()).filter(Boolean);
  return apiToken(value.slice(0, at), user ?? '', groups, origin);
}

/**
 * `ENSEMBLE_API_TOKENS`: a JSON object from token to refs, the user's first, as a list
 * or as the flag's comma-separated text:
 * `{"<token>": ["user:default/ci-bot", "group:default/team-platform"]}`.
 */
export function parseApiTokensJson(text: string, origin = 'ENSEMBLE_API_TOKENS'): ApiToken[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${origin}: not JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${origin}: expected an object from token to refs`);
  return Object.entries(parsed).map(([token, refs]) => {
    const list = typeof refs === 'string' ? refs.split(',').map((ref) => ref.trim()).filter(Boolean) : refs;
    if (!Array.isArray(list) || !list.every((ref): ref is string => typeof ref === 'string')) {
      throw new Error(`${origin}: the refs of a token must be a list of strings or a comma-separated string`);
    }
    const [user, ...groups] = list;
    return apiToken(token, user ?? '', groups, origin);
  });
}

function apiToken(token: string, user: string, groups: string[], origin: string): ApiToken {
  if (token.length < MIN_API_TOKEN_LENGTH) throw new Error(`${origin}: a token must be at least ${MIN_API_TOKEN_LENGTH} characters`);
  if (/\s/.test(token)) throw new Error(`${origin}: a token may not contain white space`);
  if (!user) throw new Error(`${origin}: name the user the token stands for`);
  return { token, identity: userIdentity(user, groups, origin) };
}
