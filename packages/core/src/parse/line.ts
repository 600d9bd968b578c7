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
  elements: Element[];
  marker?: IToken;
  /** Set when the line is a table row: its cells in logical offsets, the table's header cell texts. */
  row?: RowCells;
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
  /** The plan's year and date, for a date written without its year. */
  planYear?: number;
  planDate?: DateValue;
}
