import type { Position } from '@plan-lint/core';
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { PlanAnalysis } from './plan-analysis.js';

// Standard token types, so that any theme colours them without a mapping: a citation's type word and
// number read as a type name, dates as numbers, a deadline's lead-in as an event.
const TOKEN_TYPES = ['class', 'number', 'event'] as const;
type TokenType = (typeof TOKEN_TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] };

interface Span {
  start: number;
  end: number;
  type: TokenType;
}

/** Tokens for citations, dates and deadlines: no overlaps, split per line as LSP requires. */
export function getSemanticTokens(analysis: PlanAnalysis): SemanticTokens {
  const spans: Span[] = [];
  const push = (position: Position | undefined, type: TokenType, end?: number) => {
    if (position) spans.push({ start: position.start.offset, end: end ?? position.end.offset, type });
  };
  for (const citation of analysis.plan.citations) {
    const head = citation.docTypePosition ?? citation.position;
    if (head) push(head, 'class', citation.symbolPosition?.end.offset ?? head.end.offset);
  }
  for (const date of analysis.plan.dates) push(date.position, 'number');
  for (const deadline of analysis.plan.deadlines) {
    if (deadline.position && deadline.due?.position) push(deadline.position, 'event', deadline.due.position.start.offset);
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const builder = new SemanticTokensBuilder();
  let taken = -1;
  for (const span of spans) {
    if (span.start < taken || span.end <= span.start) continue;
    taken = span.end;
    for (const piece of splitByLine(analysis, span)) {
      builder.push(piece.line, piece.character, piece.length, TOKEN_TYPES.indexOf(span.type), 0);
    }
  }
  return builder.build();
}

function splitByLine(analysis: PlanAnalysis, span: Span): { line: number; character: number; length: number }[] {
  const pieces = [];
  const start = analysis.positions.offsetToLsp(span.start);
  const end = analysis.positions.offsetToLsp(span.end);
  for (let line = start.line; line <= end.line; line++) {
    const from = line === start.line ? start.character : 0;
    const lineEnd = line === end.line ? end.character : analysis.positions.toLspPosition(analysis.source.pointAt(analysis.source.offsetAt(line + 1, Number.MAX_SAFE_INTEGER))).character;
    if (lineEnd > from) pieces.push({ line, character: from, length: lineEnd - from });
  }
  return pieces;
}
