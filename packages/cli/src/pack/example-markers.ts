// The expectations a pack example states (style.md, "Testing"): end-of-line markers `{{rule-id}}`,
// `{{rule-id:+1}}`, `{{rule-id@12}}`, `{{rule-id/messageId}}` and one trailing
// `<!-- plan-lint-config {...} -->`. Same format as the repository's fixture runner
// (test/support/expectations.ts); here it ships with the CLI so that pack authors can run it.

export interface ExampleExpectation {
  ruleId: string;
  line: number;
  messageId?: string;
  marker: string;
  markerLine: number;
}

export interface ParsedExample {
  /** The text with markers and the config comment removed; same lines. */
  text: string;
  expectations: ExampleExpectation[];
  config: { parent?: string; locale?: 'vi' | 'en' };
  errors: string[];
}

const MARKER = /\{\{([^{}]*)\}\}/g;
const MARKER_BODY = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:\/([A-Za-z][A-Za-z0-9]*))?(?::([+-]\d+)|@(\d+))?$/;
const TRAILING_MARKERS = /(?:[ \t]*\{\{[^{}]*\}\})+[ \t]*$/;
const CONFIG_COMMENT = /<!--\s*plan-lint-config\s+([\s\S]*?)\s*-->/;

export function parseExample(source: string): ParsedExample {
  const errors: string[] = [];
  let config: ParsedExample['config'] = {};
  let text = source;
  const comment = CONFIG_COMMENT.exec(source);
  if (comment) {
    try {
      const value: unknown = JSON.parse(comment[1]);
      if (value && typeof value === 'object' && !Array.isArray(value)) config = value as ParsedExample['config'];
      else errors.push('plan-lint-config must hold a JSON object');
    } catch (error) {
      errors.push(`plan-lint-config is not valid JSON: ${(error as Error).message}`);
    }
    // Blanked, not removed: line numbers stay put.
    text = source.slice(0, comment.index) + comment[0].replace(/[^\r\n]/g, '') + source.slice(comment.index + comment[0].length);
  }
  const parts = text.split(/(\r\n|\n|\r)/);
  const lineCount = Math.ceil(parts.length / 2);
  const expectations: ExampleExpectation[] = [];
  for (let index = 0; index < parts.length; index += 2) {
    const markerLine = index / 2 + 1;
    const body = parts[index];
    const trailing = TRAILING_MARKERS.exec(body);
    if (!trailing) continue;
    parts[index] = body.slice(0, trailing.index);
    for (const [whole, inner] of trailing[0].matchAll(MARKER)) {
      const match = MARKER_BODY.exec(inner.trim());
      if (!match) {
        errors.push(`line ${markerLine}: malformed marker ${whole}`);
        continue;
      }
      const [, ruleId, messageId, relative, absolute] = match;
      const line = absolute !== undefined ? Number(absolute) : markerLine + (relative !== undefined ? Number(relative) : 0);
      if (line < 1 || line > lineCount) {
        errors.push(`line ${markerLine}: ${whole} points at line ${line}, outside the file`);
        continue;
      }
      expectations.push({ ruleId, line, ...(messageId ? { messageId } : {}), marker: whole, markerLine });
    }
  }
  return { text: parts.join(''), expectations, config, errors };
}

export interface ReportedFinding {
  ruleId: string;
  line: number;
  messageId: string;
  message: string;
}

/** Exact comparison, line by line per rule: one explanation per missing or unexpected finding. */
export function compareFindings(expectations: ExampleExpectation[], reported: ReportedFinding[]): string[] {
  const problems: string[] = [];
  const unmatched = [...reported];
  for (const expected of expectations) {
    const index = unmatched.findIndex(
      (found) => found.ruleId === expected.ruleId && found.line === expected.line && (expected.messageId === undefined || found.messageId === expected.messageId),
    );
    if (index >= 0) {
      unmatched.splice(index, 1);
      continue;
    }
    const lines = reported.filter((found) => found.ruleId === expected.ruleId).map((found) => found.line);
    problems.push(
      `missing: ${expected.marker} (line ${expected.markerLine}) expects ${expected.ruleId} on line ${expected.line}; ` +
        (lines.length ? `it was reported on line(s) ${lines.join(', ')}` : 'it was not reported'),
    );
  }
  for (const extra of unmatched) problems.push(`unexpected: ${extra.ruleId}/${extra.messageId} on line ${extra.line}: ${extra.message}`);
  return problems;
}
