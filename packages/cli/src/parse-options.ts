import { UsageError } from './usage-error.js';
import { tr } from './locale.js';

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
    if (unknown) throw new UsageError(tr(`không có tuỳ chọn "${unknown[1]}"`, `unknown option "${unknown[1]}"`));
    const missing = /Option '([^']+)' argument missing/.exec(message);
    if (missing) {
      const option = missing[1].replace(/^-\w, /, '').replace(/ <value>$/, '');
      throw new UsageError(tr(`tuỳ chọn "${option}" cần một giá trị`, `option "${option}" needs a value`));
    }
    const positional = /Unexpected argument '([^']+)'/.exec(message);
    if (positional) throw new UsageError(tr(`đối số thừa "${positional[1]}"`, `unexpected argument "${positional[1]}"`));
    throw new UsageError(message);
  }
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(tr(`${name} phải là một trong ${allowed.join(', ')}; nhận được "${value}"`, `${name} must be one of ${allowed.join(', ')}; got "${value}"`));
  }
  return value as T;
}
