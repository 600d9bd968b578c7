import { formatDate, type Citation, type Deadline, type Diagnostic } from '@plan-lint/core';
import { MarkupKind, type Hover, type Position as LspPosition } from 'vscode-languageserver';
import { containsOffset } from '../positions.js';
import type { PlanAnalysis } from './plan-analysis.js';
import { deadlineKindLabel, describeDate, epochDay } from './plan-text.js';
import { symbolKey, type DocumentRegistry } from './registry.js';

/** Hover on a citation (registry entry, parent plan, what is wrong) or a deadline (the parent's, the margin). */
export function getHover(analysis: PlanAnalysis, registry: DocumentRegistry, position: LspPosition): Hover | null {
  const offset = analysis.positions.toOffset(position);
  const citation = analysis.plan.citations.find((candidate) => containsOffset(candidate.position, offset));
  if (citation?.position) {
    return markdown(citationHover(analysis, registry, citation), analysis, citation);
  }
  const deadline = analysis.plan.deadlines.find((candidate) => containsOffset(candidate.position, offset));
  if (deadline?.position) {
    return markdown(deadlineHover(analysis, deadline), analysis, deadline);
  }
  return null;
}

function citationHover(analysis: PlanAnalysis, registry: DocumentRegistry, citation: Citation): string[] {
  const en = analysis.locale === 'en';
  const lines = [`**${citation.docType}${citation.symbol ? ` ${en ? 'no.' : 'số'} ${citation.symbol}` : ''}**`];
  const entry = registry.find(citation.symbol);
  if (entry) {
    const verified = entry.status === 'verified';
    lines.push(
      '',
      `${entry.type} ${entry.number}${entry.title ? `: ${entry.title}` : ''}`,
      '',
      `- ${en ? 'Issuer' : 'Cơ quan ban hành'}: ${entry.issuer ?? '?'}`,
      `- ${en ? 'Date' : 'Ngày ban hành'}: ${(formatDate(entry.date) || '?')}`,
      `- ${en ? 'Registry' : 'Danh mục'}: ${verified ? (en ? 'verified' : 'đã kiểm chứng') : en ? `not verified (${entry.status})` : `chưa kiểm chứng (${entry.status})`}`,
    );
  } else if (!isParentCitation(analysis, citation) && !citesPackParent(analysis, citation)) {
    lines.push('', en ? 'Not in the registry of known documents.' : 'Không có trong danh mục văn bản đã biết.');
  }
  const packParent = analysis.packParent;
  if (packParent && citesPackParent(analysis, citation)) {
    lines.push(
      '',
      en ? 'Parent document (from the rule pack):' : 'Văn bản cấp trên (theo bộ quy tắc):',
      ...[packParent.title, packParent.issuer, formatDate(packParent.date)].filter(Boolean).map((part) => `- ${part}`),
    );
  }
  if (analysis.parent && isParentCitation(analysis, citation)) {
    const meta = analysis.parent.plan.metadata;
    lines.push(
      '',
      `${en ? 'Parent plan' : 'Kế hoạch cấp trên'}: \`${analysis.parent.filePath}\``,
      ...[meta.title?.text, meta.issuingBody?.text, describeDate(meta.date)].filter(Boolean).map((part) => `- ${part}`),
    );
  }
  lines.push(...problems(analysis, citation.position!.start.offset, citation.position!.end.offset));
  return lines;
}

