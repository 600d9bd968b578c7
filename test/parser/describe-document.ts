import type { BodyNode, PlanDocument, Position } from '@plan-lint/core';

const line = (position?: Position) => (position ? `L${position.start.line}` : 'L?');

/** A compact, review-friendly rendering of a document for snapshot tests. */
export function describeDocument(document: PlanDocument): string {
  const out: string[] = [];
  const meta = document.metadata;
  out.push(`# metadata`);
  out.push(
    `title=${meta.title?.text ?? '-'} | year=${meta.year ?? '-'} | date=${meta.date?.iso ?? '-'} | symbol=${meta.symbol?.text ?? '-'} | issuer=${meta.issuingBody?.text ?? '-'}`,
  );
  out.push('# outline');
  const walk = (nodes: BodyNode[], depth: number) => {
    for (const node of nodes) {
      if (node.type !== 'section') continue;
      out.push(`${'  '.repeat(depth)}${node.numbering?.raw ?? '§'} [${node.kind}] ${line(node.headingPosition)} ${node.title.slice(0, 70)}`);
      walk(node.children, depth + 1);
    }
  };
  walk(document.sections, 0);
  out.push('# citations');
  for (const c of document.citations) {
    out.push(
      `${line(c.position)} ${c.docType}${c.hasSo ? ' số' : ''} ${c.symbolRaw} | ${c.date?.iso ?? '-'} | ${c.issuer?.text ?? '-'}${c.inLegalBasis ? ' | basis' : ''}`,
    );
  }
  out.push('# date ranges');
  for (const r of document.dateRanges) out.push(`${line(r.position)} ${r.raw} → ${r.from.iso}..${r.to.iso}`);
  out.push('# deadlines');
  for (const d of document.deadlines) {
    out.push(`${line(d.position)} ${d.kind} ${d.relation} ${d.due?.iso ?? `months ${d.months?.join(',')}`} | ${d.subject.slice(0, 60)}${d.recipient ? ` → ${d.recipient}` : ''}`);
  }
  out.push('# money');
  for (const m of document.money) out.push(`${line(m.position)} ${m.amount} ${m.raw}`);
  out.push('# responsible units');
  for (const r of document.responsibilities) out.push(`${line(r.unitPosition)} ${r.unit.slice(0, 70)} (${r.duties.length})`);
  out.push('# recipients');
  for (const e of document.recipients?.entries ?? []) out.push(`${line(e.position)} ${e.text}`);
  out.push('# signer');
  const s = document.signer;
  out.push(s ? `${line(s.position)} ${[s.authority, s.onBehalfOf, s.title, s.name].filter(Boolean).join(' / ')}` : 'none');
  out.push(`# problems: ${document.problems.length}`);
  return `${out.join('\n')}\n`;
}
