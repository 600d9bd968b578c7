import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * The temporary file plan-lint writes beside `target` before renaming it into place:
 * `.plan-lint-write-<pid>-<hex>.tmp`, the name the CLI's --fix and report writes use, so that a
 * kill before the rename leaves a file whose owner is obvious and which a later run removes
 * (the CLI's cleanStaleTemps).
 */
export function ownTempPath(target: string): string {
  return path.join(path.dirname(target), `.plan-lint-write-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}
