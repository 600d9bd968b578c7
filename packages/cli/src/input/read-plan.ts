import path from 'node:path';
import type { SourceText } from '@plan-lint/core';

export type PlanFormat = 'markdown' | 'text';

export interface PlanInput {
  filePath: string;
  source: SourceText;
  /** How the parser reads it: Markdown for .md and Word (converted to Markdown), text for the rest. */
  format: PlanFormat;
  /** Word and PDF plans: findings point into the extracted text, and fixes are never written back. */
  isConverted: boolean;
}

/** Reads and decodes one plan. Unreadable, undecodable or empty input throws a PlanLintInputError naming the file. */
export async function readPlan(filePath: string, given?: Buffer): Promise<PlanInput> {
  const core = await import('@plan-lint/core');
  // `given`: the plan read from standard input (`-`), named by --stdin-filename.
  if (given) core.assertInputSize(given.length, filePath);
  const bytes = given ?? readWithinSizeLimit(filePath, core);
  const extension = path.extname(filePath).toLowerCase();
  // A Word file is read as the Markdown it converts to (headings, automatic numbering, tables).
  if (extension === '.docx') return { filePath, source: await core.decodeDocx(bytes, filePath), format: 'markdown', isConverted: true };
  if (extension === '.pdf') return { filePath, source: await core.decodePdf(bytes, filePath), format: 'text', isConverted: true };
  const format: PlanFormat = extension === '.md' || extension === '.markdown' ? 'markdown' : 'text';
  const source = core.decodeBytes(bytes, filePath);
  // An empty file is a wrong path or an unsaved file, not a plan missing every section.
  // `\S` stops at the first character of any real plan, so the check costs nothing.
  if (!/\S/.test(source.text)) {
    const what = bytes.length === 0 ? '0 bytes' : 'only whitespace';
    throw new core.PlanLintInputError('empty', `file is empty (${what}): there is nothing to lint; check that this is the right file and that it was saved.`, { filePath });
  }
  return { filePath, source, format, isConverted: false };
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
