import type { ScenarioIssue } from '../scenario/issues.ts';

/** A mistake in what the user typed or wrote: printed without a stack trace, exit code 2. */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly suggestion?: string,
  ) {
    super(message);
  }
}

/** A scenario that failed to load; carries every issue found. */
export class ScenarioError extends UserError {
  constructor(readonly issues: ScenarioIssue[]) {
    super('SCENARIO_INVALID', `${issues.length} problem${issues.length === 1 ? '' : 's'} in the scenario`);
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

let interrupted = false;
/** Records that a command stopped early on SIGINT or SIGTERM after saving its work; the CLI exits 130. */
export function markInterrupted(): void {
  interrupted = true;
}
export function wasInterrupted(): boolean {
  return interrupted;
}
