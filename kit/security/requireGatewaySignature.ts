import { IDENTITY_HEADER } from '../permissions/identityHeader';
import type { RequestGuard } from '../server/graphqlHandler';
import { SIGNATURE_HEADER } from './signRequest';
import { verifySignature } from './verifySignature';

export interface GatewaySignatureOptions {
  /** The secret the gateway signs with. */
  secret: string;
  /** How old (or how far ahead) a signature may be. Default 60 s. */
  maxAgeMs?: number;
  /** Told why a request was refused (clock skew shows up here as "stale signature"). */
  log?: (line: string) => void;
}

/**
 * A subgraph answers only the gateway: a GraphQL request without a valid, fresh
 * signature over its body is refused with 401 before Apollo sees it. The reason stays
 * generic on purpose; a prober learns nothing about which check failed.
 */
export function requireGatewaySignature(options: GatewaySignatureOptions): RequestGuard {
  return (request, body) => {
    const header = request.headers[SIGNATURE_HEADER];
    const identity = request.headers[IDENTITY_HEADER];
    // The identity header is part of what is signed: a caller who adds, changes or drops it fails here.
    const check = verifySignature(options.secret, Array.isArray(header) ? header[0] : header, body, {
      maxAgeMs: options.maxAgeMs,
      identity: Array.isArray(identity) ? identity.join(', ') : identity,
    });
    if (check.ok) return undefined;
    options.log?.(`refused a request to ${request.url ?? '/'} from ${request.socket.remoteAddress ?? 'unknown'}: ${check.reason}`);
    return { status: 401, code: 'UNAUTHENTICATED', message: 'This subgraph answers only requests signed by the gateway' };
  };
}
