import { displayPath, sortedDiagnostics, totalCounts } from './counts.js';
import type { Formatter, ReportContext } from './types.js';

const ANSI = { red: '\u001b[31m', yellow: '\u001b[33m', dim: '\u001b[2m', bold: '\u001b[1m', underline: '\u001b[4m', reset: '\u001b[0m' };

const WORDS = {
  vi: {
    error: 'lỗi',
    warning: 'cảnh báo',
    problems: (n: number) => `${n} vấn đề`,
    fixable: (e: number, w: number) => `  ${e} lỗi và ${w} cảnh báo có thể sửa tự động bằng tuỳ chọn \`--fix\`.`,
    convertedFixable: (n: number) =>
      `  ${n} vấn đề trong tệp Word/PDF có cách sửa, nhưng --fix không ghi lại tệp Word/PDF: hãy sửa trong văn bản gốc, hoặc chuyển sang Markdown bằng \`plan-lint convert TỆP -o TỆP.md\` rồi dùng --fix.`,
  },
  en: {
    error: 'error',
    warning: 'warning',
    problems: (n: number) => `${n} problem${n === 1 ? '' : 's'}`,
    fixable: (e: number, w: number) =>
      `  ${e} error${e === 1 ? '' : 's'} and ${w} warning${w === 1 ? '' : 's'} potentially fixable with the \`--fix\` option.`,
    convertedFixable: (n: number) =>
      `  ${n} problem${n === 1 ? '' : 's'} in Word/PDF files ${n === 1 ? 'has a fix' : 'have fixes'}, but --fix does not rewrite Word/PDF files: fix the original document, or convert it with \`plan-lint convert FILE -o FILE.md\` and use --fix there.`,
  },
};

/**
 * ESLint's `stylish`: findings grouped under their file, `line:col  severity  message  rule`
 * in aligned columns, then one summary line. Colours only when the context says the output is a TTY.
 */
export const formatStylish: Formatter = (files, context) => {
  const paint = (code: keyof typeof ANSI, text: string) => (context.color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const words = WORDS[context.locale];
  const out: string[] = [];
  for (const file of files) {
    const rows: { place: string; severity: 'error' | 'warning'; message: string; rule: string }[] = [];
    if (file.fatal) {
      rows.push({ place: `${file.fatal.line ?? 0}:${file.fatal.column ?? 0}`, severity: 'error', message: file.fatal.message, rule: '' });
    }
    for (const diagnostic of sortedDiagnostics(file.diagnostics)) {
      rows.push({
        place: `${diagnostic.position.start.line}:${diagnostic.position.start.column}`,
        severity: diagnostic.severity,
        message: diagnostic.message.replace(/\s*\n\s*/g, ' '),
        rule: diagnostic.ruleId,
      });
    }
    if (rows.length === 0) continue;
    out.push('', paint('underline', displayPath(file.filePath, context.cwd)));
    const placeWidth = Math.max(...rows.map((row) => row.place.length));
    const severityWidth = Math.max(...rows.map((row) => words[row.severity].length));
    const messageWidth = Math.max(...rows.map((row) => row.message.length));
    for (const row of rows) {
      const severity = words[row.severity].padEnd(severityWidth);
      out.push(
        `  ${paint('dim', row.place.padEnd(placeWidth))}  ${paint(row.severity === 'error' ? 'red' : 'yellow', severity)}  ${row.message.padEnd(messageWidth)}  ${paint('dim', row.rule)}`.trimEnd(),
      );
    }
  }
  const total = totalCounts(files);
  const problems = total.errorCount + total.warningCount;
  if (problems === 0) return '';
  out.push('', summaryLine(total.errorCount, total.warningCount, problems, context, paint));
  if (total.fixableErrorCount + total.fixableWarningCount > 0) {
    out.push(paint(total.errorCount > 0 ? 'red' : 'yellow', words.fixable(total.fixableErrorCount, total.fixableWarningCount)));
  }
  const convertedFixable = files.reduce((n, file) => n + (file.converted ? file.diagnostics.filter((diagnostic) => diagnostic.fix).length : 0), 0);
  if (convertedFixable > 0) out.push(paint('dim', words.convertedFixable(convertedFixable)));
  return out.join('\n') + '\n';
};

function summaryLine(
  errors: number,
  warnings: number,
  problems: number,
  context: ReportContext,
  paint: (code: keyof typeof ANSI, text: string) => string,
): string {
  const en = context.locale === 'en';
  const errorText = en ? `${errors} error${errors === 1 ? '' : 's'}` : `${errors} lỗi`;
  const warningText = en ? `${warnings} warning${warnings === 1 ? '' : 's'}` : `${warnings} cảnh báo`;
  const line = `\u2716 ${WORDS[context.locale].problems(problems)} (${errorText}, ${warningText})`;
  return paint('bold', paint(errors > 0 ? 'red' : 'yellow', line));
}
