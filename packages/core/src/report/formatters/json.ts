import { notApplicableRules } from '../outcome.js';
import type { NotApplicableReason } from '../../governance/types.js';
import type { Diagnostic } from '../../engine/diagnostic.js';
import { countsOf, sortedDiagnostics } from './counts.js';
import type { Formatter, ReportFile, SuppressedDiagnostic } from './types.js';

/** ESLint's `LintMessage`, field for field, so that tools reading ESLint reports read ours. */
export interface EslintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  messageId?: string;
  fatal?: true;
  fix?: { range: [number, number]; text: string };
  suggestions?: { desc: string; messageId?: string; fix: { range: [number, number]; text: string } }[];
  suppressions?: { kind: 'directive'; justification: string }[];
}

export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: EslintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  source?: string;
  output?: string;
  usedDeprecatedRules: never[];
  /**
   * plan-lint's addition: the rules that did not judge this file and why (no parent plan, turned
   * off, not in force, topic not covered, unreadable). ESLint's results have no outcome for a rule
   * without messages, so without this list a rule that made no check would read as passed; tools
   * that read ESLint JSON ignore the extra field.
   */
  notApplicable?: { ruleId: string; reason: NotApplicableReason }[];
}

/** A finding's place as ESLint reports it (and the web page and the MCP tools, which answer like the JSON report). */
export function findingPlace(diagnostic: Diagnostic): { line: number; column: number; endLine: number; endColumn: number } {
  const { start, end } = diagnostic.position;
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function toMessage(diagnostic: Diagnostic): EslintMessage {
  const message: EslintMessage = {
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity === 'error' ? 2 : 1,
    message: diagnostic.message,
    ...findingPlace(diagnostic),
    messageId: diagnostic.messageId,
  };
  if (diagnostic.fix) message.fix = { range: [...diagnostic.fix.range], text: diagnostic.fix.text };
  if (diagnostic.suggestions?.length) {
    message.suggestions = diagnostic.suggestions.map((suggestion) => ({
      desc: suggestion.message,
      messageId: suggestion.messageId,
      fix: { range: [...suggestion.fix.range], text: suggestion.fix.text },
    }));
  }
  return message;
}

function toSuppressed(diagnostic: SuppressedDiagnostic): EslintMessage {
  return { ...toMessage(diagnostic), suppressions: [{ kind: 'directive', justification: diagnostic.justification ?? '' }] };
}

export function toEslintResult(file: ReportFile): EslintResult {
  const messages = sortedDiagnostics(file.diagnostics).map(toMessage);
  if (file.fatal) {
    messages.unshift({
      ruleId: null,
      fatal: true,
      severity: 2,
      message: file.fatal.message,
      line: file.fatal.line ?? 1,
      column: file.fatal.column ?? 1,
    });
  }
  const result: EslintResult = {
    filePath: file.filePath,
    messages,
    suppressedMessages: sortedDiagnostics(file.suppressed ?? []).map(toSuppressed),
    ...countsOf(file),
    usedDeprecatedRules: [],
  };
  if (file.governance) result.notApplicable = notApplicableRules(file);
  // As ESLint: the fixed text when --fix changed the file, else the source when there is something to show.
  if (file.output !== undefined) result.output = file.output;
  else if (messages.length > 0 && file.text !== undefined) result.source = file.text;
  return result;
}

/** ESLint's `json` format: the array of results. */
export const formatJson: Formatter = (files) => [...formatJsonChunks(files)].join('');

/**
 * The `json` format a file at a time: `[`, each result (comma-separated), `]`; joined, exactly
 * JSON.stringify of the array. The CLI writes the pieces as they come, so that the report of a
 * large run (29 MB for 1,000 plans) is never one string: that string and its UTF-8 copy made V8
 * collect the whole heap, about 0.5 s of the run.
 */
export function* formatJsonChunks(files: readonly ReportFile[]): Generator<string> {
  yield '[';
  for (let index = 0; index < files.length; index++) {
    // The comma apart: JSON.stringify's flat string is written as it is, never copied into a concatenation.
    if (index > 0) yield ',';
    yield JSON.stringify(toEslintResult(files[index]));
  }
  yield ']';
}
