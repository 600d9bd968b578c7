import type { Diagnostic, Locale, PlanDocument, ReportFile, ResolvedConfig } from '@plan-lint/core';
import { inputErrorMessage } from '../input/input-messages.js';
import { readPlan } from '../input/read-plan.js';
import type { ReadStamp } from '../files/write-fix.js';

/** What every file of a run is linted with; plain data, so it can be sent to worker threads. */
export interface LintSettings {
  config: ResolvedConfig;
  parent?: PlanDocument;
  locale: Locale;
  fix: boolean;
  quiet: boolean;
}

export interface FileOutcome {
  report: ReportFile;
  /** The fixed text, with the file's BOM, when fixes changed it (not written yet). */
  fixedText?: string;
  /** The file as it was read, checked again before the fixed text is written. */
  readStamp?: ReadStamp;
  /** Why fixes were not applied (a Word or PDF file). */
  fixSkipped?: string;
  /** The file is a report plan-lint wrote (stylish or github format): never linted as a plan. */
  isOwnReport?: boolean;
}


/**
 * Reads, lints and (when asked) fixes one file. Never throws for user input: an unreadable or
 * undecodable file becomes a report with a fatal message, so the other files are still linted.
 */
export async function lintFile(filePath: string, settings: LintSettings, bytes?: Buffer): Promise<FileOutcome> {
  const core = await import('@plan-lint/core');
  let input;
  try {
    input = await readPlan(filePath, bytes, { stamp: settings.fix && !bytes });
  } catch (error) {
    if (error instanceof core.PlanLintInputError) {
      const message = inputErrorMessage(error.code, error.message, settings.locale);
      return { report: { filePath, diagnostics: [], fatal: { message, line: error.line, column: error.column } } };
    }
    throw error;
  }
  if (!input.isConverted && looksLikeOwnReport(input.source.original)) return { report: { filePath, diagnostics: [] }, isOwnReport: true };
  const options = { filePath, format: input.format, locale: settings.locale, config: settings.config, parent: settings.parent };
  let result = await core.lintSource(input.source, options);
  const outcome: FileOutcome = { report: { filePath, diagnostics: [], text: input.source.original, ...(input.isConverted ? { converted: true } : {}) } };

  if (settings.fix && result.diagnostics.some((diagnostic) => diagnostic.fix)) {
    if (input.isConverted) {
      outcome.fixSkipped =
        settings.locale === 'en'
          ? 'Word and PDF files are never rewritten: apply the fixes in the original document, or run "plan-lint convert FILE -o FILE.md" and lint the Markdown with --fix.'
          : 'tệp Word và PDF không bao giờ bị ghi lại: hãy sửa trong văn bản gốc, hoặc chạy "plan-lint convert TỆP -o TỆP.md" rồi kiểm tra bản Markdown với --fix.';
    } else {
      const fixed = await core.fixUntilStable(input.source.original, result, (text) => core.lintSource(core.createSourceText(text, input.source.hasBom), options));
      const current = fixed.text;
      result = fixed.result;
      if (current !== input.source.original) {
        outcome.fixedText = (input.source.hasBom ? '\ufeff' : '') + current;
        outcome.readStamp = input.stamp;
        outcome.report.output = current;
      }
    }
  }
  outcome.report.diagnostics = settings.quiet ? onlyErrors(result.diagnostics) : result.diagnostics;
  if (result.suppressed?.length) outcome.report.suppressed = result.suppressed;
  if (result.governance) outcome.report.governance = result.governance;
  return outcome;
}

// A finding line of the stylish report (`  12:5  lỗi  message  rule-id`) and a GitHub annotation.
const STYLISH_FINDING = /^ {2}\d+:\d+ +(?:lỗi|cảnh báo|error|warning) {2}/;
const GITHUB_ANNOTATION = /^::(?:error|warning|notice) (?:file|title)=/;

/**
 * A report plan-lint wrote with -o (stylish or github, the formats a .txt or .md name gets),
 * recognised from its first lines, so that the next run does not lint it as a plan. Reads at most
 * the first three non-blank lines: a plan never starts like this.
 */
export function looksLikeOwnReport(text: string): boolean {
  const lines: string[] = [];
  for (const match of text.slice(0, 4096).matchAll(/[^\r\n]+/g)) {
    if (match[0].trim() === '') continue;
    lines.push(match[0]);
    if (lines.length === 3) break;
  }
  if (lines.length > 0 && GITHUB_ANNOTATION.test(lines[0])) return true;
  // The file's path on the first line, then its first finding.
  return lines.length >= 2 && !lines[0].startsWith(' ') && STYLISH_FINDING.test(lines[1]);
}

function onlyErrors(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
}
