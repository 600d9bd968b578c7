import type { BodyNode, Position } from '@plan-lint/core';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { PlanAnalysis } from './plan-analysis.js';

/** Sections, items and the recipients block, each folding from its first line to its last. */
export function getFoldingRanges(analysis: PlanAnalysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (position: Position | undefined, kind?: FoldingRangeKind) => {
    if (!position) return;
    const range = analysis.positions.toLspRange(position);
    // A range that ends at column 0 ends on the line before (the node took its line break).
    const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
    if (endLine > range.start.line) ranges.push({ startLine: range.start.line, endLine, ...(kind ? { kind } : {}) });
  };
  const walk = (nodes: BodyNode[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph') continue;
      add(node.position);
      walk(node.children);
    }
  };
  walk(analysis.plan.sections);
  add(analysis.plan.recipients?.position, FoldingRangeKind.Region);
  return ranges;
}
