// The text of "Show the parsed outline and AST": what a pack author needs to see of how plan-lint
// read a plan: the outline of sections with their kinds and lines, the entities, then the AST as JSON.
import type { BodyNode, PlanDocument, Position, Section } from '@plan-lint/core';

function at(position: Position | undefined): string {
  return position ? `L${position.start.line}:${position.start.column}` : 'generated';
}

function outlineLines(nodes: readonly BodyNode[], depth: number, out: string[]): void {
  for (const node of nodes) {
    if (node.type !== 'section') continue;
    const section: Section = node;
    const numbering = section.numbering ? `${section.numbering.raw} ` : '';
    out.push(`${'  '.repeat(depth)}- ${numbering}${section.title} — *${section.kind}* (${at(section.headingPosition ?? section.position)})`);
    outlineLines(section.children, depth + 1, out);
  }
}

/** Markdown: metadata, outline, citations, deadlines, parse problems, then the AST in a JSON block. */
export function renderAstView(fileName: string, document: PlanDocument): string {
  const out: string[] = [`# plan-lint: ${fileName}`, ''];
  const meta = document.metadata;
  out.push('## Metadata', '');
  out.push(`- format: ${document.format}`);
  if (meta.symbol) out.push(`- symbol: ${meta.symbol.text}`);
  if (meta.issuingBody) out.push(`- issuing body: ${meta.issuingBody.text}`);
  if (meta.date) out.push(`- date: ${meta.date.iso}`);
  if (meta.title) out.push(`- title: ${meta.title.text}`);
  if (meta.year !== undefined) out.push(`- year: ${meta.year}`);
  out.push('', '## Outline', '');
  const before = out.length;
  outlineLines(document.sections, 0, out);
  if (out.length === before) out.push('(no sections found)');
  out.push('', `## Citations (${document.citations.length})`, '');
  for (const citation of document.citations) {
    const date = citation.date ? ` ngày ${citation.date.iso}` : '';
    out.push(`- ${citation.docType} ${citation.symbol ?? '(no symbol)'}${date}${citation.inLegalBasis ? ' — legal basis' : ''} (${at(citation.position)})`);
  }
  out.push('', `## Deadlines (${document.deadlines.length})`, '');
  for (const deadline of document.deadlines) {
    const due = deadline.due ? deadline.due.iso : deadline.months ? `months ${deadline.months.join(', ')}` : 'no date';
    out.push(`- ${deadline.kind}: ${deadline.subject} — ${deadline.relation} ${due} (${at(deadline.position)})`);
  }
  if (document.problems.length > 0) {
    out.push('', `## Parse problems (${document.problems.length})`, '');
    for (const problem of document.problems) out.push(`- ${problem.code}: ${problem.message} (${at(problem.position)})`);
  }
  out.push('', '## AST', '', '```json', JSON.stringify(document, null, 2), '```', '');
  return out.join('\n');
}
