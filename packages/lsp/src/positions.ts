import type { Point, Position, SourceText } from '@plan-lint/core';
import type { Position as LspPosition, Range } from 'vscode-languageserver';

/**
 * The one place where core positions (1-based lines and columns, 0-based offsets, in the decoded
 * text without its BOM) meet LSP positions (0-based lines, UTF-16 characters, in the editor's text).
 * Both count UTF-16 code units, so a column is a character plus one. When the editor's text still
 * starts with a BOM, the first line is one character longer in the editor than in core.
 */
export class PositionMap {
  private readonly bomShift: number;

  constructor(private readonly source: SourceText) {
    this.bomShift = source.hasBom ? 1 : 0;
  }

  toLspPosition(point: Point): LspPosition {
    return {
      line: Math.max(0, point.line - 1),
      character: Math.max(0, point.column - 1) + (point.line === 1 ? this.bomShift : 0),
    };
  }

  toLspRange(position: Position): Range {
    return { start: this.toLspPosition(position.start), end: this.toLspPosition(position.end) };
  }

  /** An offset of the original text (as fix records carry) as an LSP position. */
  offsetToLsp(originalOffset: number): LspPosition {
    return this.toLspPosition(this.source.pointAt(originalOffset));
  }

  /** The original-text offset of an LSP position (characters clamp to the line). */
  toOffset(position: LspPosition): number {
    const shift = position.line === 0 ? this.bomShift : 0;
    return this.source.offsetAt(position.line + 1, Math.max(0, position.character - shift) + 1);
  }
}

export function containsOffset(position: Position | undefined, offset: number): boolean {
  return position !== undefined && position.start.offset <= offset && offset <= position.end.offset;
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(a: LspPosition, b: LspPosition): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
