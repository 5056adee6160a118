/**
 * What the CLI's exit status means; scripts branch on these, so they never change
 * meaning (clients/cli/README.md lists them too).
 */
export const EXIT = {
  /** Done, and everything asked for was there. */
  OK: 0,
  /** A bug or an unexpected failure in the CLI itself. */
  INTERNAL: 1,
  /** Bad command line: unknown command or flag, missing or malformed value. */
  USAGE: 2,
  /** Output printed, but incomplete: a plugin was down, or a location had ingestion errors. */
  PARTIAL: 3,
  /** The entity or location named does not exist. */
  NOT_FOUND: 4,
  /** The API refused the request: GraphQL errors without usable data, or descriptors that did not validate. */
  REFUSED: 5,
  /** The API could not be reached or did not answer with GraphQL (refused, timeout, HTTP 5xx/404). */
  NETWORK: 6,
  /** The gateway refused the credentials: none sent where they are required, or an unknown or expired token (HTTP 401). */
  NOT_AUTHENTICATED: 7,
  /** `schema check` found a problem, or `schema publish` was refused by the checks (composition, breaking changes in use). */
  CHECK_FAILED: 8,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the CLI knows how to explain: its message goes to stderr, its code is the exit status. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A bad command line, reported with exit code 2. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT.USAGE);
}
