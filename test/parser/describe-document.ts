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
  out.push('# tree');
  describeTree(document.tree, 0, out);
  out.push(`# problems: ${document.problems.length}`);
  return `${out.join('\n')}\n`;
}

interface AnyNode {
  type: string;
  children?: AnyNode[];
  value?: string;
  depth?: number;
  source?: string;
  marker?: { raw: string };
  isHeader?: boolean;
  position?: Position;
}

/** One line per block: its kind, how it was written, where it starts and its first words. */
function describeTree(node: AnyNode, depth: number, out: string[]): void {
  for (const child of node.children ?? []) {
    const words = (child.children ?? []).flatMap((c) => (c.type === 'text' ? [c.value ?? ''] : [])).join(' ');
    const pad = '  '.repeat(depth);
    if (child.type === 'heading') out.push(`${pad}heading ${child.depth} ${child.source}${child.marker ? ` ${child.marker.raw}` : ''} ${line(child.position)} ${words.slice(0, 50)}`);
    else if (child.type === 'listItem') {
      const own = child.children?.[0]?.children?.map((c) => c.value ?? '').join(' ') ?? '';
      out.push(`${pad}item ${child.marker?.raw} ${line(child.position)} ${own.slice(0, 50)}`);
      describeTree({ type: 'list', children: child.children?.slice(1) }, depth + 1, out);
    } else if (child.type === 'list') describeTree(child, depth, out);
    else if (child.type === 'table') {
      out.push(`${pad}table ${child.children?.length ?? 0} rows ${line(child.position)}`);
      for (const row of child.children ?? []) {
        const cells = (row.children ?? []).map((cell) => (cell.children ?? []).map((c) => c.value ?? '').join(' ').slice(0, 25));
        out.push(`${pad}  row${row.isHeader ? ' (header)' : ''} ${line(row.position)} ${cells.join(' | ')}`);
      }
    } else if (child.type === 'paragraph') out.push(`${pad}paragraph ${line(child.position)} ${words.slice(0, 50)}`);
    else {
      out.push(`${pad}${child.type} ${line(child.position)}`);
      // Plan nodes (header, legal basis, recipients, signature) group blocks: list them inside.
      if (child.children) describeTree(child, depth + 1, out);
    }
  }
}
