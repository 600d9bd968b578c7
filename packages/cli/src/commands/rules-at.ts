import type { Locale, ReportContext, ResolvedConfig } from '@plan-lint/core';
import { UsageError } from '../usage-error.js';
import { tr } from '../locale.js';

/** `plan-lint rules --at DATE`: the rules in force on a date (or in a year), with legal basis and locks. */
export async function printRulesAt(config: ResolvedConfig, context: ReportContext, locale: Locale, at: string, json: boolean): Promise<number> {
  const core = await import('@plan-lint/core');
  const span = core.spanFromArgument(at);
  if (!span) throw new UsageError(tr(`--at cần một ngày YYYY-MM-DD hoặc một năm; nhận được "${at}"`, `--at needs a date YYYY-MM-DD or a year; got "${at}"`));
  const rules = core.governedRules(config, locale, span);
  if (json) {
    process.stdout.write(`${JSON.stringify({ at: span.label, packs: context.packs, rules }, null, 2)}\n`);
    return 0;
  }
  const inForce = rules.filter((rule) => rule.inForce);
  const notInForce = rules.filter((rule) => !rule.inForce);
  const en = locale === 'en';
  const period = (rule: (typeof rules)[number]) =>
    rule.effective ? ` (${vietnameseDate(rule.effective.from) ?? '…'} – ${vietnameseDate(rule.effective.to) ?? '…'})` : '';
  const label = vietnameseDate(span.label);
  const year = /^\d{4}$/.test(span.label);
  const lines = [en ? `Rules in force ${year ? 'in' : 'on'} ${label}:` : `Quy tắc có hiệu lực ${year ? 'trong năm' : 'ngày'} ${label}:`];
  for (const rule of inForce) {
    lines.push(`  ${rule.pack}/${rule.id}  ${severityWord(rule.severity)}${rule.locked ? (en ? '  locked' : '  bị khoá') : ''}${period(rule)}`);
    for (const basis of rule.legalBasis ?? []) lines.push(`      ${en ? 'legal basis' : 'căn cứ'}: ${basis}`);
  }
  if (notInForce.length) {
    lines.push('', en ? 'Not in force on that date:' : 'Không có hiệu lực vào ngày đó:');
    for (const rule of notInForce) lines.push(`  ${rule.pack}/${rule.id}${period(rule)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** 2024-03-10 → 10/03/2024, as Vietnamese documents write dates; a year or anything else as it is. */
function vietnameseDate<T extends string | undefined>(iso: T): T {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return (match ? `${match[3]}/${match[2]}/${match[1]}` : iso) as T;
}

/** A severity as the stylish report writes it: `lỗi` / `cảnh báo` (`error` / `warning` in English). */
export function severityWord(severity: string): string {
  if (severity === 'error') return tr('lỗi', 'error');
  if (severity === 'warning') return tr('cảnh báo', 'warning');
  if (severity === 'off') return tr('tắt', 'off');
  return severity;
}
