import path from 'node:path';
import type { ReportFile } from './types.js';

export interface FileCounts {
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/**
 * Counts as ESLint makes them: a fatal (unreadable) file is one error. A fix in a Word or PDF plan
 * is not counted as fixable: --fix does not rewrite those files.
 */
export function countsOf(file: ReportFile): FileCounts {
  const counts: FileCounts = {
    errorCount: file.fatal ? 1 : 0,
    fatalErrorCount: file.fatal ? 1 : 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
  for (const diagnostic of file.diagnostics) {
    if (diagnostic.severity === 'error') {
      counts.errorCount++;
      if (diagnostic.fix && !file.converted) counts.fixableErrorCount++;
    } else {
      counts.warningCount++;
      if (diagnostic.fix && !file.converted) counts.fixableWarningCount++;
    }
  }
  return counts;
}

export function totalCounts(files: readonly ReportFile[]): FileCounts {
  const total: FileCounts = { errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const file of files) {
    const counts = countsOf(file);
    for (const key of Object.keys(total) as (keyof FileCounts)[]) total[key] += counts[key];
  }
  return total;
}

/** A path as users read it in a report: relative to the working folder, with `/`. */
export function displayPath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath.split(path.sep).join('/');
  const relative = path.relative(cwd, filePath);
  return (relative === '' || relative.startsWith('..') ? filePath : relative).split(path.sep).join('/');
}

/** Diagnostics in reading order. */
export function sortedDiagnostics<T extends { position: { start: { line: number; column: number } }; ruleId: string }>(
  diagnostics: readonly T[],
): T[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.position.start.line - b.position.start.line ||
      a.position.start.column - b.position.start.column ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
