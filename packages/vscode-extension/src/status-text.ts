// The status-bar item: the counts of the active plan's problems and the packs in use.
import type { MessageLocale } from './settings.js';

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

export interface StatusText {
  text: string;
  tooltip: string;
}

/** A diagnostic as far as counting goes (vscode.Diagnostic: severity 0 = Error, 1 = Warning). */
export interface CountableDiagnostic {
  source?: string;
  severity: number;
}

export const DIAGNOSTIC_SOURCE = 'plan-lint';

export function countProblems(diagnostics: readonly CountableDiagnostic[]): ProblemCounts {
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    if (diagnostic.severity === 0) errors += 1;
    else if (diagnostic.severity === 1) warnings += 1;
  }
  return { errors, warnings };
}

const WORDS = {
  vi: { error: 'lỗi', warning: 'cảnh báo', packs: 'Bộ quy tắc', none: 'mặc định', clean: 'không có lỗi', restricted: 'Thư mục chưa được tin cậy: chỉ chạy bộ quy tắc có sẵn.' },
  en: { error: ['error', 'errors'], warning: ['warning', 'warnings'], packs: 'Packs', none: 'recommended', clean: 'no problems', restricted: 'Untrusted workspace: built-in packs only.' },
} as const;

function countWord(locale: MessageLocale, kind: 'error' | 'warning', n: number): string {
  const word = WORDS[locale][kind];
  return typeof word === 'string' ? `${n} ${word}` : `${n} ${word[n === 1 ? 0 : 1]}`;
}

/** `$(error) 2 $(warning) 1` in the bar, the full counts and the packs in the tooltip. */
export function formatStatus(counts: ProblemCounts, packs: readonly string[], locale: MessageLocale, isTrusted = true): StatusText {
  const words = WORDS[locale];
  const icon = counts.errors > 0 ? '$(error)' : counts.warnings > 0 ? '$(warning)' : '$(check)';
  const text = `${icon} plan-lint ${counts.errors}/${counts.warnings}`;
  const summary = counts.errors + counts.warnings === 0
    ? words.clean
    : `${countWord(locale, 'error', counts.errors)}, ${countWord(locale, 'warning', counts.warnings)}`;
  const lines = [`plan-lint: ${summary}`, `${words.packs}: ${packs.length > 0 ? packs.join(', ') : words.none}`];
  if (!isTrusted) lines.push(words.restricted);
  return { text, tooltip: lines.join('\n') };
}
