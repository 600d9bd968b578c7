import type { Position } from '../parse/ast.js';

export type Severity = 'error' | 'warning';
export type Locale = 'vi' | 'en';

/** A text edit against the ORIGINAL decoded text: replace `[range[0], range[1])` with `text`. */
export interface FixRecord {
  range: [number, number];
  text: string;
}

export interface Suggestion {
  messageId: string;
  message: string;
  fix: FixRecord;
}

/** One finding, as data. Formatters, the CLI and the language server only read it. */
export interface Diagnostic {
  ruleId: string;
  messageId: string;
  severity: Severity;
  /** In the locale the lint ran with. */
  message: string;
  /** Position in the original file (1-based lines and columns, 0-based offsets). */
  position: Position;
  docsUrl: string;
  /** Name of the pack the rule came from. */
  pack: string;
  fix?: FixRecord;
  suggestions?: Suggestion[];
  /** Values the message was built from (found/expected …). */
  data?: Record<string, string | number>;
}
