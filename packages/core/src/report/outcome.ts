import type { Locale } from '../engine/diagnostic.js';
import type { ReportFile } from './formatters/types.js';
import type { NotApplicableReason, RuleApplication } from '../governance/types.js';

/** What a rule made of one plan. A check that was not made is never "passed". */
export type RuleOutcome = 'passed' | 'failed' | 'waived' | 'not-applicable';

export interface RuleVerdict {
  outcome: RuleOutcome;
  /** Why a not-applicable rule did not judge the plan. */
  reason?: NotApplicableReason;
}

/**
 * The one place an outcome is decided (compliance record, HTML report, explain, pack diff, json,
 * sarif): an unreadable plan was judged by no rule; a rule that did not apply is not applicable
 * unless it still found something; then failed, waived, passed.
 */
export function ruleVerdict(application: Pick<RuleApplication, 'applies' | 'reason'>, findings: number, waived: number, unreadable = false): RuleVerdict {
  if (unreadable) return { outcome: 'not-applicable', reason: 'unreadable' };
  if (!application.applies && findings === 0) return { outcome: 'not-applicable', ...(application.reason ? { reason: application.reason } : {}) };
  if (findings > 0) return { outcome: 'failed' };
  if (waived > 0) return { outcome: 'waived' };
  return { outcome: 'passed' };
}

/** The rules that did not judge this plan, and why (from its governance record). */
export function notApplicableRules(file: ReportFile): Array<{ ruleId: string; reason: NotApplicableReason }> {
  const applications = file.governance?.rules ?? [];
  const out: Array<{ ruleId: string; reason: NotApplicableReason }> = [];
  for (const application of applications) {
    const findings = file.diagnostics.filter((diagnostic) => diagnostic.ruleId === application.ruleId).length;
    const verdict = ruleVerdict(application, findings, 0, file.fatal !== undefined);
    if (verdict.outcome === 'not-applicable') out.push({ ruleId: application.ruleId, reason: verdict.reason ?? 'off' });
  }
  return out;
}

/** Each reason in words, for people (explain, HTML report, SARIF notifications). */
export const REASON_TEXT: Record<Locale, Record<NotApplicableReason, string>> = {
  vi: {
    off: 'đã tắt trong cấu hình',
    'not-in-force': 'chưa/không còn hiệu lực vào ngày của kế hoạch',
    'needs-parent': 'không có kế hoạch cấp trên (--parent) để đối chiếu',
    'parent-silent': 'kế hoạch cấp trên không ghi điều quy tắc này đối chiếu (chẳng hạn không đọc được thời hạn nào)',
    'plan-silent': 'kế hoạch không ghi (hoặc không đọc được) điều quy tắc này đối chiếu, chẳng hạn ngày ban hành hay một thời hạn cùng loại với cấp trên',
    'topic-not-covered': 'kế hoạch không thuộc chủ đề quy tắc này kiểm tra',
    unreadable: 'không đọc được tệp kế hoạch',
  },
  en: {
    off: 'turned off by the config',
    'not-in-force': 'not in force on the plan date',
    'needs-parent': 'no parent plan (--parent) to compare with',
    'parent-silent': 'the parent plan gives none of what this rule compares (no deadline could be read, say)',
    'plan-silent': "the plan gives (or plan-lint could read) none of what this rule compares: its date, say, or a deadline of a kind the parent sets",
    'topic-not-covered': "the plan's topic is not one this rule checks",
    unreadable: 'the plan file could not be read',
  },
};
