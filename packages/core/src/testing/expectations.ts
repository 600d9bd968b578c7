// Expectations embedded in fixture plans and pack examples, markdownlint-style (used by the
// repository's fixture runner and by `plan-lint pack test`): end-of-line markers name the
// diagnostics a plan must give, and a trailing HTML comment holds its configuration. The runner
// lints the text with markers removed, so a marker can neither cause nor hide a report.
import type { Locale } from '../engine/diagnostic.js';
import { findComments } from '../shared/comments.js';

export interface Expectation {
  ruleId: string;
  /** 1-based line in the fixture as written (markers do not add or remove lines). */
  line: number;
  messageId?: string;
  /** Line of the marker itself, for messages. */
  markerLine: number;
  /** The marker as written, for messages. */
  marker: string;
}

export interface FixtureConfig {
  /** The superior's plan, relative to the fixture file. */
  parent?: string;
  locale?: 'vi' | 'en';
  [key: string]: unknown;
}

export interface ParsedFixture {
  /** The fixture with every marker and the config comment removed; same line count and line endings. */
  text: string;
  expectations: Expectation[];
  config: FixtureConfig;
  /** Problems with the markers themselves (a typo must fail the test, not be ignored). */
  errors: string[];
}

// `{{rule-id}}`, `{{rule-id:+1}}`, `{{rule-id:-2}}`, `{{rule-id@12}}`, `{{rule-id/messageId}}`, combined as `{{rule-id/messageId:+1}}`.
const MARKER = /\{\{([^{}]*)\}\}/g;
const MARKER_BODY = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:\/([A-Za-z][A-Za-z0-9]*))?(?::([+-]\d+)|@(\d+))?$/;
const TRAILING_MARKERS = /(?:[ \t]*\{\{[^{}]*\}\})+[ \t]*$/;
// Applied to one comment at a time (found by findComments), never to the whole text.
const CONFIG_COMMENT = /^<!--\s*plan-lint-config\s+([\s\S]*?)\s*-->$/;

/** Splits text into lines, keeping each line's terminator (`\n`, `\r\n` or `\r`). */
function splitKeepingEol(text: string): Array<{ body: string; eol: string }> {
  const lines: Array<{ body: string; eol: string }> = [];
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    lines.push({ body: match[1] ?? '', eol: match[2] ?? '' });
    if (match[2] === '') break;
  }
  return lines;
}

/** Problems are worded for the person running `pack test`: Vietnamese or English. */
type Say = (vi: string, en: string) => string;
const sayIn = (locale: Locale): Say => (vi, en) => (locale === 'vi' ? vi : en);

/** Blanks the config comment out, keeping its line breaks so that line numbers stay put. */
function removeConfigComment(text: string, errors: string[], say: Say): { text: string; config: FixtureConfig } {
  const configs = findComments(text).filter((comment) => CONFIG_COMMENT.test(text.slice(comment.start, comment.end)));
  if (configs.length === 0) return { text, config: {} };
  const first = configs[0];
  const match = CONFIG_COMMENT.exec(text.slice(first.start, first.end))!;
  let config: FixtureConfig = {};
  try {
    const parsed: unknown = JSON.parse(match[1] ?? '');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) errors.push(say('plan-lint-config phải chứa một đối tượng JSON', 'plan-lint-config must hold a JSON object'));
    else config = parsed as FixtureConfig;
  } catch (error) {
    errors.push(say(`plan-lint-config không phải JSON hợp lệ: ${(error as Error).message}`, `plan-lint-config is not valid JSON: ${(error as Error).message}`));
  }
  const blanked = match[0].replace(/[^\r\n]/g, '');
  const rest = text.slice(0, first.start) + blanked + text.slice(first.end);
  if (configs.length > 1) errors.push(say('có hơn một chú thích plan-lint-config', 'more than one plan-lint-config comment'));
  return { text: rest, config };
}

