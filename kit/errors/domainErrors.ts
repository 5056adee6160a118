/**
 * Business errors a resolver may throw on purpose. Each carries the stable
 * `extensions.code` clients see; `formatError` maps them in one place and masks the rest.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string, readonly details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
  }
}

/** The caller sent something invalid: bad arguments, a descriptor that fails validation. */
export class InputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
}

/** The thing asked for does not exist, or the caller may not know that it does. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

/** The request clashes with what is stored (an entity claimed by another location, say). */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

/**
 * A conditional write found the stored version changed since the caller read it (an ETag
 * mismatch): nothing was written; read again and retry.
 */
export class VersionConflictError extends DomainError {
  readonly code = 'VERSION_CONFLICT';
}

/** The caller is known but may not do this. */
export class NotAllowedError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/** The subgraph's database cannot be reached or did not answer in time. */
export class DatabaseUnavailableError extends DomainError {
  readonly code = 'DB_UNAVAILABLE';
}
