import { parseArgs } from 'node:util';
import type { Locale } from '@plan-lint/core';
import { reportContext } from '../lint/report-context.js';
import { loadRunConfig } from '../lint/run-config.js';
import { oneOf, withUsageErrors } from '../parse-options.js';
import { printedHelp } from './shared.js';
import { printRulesAt, severityWord } from './rules-at.js';
import { localeFromEnvironment, setCliLocale, tr } from '../locale.js';


/** `plan-lint rules`: the rules in force with pack, severity, fixability and docs link. Reads metadata only. */
export async function runRules(argv: string[]): Promise<number> {
  if (printedHelp(argv, 'rules')) return 0;
  const { values } = withUsageErrors(() =>
    parseArgs({
      args: argv,
      options: { pack: { type: 'string', multiple: true }, config: { type: 'string', short: 'c' }, json: { type: 'boolean' }, locale: { type: 'string' }, at: { type: 'string' } },
      strict: true,
    }),
  );
  const config = await loadRunConfig({ cwd: process.cwd(), configPath: values.config, packs: values.pack });
  const locale: Locale = oneOf<Locale>('--locale', values.locale, ['vi', 'en']) ?? config.locale ?? localeFromEnvironment() ?? 'vi';
  setCliLocale(locale);
  const context = await reportContext(config, locale, false);
  // Governance: only the rules in force on --at DATE (docs/governance.md).
  if (values.at) return printRulesAt(config, context, locale, values.at, Boolean(values.json));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ packs: context.packs, rules: context.rules }, null, 2)}\n`);
    return 0;
  }
  const rows = context.rules.map((rule) => [rule.pack, rule.id, severityWord(rule.severity), rule.fixable ? tr('tự động', 'fixable') : '', rule.docsUrl]);
  const header = locale === 'en' ? ['pack', 'rule', 'severity', 'fix', 'docs'] : ['bộ quy tắc', 'quy tắc', 'mức độ', 'sửa', 'tài liệu'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  const lines = [line(header), ...rows.map(line)];
  for (const rule of context.rules) {
    if (rule.description) lines.push(`  ${rule.id}: ${rule.description}`);
  }
  const packs = context.packs.map((pack) => `${pack.name}@${pack.version}`).join(', ');
  process.stdout.write(`${lines.slice(0, rows.length + 1).join('\n')}\n\n${lines.slice(rows.length + 1).join('\n')}${rows.length ? '\n\n' : ''}${locale === 'en' ? 'packs' : 'bộ quy tắc'}: ${packs}\n`);
  return 0;
}