/** Reads the markers and the config comment of a fixture or pack example. */
export function parseExpectations(source: string, locale: Locale = 'en'): ParsedFixture {
  const say = sayIn(locale);
  const errors: string[] = [];
  const { text: withoutConfig, config } = removeConfigComment(source, errors, say);
  const lines = splitKeepingEol(withoutConfig);
  const lineCount = lines.length;
  const expectations: Expectation[] = [];
  const out: string[] = [];

  lines.forEach(({ body, eol }, index) => {
    const markerLine = index + 1;
    const trailing = TRAILING_MARKERS.exec(body);
    const kept = trailing ? body.slice(0, trailing.index) : body;
    if (/\{\{[^{}]*\}\}/.test(kept)) errors.push(say(`dòng ${markerLine}: dấu kỳ vọng phải đứng ở cuối dòng`, `line ${markerLine}: a marker must stand at the end of the line`));
    if (trailing) {
      for (const [whole, inner] of trailing[0].matchAll(MARKER)) {
        const parts = MARKER_BODY.exec((inner ?? '').trim());
        if (!parts) {
          errors.push(say(`dòng ${markerLine}: dấu kỳ vọng sai cú pháp ${whole}`, `line ${markerLine}: malformed marker ${whole}`));
          continue;
        }
        const [, ruleId, messageId, relative, absolute] = parts;
        const line = absolute !== undefined ? Number(absolute) : markerLine + (relative !== undefined ? Number(relative) : 0);
        if (line < 1 || line > lineCount) {
          errors.push(say(`dòng ${markerLine}: ${whole} trỏ tới dòng ${line}, ngoài tệp (1–${lineCount})`, `line ${markerLine}: ${whole} points at line ${line}, outside the file (1–${lineCount})`));
          continue;
        }
        expectations.push({ ruleId: ruleId ?? '', line, ...(messageId ? { messageId } : {}), markerLine, marker: whole });
      }
    }
    out.push(kept + eol);
  });

  return { text: out.join(''), expectations, config, errors };
}

export interface ReportedDiagnostic {
  ruleId: string;
  line: number;
  messageId: string;
  message: string;
}

/**
 * Compares what a lint reported with what the markers expect, line by line per rule.
 * Returns one line of explanation per mismatch; an empty list means they agree exactly.
 */
export function compareWithExpectations(expectations: Expectation[], reported: ReportedDiagnostic[], locale: Locale = 'en'): string[] {
  const say = sayIn(locale);
  const problems: string[] = [];
  const unmatched = [...reported];
  for (const expected of expectations) {
    const index = unmatched.findIndex(
      (d) => d.ruleId === expected.ruleId && d.line === expected.line && (expected.messageId === undefined || d.messageId === expected.messageId),
    );
    if (index >= 0) {
      unmatched.splice(index, 1);
      continue;
    }
    const sameRule = reported.filter((d) => d.ruleId === expected.ruleId).map((d) => `${d.line}${expected.messageId ? `/${d.messageId}` : ''}`);
    const wanted = `${expected.ruleId}${expected.messageId ? `/${expected.messageId}` : ''}`;
    problems.push(
      say(
        `thiếu: ${expected.marker} (dòng ${expected.markerLine}) chờ ${wanted} ở dòng ${expected.line}` +
          (sameRule.length > 0 ? `; ${expected.ruleId} được báo ở dòng ${sameRule.join(', ')}` : `; ${expected.ruleId} không được báo`),
        `missing: ${expected.marker} (line ${expected.markerLine}) expects ${wanted} on line ${expected.line}` +
          (sameRule.length > 0 ? `; ${expected.ruleId} was reported on line(s) ${sameRule.join(', ')}` : `; ${expected.ruleId} was not reported`),
      ),
    );
  }
  for (const extra of unmatched) {
    problems.push(say(`thừa: ${extra.ruleId}/${extra.messageId} ở dòng ${extra.line}: ${extra.message}`, `unexpected: ${extra.ruleId}/${extra.messageId} on line ${extra.line}: ${extra.message}`));
  }
  return problems;
}
