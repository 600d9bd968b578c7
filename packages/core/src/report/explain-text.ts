import type { Position } from '../parse/ast.js';
import type { Locale } from '../engine/diagnostic.js';
import type { ConditionTrace, RuleExplanation } from './explain.js';
import { REASON_TEXT } from './outcome.js';

const LABELS = {
  vi: {
    judged: 'xét theo quy tắc có hiệu lực ngày',
    failed: 'VI PHẠM',
    passed: 'ĐẠT',
    waived: 'ĐƯỢC MIỄN TRỪ',
    'not-applicable': 'KHÔNG ÁP DỤNG',
    fired: 'điều kiện thỏa mãn',
    notFired: 'điều kiện không thỏa mãn',
    severity: 'mức độ',
    deciding: 'điều kiện quyết định',
    facts: 'dữ kiện đã đọc',
    basis: 'căn cứ',
    findings: 'kết quả',
    locked: 'bị khoá',
    reason: REASON_TEXT.vi,
    noRange: 'không có vị trí',
    notEvaluated: 'không cần xét',
    layers: { pack: 'bộ quy tắc', extends: 'kế thừa', config: 'cấu hình', override: 'ghi đè', waiver: 'miễn trừ' },
    severities: { error: 'lỗi', warning: 'cảnh báo', off: 'tắt', waived: 'miễn trừ' } as Record<string, string>,
  },
  en: {
    judged: 'judged by the rules in force on',
    failed: 'FAILED',
    passed: 'PASSED',
    waived: 'WAIVED',
    'not-applicable': 'NOT APPLICABLE',
    fired: 'conditions held',
    notFired: 'conditions did not hold',
    severity: 'severity',
    deciding: 'deciding condition',
    facts: 'facts read',
    basis: 'legal basis',
    findings: 'findings',
    locked: 'locked',
    reason: REASON_TEXT.en,
    noRange: 'no position',
    notEvaluated: 'not evaluated',
    layers: { pack: 'pack', extends: 'extends', config: 'config', override: 'override', waiver: 'waiver' },
    severities: {} as Record<string, string>,
  },
} as const;

function range(position: Position): string {
  return `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}`;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

export function conditionText(trace: ConditionTrace, locale: Locale): string {
  const t = LABELS[locale];
  const fact = trace.path ? `${trace.fact}${trace.path.slice(1)}` : trace.fact;
  const verdict = trace.result === undefined ? t.notEvaluated : String(trace.result);
  const value = 'factValue' in trace ? ` (= ${short(trace.factValue)})` : '';
  return `${fact} ${trace.operator} ${short(trace.value)}${value} -> ${verdict}`;
}

/** One rule's explanation as plain text lines (CLI, hover, MCP). */
export function explanationLines(explanation: RuleExplanation, locale: Locale): string[] {
  const t = LABELS[locale];
  const head = `${explanation.ruleId} (${explanation.pack}) ${t[explanation.outcome]}${explanation.locked ? ` [${t.locked}]` : ''}`;
  const lines = [head];
  if (explanation.reason) lines.push(`  ${t.reason[explanation.reason]}`);
  // A rule that did not judge the plan made no check: whether its conditions held says nothing.
  lines.push(`  ${explanation.outcome === 'not-applicable' ? t.notEvaluated : explanation.fired ? t.fired : t.notFired}`);
  const layers = explanation.layers.map((layer) => `${t.layers[layer.layer]} ${layer.source} = ${t.severities[layer.severity] ?? layer.severity}`).join(' -> ');
  lines.push(`  ${t.severity}: ${layers}`);
  if (explanation.deciding && explanation.outcome !== 'not-applicable') lines.push(`  ${t.deciding}: ${conditionText(explanation.deciding, locale)}`);
  for (const trace of explanation.conditions) {
    const ranges = trace.ranges.length ? trace.ranges.map(range).join(', ') : t.noRange;
    lines.push(`  ${t.facts}: ${trace.fact} @ ${ranges}`);
  }
  for (const finding of [...explanation.findings, ...explanation.waived]) {
    lines.push(`  ${t.findings}: ${finding.position.start.line}:${finding.position.start.column} ${finding.message}`);
  }
  for (const basis of explanation.legalBasis ?? []) lines.push(`  ${t.basis}: ${basis}`);
  return lines;
}

export function explanationsText(filePath: string, explanations: RuleExplanation[], locale: Locale): string {
  const t = LABELS[locale];
  const judgedOn = explanations[0]?.judgedOn;
  // 2024-03-18 → 18/03/2024, as Vietnamese write dates (a year stays as it is).
  const header = judgedOn ? `${filePath} (${t.judged} ${judgedOn.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1')})` : filePath;
  return `${header}\n\n${explanations.map((explanation) => explanationLines(explanation, locale).join('\n')).join('\n\n')}\n`;
}
