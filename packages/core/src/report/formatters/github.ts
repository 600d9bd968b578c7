import { displayPath, sortedDiagnostics } from './counts.js';
import type { Formatter } from './types.js';

// Escaping as @actions/core's command.ts does: data escapes %, CR, LF; properties also : and ,.
const escapeData = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (value: string) => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding. */
export const formatGithub: Formatter = (files, context) => {
  const lines: string[] = [];
  for (const file of files) {
    const filePath = escapeProperty(displayPath(file.filePath, context.cwd));
    if (file.fatal) {
      lines.push(`::error file=${filePath},line=${file.fatal.line ?? 1},col=${file.fatal.column ?? 1},title=plan-lint::${escapeData(file.fatal.message)}`);
    }
    for (const diagnostic of sortedDiagnostics(file.diagnostics)) {
      const { start, end } = diagnostic.position;
      const command = diagnostic.severity === 'error' ? 'error' : 'warning';
      const properties = [
        `file=${filePath}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(diagnostic.ruleId)}`,
      ].join(',');
      lines.push(`::${command} ${properties}::${escapeData(`${diagnostic.message} (${diagnostic.docsUrl})`)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
