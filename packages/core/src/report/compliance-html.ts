import type { Locale } from '../engine/diagnostic.js';
import { displayPath } from './formatters/counts.js';
import type { ReportContext, ReportFile } from './formatters/types.js';
import { planRecord, type RuleOutcome } from './compliance-record.js';

const LABELS: Record<Locale, Record<string, string>> = {
  vi: {
    title: 'Hồ sơ tuân thủ theo căn cứ pháp lý',
    basis: 'Căn cứ',
    rule: 'Quy tắc',
    passed: 'Đạt',
    failed: 'Vi phạm',
    waived: 'Miễn trừ',
    na: 'Không áp dụng',
    noBasis: '(không ghi căn cứ)',
    hashes: 'Mã băm SHA-256',
    plan: 'Kế hoạch',
    judgedOn: 'Xét theo ngày',
    pack: 'Bộ quy tắc',
  },
  en: {
    title: 'Compliance record by legal basis',
    basis: 'Legal basis',
    rule: 'Rule',
    passed: 'Passed',
    failed: 'Failed',
    waived: 'Waived',
    na: 'Not applicable',
    noBasis: '(no legal basis given)',
    hashes: 'SHA-256 hashes',
    plan: 'Plan',
    judgedOn: 'Judged on',
    pack: 'Pack',
  },
};

/** The legal text a basis line cites: "Nghị định số 30/2020/NĐ-CP" of "Nghị định số 30/2020/NĐ-CP ngày …, Phụ lục I, …". */
export function legalDocumentOf(basis: string): string {
  const numbered = /^(.*?\bsố\s+[\p{L}\p{N}/.-]+)/u.exec(basis);
  if (numbered) return numbered[1].trim();
  return basis.split(/[,(]/)[0].trim();
}

/**
 * A section for the HTML report (H2's formatter includes it when the lint made compliance data):
 * each legal text, the rules that enforce it and how many plans passed, failed, were waived or
 * were not judged by each; then the plans' and packs' SHA-256.
 */
export function complianceSectionHtml(files: readonly ReportFile[], context: ReportContext, escape: (text: string) => string): string {
  if (!files.some((file) => file.governance)) return '';
  const t = LABELS[context.locale];
  const counts = new Map<string, Record<RuleOutcome, number>>();
  const bases = new Map<string, Set<string>>();
  const ruleBases = new Map<string, Set<string>>();
  const records = files.map((file) => planRecord(file, context));
  for (const record of records) {
    for (const rule of record.rules) {
      const tally = counts.get(rule.ruleId) ?? { passed: 0, failed: 0, waived: 0, 'not-applicable': 0 };
      tally[rule.outcome]++;
      counts.set(rule.ruleId, tally);
      const documents = ruleBases.get(rule.ruleId) ?? new Set<string>();
      for (const basis of rule.legalBasis ?? []) documents.add(legalDocumentOf(basis));
      ruleBases.set(rule.ruleId, documents);
    }
  }
  // A rule is listed under "no legal basis" only when no plan's packs gave it one (a superior's pack
  // that redefines a rule without its basis does not move it there).
  for (const [ruleId, documents] of ruleBases) {
    for (const document of documents.size ? documents : [t.noBasis]) bases.set(document, (bases.get(document) ?? new Set()).add(ruleId));
  }
  // Zero is not a failure: a zero count is shown plain, never in the failure colour.
  const titles = new Map(context.rules.map((rule) => [rule.id, rule.title ?? rule.id]));
  const count = (outcome: RuleOutcome, value: number) => `<td class="count ${outcome}${value === 0 ? ' zero' : ''}">${value}</td>`;
  const rows = [...bases.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'vi'))
    .flatMap(([document, ruleIds]) =>
      [...ruleIds].sort().map((ruleId, index) => {
        const tally = counts.get(ruleId)!;
        const head = index === 0 ? `<th scope="rowgroup" rowspan="${ruleIds.size}">${escape(document)}</th>` : '';
        return `<tr data-basis="${escape(document)}">${head}<td title="${escape(ruleId)}">${escape(titles.get(ruleId) ?? ruleId)}</td>${count('passed', tally.passed)}${count('failed', tally.failed)}${count('waived', tally.waived)}${count('not-applicable', tally['not-applicable'])}</tr>`;
      }),
    )
    .join('\n');
  const planRows = records
    .map((record, index) => `<tr><td>${escape(displayPath(files[index].filePath, context.cwd))}</td><td>${escape(record.judgedOn ?? '')}</td><td><code>${escape(record.sha256 ?? '')}</code></td></tr>`)
    .join('\n');
  const packRows = context.packs
    .map((pack) => `<tr><td>${escape(`${pack.name}@${pack.version}`)}</td><td></td><td><code>${escape(pack.sha256 ?? '')}</code></td></tr>`)
    .join('\n');
  return `<section id="compliance"><h2>${escape(t.title)}</h2>
<div class="scroll"><table id="compliance-by-basis"><thead><tr><th>${escape(t.basis)}</th><th>${escape(t.rule)}</th><th>${escape(t.passed)}</th><th>${escape(t.failed)}</th><th>${escape(t.waived)}</th><th>${escape(t.na)}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
<h3>${escape(t.hashes)}</h3>
<div class="scroll"><table id="compliance-hashes"><thead><tr><th>${escape(t.plan)} / ${escape(t.pack)}</th><th>${escape(t.judgedOn)}</th><th>SHA-256</th></tr></thead>
<tbody>
${planRows}
${packRows}
</tbody></table></div>
</section>`;
}
