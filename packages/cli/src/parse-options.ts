import { UsageError } from './usage-error.js';

/**
 * Runs node:util's parseArgs (called by each command, so its option types stay exact) and turns
 * its errors into usage errors (exit 2) in our words.
 */
export function withUsageErrors<R>(parse: () => R): R {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`unknown option "${unknown[1]}"`);
    const missing = /Option '([^']+)' argument missing/.exec(message);
    if (missing) throw new UsageError(`option "${missing[1].replace(/^-\w, /, '').replace(/ <value>$/, '')}" needs a value`);
    const positional = /Unexpected argument '([^']+)'/.exec(message);
    if (positional) throw new UsageError(`unexpected argument "${positional[1]}"`);
    throw new UsageError(message);
  }
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${name} must be one of ${allowed.join(', ')}; got "${value}"`);
  }
  return value as T;
}
