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
    rule.effective ? ` (${rule.effective.from ?? '…'} – ${rule.effective.to ?? '…'})` : '';
  const lines = [en ? `Rules in force on ${span.label}:` : `Quy tắc có hiệu lực ngày ${span.label}:`];
  for (const rule of inForce) {
    lines.push(`  ${rule.pack}/${rule.id}  ${rule.severity}${rule.locked ? (en ? '  locked' : '  bị khoá') : ''}${period(rule)}`);
    for (const basis of rule.legalBasis ?? []) lines.push(`      ${en ? 'legal basis' : 'căn cứ'}: ${basis}`);
  }
  if (notInForce.length) {
    lines.push('', en ? 'Not in force on that date:' : 'Không có hiệu lực vào ngày đó:');
    for (const rule of notInForce) lines.push(`  ${rule.pack}/${rule.id}${period(rule)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
