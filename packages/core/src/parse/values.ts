// The values both the plan AST (ast.ts) and the document tree (tree.ts) carry: a node's base, a
// date as written and a span of text. Kept apart so that the tree and the AST import them, and
// not each other.
import type { Position } from '../decode/source-text.js';

export interface NodeBase {
  type: string;
  /** Absent on generated nodes; code must check for it instead of inventing one. */
  position?: Position;
}

export interface DateValue extends NodeBase {
  type: 'date';
  day?: number;
  month?: number;
  year?: number;
  /** ISO 8601 (`2025-12-01`, or `2025-12`/`--12-01` when parts are missing). */
  iso: string;
  raw: string;
  /** False when the day/month is not a calendar date (31/02). */
  valid: boolean;
  /** Set when the year was not written: taken from the range's other end, or from the plan's year. */
  yearFrom?: 'range' | 'plan';
}

export interface TextSpan extends NodeBase {
  type: 'text';
  text: string;
}
