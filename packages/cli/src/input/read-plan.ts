import { statSync } from 'node:fs';
import type { SourceText } from '@plan-lint/core';
import { stampOf, type ReadStamp } from '../files/write-fix.js';

export type PlanFormat = 'markdown' | 'text';

export interface PlanInput {
  filePath: string;
  source: SourceText;
  /** How the parser reads it: Markdown for .md and Word (converted to Markdown), text for the rest. */
  format: PlanFormat;
  /** Word and PDF plans: findings point into the extracted text, and fixes are never written back. */
  isConverted: boolean;
  /** With `stamp`: the file as read (size, mtime, SHA-256), for --fix to check before it writes. */
  stamp?: ReadStamp;
}

/** Reads and decodes one plan. Unreadable, undecodable or empty input throws a PlanLintInputError naming the file. */
export async function readPlan(filePath: string, given?: Buffer, options: { stamp?: boolean } = {}): Promise<PlanInput> {
  const core = await import('@plan-lint/core');
  // `given`: the plan read from standard input (`-`), named by --stdin-filename.
  if (given) core.assertInputSize(given.length, filePath);
  const bytes = given ?? readWithinSizeLimit(filePath, core);
  // The mtime after the read: an edit between the read and this stat changes the hash, so is seen.
  const stamp = options.stamp && !given ? stampOf(bytes, statSync(filePath).mtimeMs) : undefined;
  // A Word file is read as the Markdown it converts to (headings, automatic numbering, tables).
  const { source, format, isConverted } = await core.decodeByExtension(bytes, filePath);
  if (isConverted) return { filePath, source, format, isConverted };
  // An empty file is a wrong path or an unsaved file, not a plan missing every section.
  // `\S` stops at the first character of any real plan, so the check costs nothing.
  if (!/\S/.test(source.text)) {
    const what = bytes.length === 0 ? '0 bytes' : 'only whitespace';
    throw new core.PlanLintInputError('empty', `file is empty (${what}): there is nothing to lint; check that this is the right file and that it was saved.`, { filePath });
  }
  return { filePath, source, format, isConverted: false, ...(stamp ? { stamp } : {}) };
}

type Core = typeof import('@plan-lint/core');

/**
 * The file's bytes: a regular file only (a FIFO or /dev/zero is refused, not read forever), refused
 * from its size before it is read (a 50 MB file was read whole only to be refused). Synchronous: a
 * plan is small, and an await per file left the CPU idle between files.
 */
function readWithinSizeLimit(filePath: string, core: Core): Buffer {
  try {
    return core.readPlanBytes(filePath);
  } catch (error) {
    if (error instanceof core.PlanLintInputError) throw error;
    throw unreadable(error, filePath, core);
  }
}

function unreadable(error: unknown, filePath: string, core: Core): Error {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const reason =
    code === 'ENOENT'
      ? 'file not found'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied; check the file\'s permissions'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'ELOOP'
            ? 'symbolic link loop (ELOOP): the link leads back to itself; fix or remove the link'
            : `cannot read the file (${code})`;
  return new core.PlanLintInputError('unreadable', reason, { filePath });
}
