/** A mistake in how plan-lint was called (an unknown flag, a glob that matches nothing): exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