function deadlineHover(analysis: PlanAnalysis, deadline: Deadline): string[] {
  const en = analysis.locale === 'en';
  const label = deadlineKindLabel(deadline.kind, analysis.locale);
  const due = describeDate(deadline.due) ?? (deadline.months?.length ? `${en ? 'months' : 'tháng'} ${deadline.months.join(', ')}` : '?');
  const lines = [`**${label[0].toUpperCase()}${label.slice(1)}**: ${due}`];
  if (deadline.recipient) lines.push('', `${en ? 'To' : 'Gửi về'}: ${deadline.recipient}`);
  const parentDeadlines = analysis.parent?.plan.deadlines.filter((candidate) => candidate.kind === deadline.kind && candidate.due) ?? [];
  if (analysis.parent && deadline.kind !== 'other') {
    if (parentDeadlines.length === 0) {
      lines.push('', en ? 'The parent plan sets no deadline of this kind.' : 'Kế hoạch cấp trên không đặt thời hạn loại này.');
    }
    const ownDay = epochDay(deadline.due, analysis.plan.metadata.year);
    for (const parentDeadline of parentDeadlines) {
      const parentDay = epochDay(parentDeadline.due, analysis.parent.plan.metadata.year);
      const parentDue = describeDate(parentDeadline.due) ?? '?';
      const margin = marginText(ownDay, parentDay, en);
      lines.push('', `${en ? 'Parent' : 'Cấp trên'}: ${parentDeadline.subject || label} ${parentDue}${margin}`);
    }
  }
  const packKey = PACK_DEADLINE_KEY[deadline.kind];
  const packDue = packKey ? analysis.packParent?.deadlines?.[packKey] : undefined;
  if (!analysis.parent && packDue) {
    const ownDay = epochDay(deadline.due, analysis.plan.metadata.year);
    const parentDay = isoEpochDay(packDue);
    lines.push('', `${en ? 'Parent (rule pack)' : 'Cấp trên (bộ quy tắc)'}: ${formatDate(packDue)}${marginText(ownDay, parentDay, en)}`);
  }
  lines.push(...problems(analysis, deadline.position!.start.offset, deadline.position!.end.offset));
  return lines;
}

// ParentFacts name the deadline kinds in camelCase (pack JSON), the AST in kebab-case.
const PACK_DEADLINE_KEY: Partial<Record<Deadline['kind'], 'planSubmission' | 'sixMonthReport' | 'annualReport' | 'actionMonthReport'>> = {
  'plan-submission': 'planSubmission',
  'six-month-report': 'sixMonthReport',
  'annual-report': 'annualReport',
  'action-month-report': 'actionMonthReport',
};

function isoEpochDay(iso: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000) : undefined;
}

function marginText(ownDay: number | undefined, parentDay: number | undefined, en: boolean): string {
  if (ownDay === undefined || parentDay === undefined) return '';
  const days = parentDay - ownDay;
  if (en) return days >= 0 ? `: ${days} day(s) of margin` : `: ${-days} day(s) late`;
  return days >= 0 ? `: còn ${days} ngày dự phòng` : `: muộn ${-days} ngày`;
}

function problems(analysis: PlanAnalysis, start: number, end: number): string[] {
  const found = analysis.diagnostics.filter((diagnostic: Diagnostic) => diagnostic.position.start.offset <= end && diagnostic.position.end.offset >= start);
  if (found.length === 0) return [];
  return ['', ...found.map((diagnostic) => `- ⚠ ${diagnostic.message} (\`${diagnostic.ruleId}\`)`)];
}

/** The citation names the parent whose facts a pack carries. */
function citesPackParent(analysis: PlanAnalysis, citation: Citation): boolean {
  const symbol = analysis.packParent?.symbol;
  return symbol !== undefined && citation.symbol !== undefined && symbolKey(symbol) === symbolKey(citation.symbol);
}

/** The citation names the parent plan by its number and symbol. */
export function isParentCitation(analysis: PlanAnalysis, citation: Citation): boolean {
  const parentSymbol = analysis.parent?.plan.metadata.symbol?.text;
  return parentSymbol !== undefined && citation.symbol !== undefined && symbolKey(parentSymbol.replace(/^Số:\s*/i, '')) === symbolKey(citation.symbol);
}

function markdown(lines: string[], analysis: PlanAnalysis, node: Citation | Deadline): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n') },
    range: analysis.positions.toLspRange(node.position!),
  };
}
