import type { BodyNode, PlanDocument, Position } from '../parse/ast.js';
import type { TextIndex } from './text.js';

/** A block the parser read, in normalised offsets. */
export interface BlockSpan {
  start: number;
  end: number;
}

/**
 * The blocks the parser read (the title, paragraphs, items, section headings), in document order:
 * what a fact that reads the text must not run across (a heading and the paragraph under it, two
 * paragraphs), whatever the format wrote between them (a blank line, or none in a PDF's text).
 */
export function blockSpans(document: PlanDocument, index: TextIndex): BlockSpan[] {
  const spans: BlockSpan[] = [];
  const add = (position: Position | undefined) => {
    if (position) spans.push({ start: index.toNormalized(position.start.offset), end: index.toNormalized(position.end.offset) });
  };
  const visit = (nodes: readonly BodyNode[]) => {
    for (const node of nodes) {
      if (node.type === 'section') {
        add(node.headingPosition);
        visit(node.children);
      } else {
        add(node.position);
        if (node.type === 'item') visit(node.children);
      }
    }
  };
  add(document.metadata.title?.position);
  visit(document.preamble);
  visit(document.sections);
  return spans;
}

/** The blocks' starts, ascending, for `startsBetween`. */
export function blockStarts(spans: readonly BlockSpan[]): Int32Array {
  return Int32Array.from(spans, (span) => span.start).sort();
}

/** Whether a block starts in (from, to]: the text from `from` to `to` runs into another block. */
export function startsBetween(starts: Int32Array, from: number, to: number): boolean {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid] <= from) low = mid + 1;
    else high = mid;
  }
  return low < starts.length && starts[low] <= to;
}
