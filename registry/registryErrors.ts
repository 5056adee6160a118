import { DomainError } from '../kit';
import type { CheckReport } from './checks/runChecks';

/** A publish the checks refused: the subgraphs do not compose, or a breaking change is used and --force was not given. */
export class CheckFailedError extends DomainError {
  readonly code = 'CHECK_FAILED';
  constructor(readonly report: CheckReport) {
    super(
      report.composition.ok
        ? `Publishing ${report.subgraph} would break operations in use; publish with --force and --reason to do it anyway`
        : `${report.subgraph} does not compose with the other subgraphs; nothing was published`,
    );
  }
}
