// A logical line of the plan as the binders see it: its text, its inline elements and its marker.
import type { IToken } from 'chevrotain';
import type { DateParts, Element } from './ast-builder.js';
import type { DateValue, Position } from './ast.js';
import type { RowInfo } from './tree.js';

export interface Line {
  start: number;
  end: number;
  text: string;
  headingDepth: number;
  /** Columns of indentation before a list item's marker (Markdown nests lists by it). */
  indent?: number;
  elements: Element[];
  marker?: IToken;
  /** Set when the line is a table row: its cells in logical offsets, the table's header cell texts. */
  row?: RowCells;
  /** A line of a blockquote (`> `). */
  quoted?: true;
}

/** The cells of a table row's logical line (the block grammar's RowInfo). */
export type RowCells = RowInfo;

/** What the deadline and role binders need from the document builder. */
export interface BindContext {
  readonly lines: readonly Line[];
  /** The layout text that line offsets refer to. */
  readonly text: string;
  position(start: number, end: number): Position;
  dateValue(parts: DateParts, start: number, end: number): DateValue;
  readonly format: 'markdown' | 'text';
  /** The plan's year and date, for a date written without its year. */
  planYear?: number;
  planDate?: DateValue;
}

/**
 * Which lines hold a match of `pattern` (a global expression that never matches across a `\n`): one
 * scan of the layout text, whose lines are parted by `\n`, in place of a test of each line.
 */
export function linesMatching(context: BindContext, pattern: RegExp): Uint8Array {
  const lines = context.lines;
  const marked = new Uint8Array(lines.length);
  let index = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(context.text); match; match = pattern.exec(context.text)) {
    while (index < lines.length && lines[index].end <= match.index) index++;
    if (index === lines.length) break;
    if (lines[index].start <= match.index) marked[index] = 1;
    // An empty match moves on by one, as matchAll does.
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return marked;
}

/** Whether a line's text ends with a colon, spaces after it aside. */
export function endsWithColon(text: string): boolean {
  let at = text.length - 1;
  while (at >= 0 && TRAILING_SPACE.test(text[at])) at--;
  return text.charCodeAt(at) === 58;
}

const TRAILING_SPACE = /\s/;

/**
 * A text export of a two-column block (pdftotext -layout, a plain-text copy of Word's table-less
 * layout) writes both columns on one line, parted by a run of spaces: "Nơi nhận:      TRƯỞNG PHÒNG",
 * "- Lưu: VT.          KT. HIỆU TRƯỞNG". Where the right column starts, in the line's text, or -1.
 */
const COLUMN_GAP = /\S( {5,}|\t+ *)(?=\S)/;

export function rightColumnStart(text: string): number {
  const gap = COLUMN_GAP.exec(text);
  if (gap) return gap.index + 1 + gap[1].length;
  // pandoc writes a closing laid out with tab stops as one line, the signer's column a strong span of
  // capitals after the recipients' (`***Nơi nhận:*** **KT. HIỆU TRƯỞNG**`, `- Lưu: VT. **PHÓ HIỆU TRƯỞNG**`).
  const strong = STRONG_CAPITALS_AT_END.exec(text);
  return strong ? strong.index + strong[0].lastIndexOf(strong[1]) : -1;
}

/** Text, spaces, then a strong span of capitals that ends the line: group 1 the span. */
const STRONG_CAPITALS_AT_END = /\S[ \t]+((\*\*|__)[^*_\p{Ll}]*\p{Lu}[^*_\p{Ll}]*\2)[ \t]*$/u;

/**
 * Whether a line holds two columns set apart by spaces, as pdftotext -layout lays them out. Stricter
 * than rightColumnStart: a tab alone may be a space a sentence was typed with ("Thủ\ttướng").
 */
export function hasSpacedColumns(text: string): boolean {
  return SPACED_COLUMNS.test(text);
}

const SPACED_COLUMNS = /\S {5,}(?=\S)/;
