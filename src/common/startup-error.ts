/**
 * A failure at start that the operator can fix. Its message is printed as
 * one line, without a stack trace, before the process exits non-zero.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
