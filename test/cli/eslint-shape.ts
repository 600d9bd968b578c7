import { expect } from 'vitest';

/**
 * ESLint's JSON formatter output, field by field (ESLint 9 `LintResult` / `LintMessage`,
 * docs: Node.js API, "LintResult type"): names and types checked, nothing extra on a message.
 */
export function expectEslintShape(results: unknown): void {
  expect(Array.isArray(results)).toBe(true);
  for (const result of results as Record<string, unknown>[]) {
    expect(typeof result.filePath).toBe('string');
    expect(result.filePath as string).toMatch(/^\//);
    for (const key of ['errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']) {
      expect(Number.isInteger(result[key]), key).toBe(true);
    }
    expect(Array.isArray(result.messages)).toBe(true);
    expect(Array.isArray(result.suppressedMessages)).toBe(true);
    expect(Array.isArray(result.usedDeprecatedRules)).toBe(true);
    if ('source' in result) expect(typeof result.source).toBe('string');
    if ('output' in result) expect(typeof result.output).toBe('string');
    const messages = result.messages as Record<string, unknown>[];
    let errors = 0;
    let warnings = 0;
    for (const message of [...messages, ...(result.suppressedMessages as Record<string, unknown>[])]) {
      const allowed = ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'messageId', 'fatal', 'fix', 'suggestions', 'suppressions', 'nodeType'];
      for (const key of Object.keys(message)) expect(allowed, `unexpected message field ${key}`).toContain(key);
      expect(message.ruleId === null || typeof message.ruleId === 'string').toBe(true);
      expect([1, 2]).toContain(message.severity);
      expect(typeof message.message).toBe('string');
      expect(Number.isInteger(message.line) && (message.line as number) >= 1).toBe(true);
      expect(Number.isInteger(message.column) && (message.column as number) >= 1).toBe(true);
      if (message.fatal === undefined) {
        expect(Number.isInteger(message.endLine)).toBe(true);
        expect(Number.isInteger(message.endColumn)).toBe(true);
      }
      if (message.fix !== undefined) expectFix(message.fix);
      if (message.suggestions !== undefined) {
        for (const suggestion of message.suggestions as Record<string, unknown>[]) {
          expect(typeof suggestion.desc).toBe('string');
          expectFix(suggestion.fix);
        }
      }
    }
    for (const message of messages) (message.severity === 2 ? errors++ : warnings++);
    expect(result.errorCount).toBe(errors);
    expect(result.warningCount).toBe(warnings);
  }
}

function expectFix(fix: unknown): void {
  const { range, text } = fix as { range: unknown; text: unknown };
  expect(Array.isArray(range) && range.length === 2 && range.every(Number.isInteger)).toBe(true);
  expect((range as number[])[0] <= (range as number[])[1]).toBe(true);
  expect(typeof text).toBe('string');
}
