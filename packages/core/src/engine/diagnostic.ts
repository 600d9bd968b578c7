import type { FixRecord } from '../fix/apply-fixes.js';
import type { Position } from '../parse/ast.js';

export type Severity = 'error' | 'warning';
export type Locale = 'vi' | 'en';

export type { FixRecord };

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

/** A finding an inline disable or a waiver set aside: shown as waived, never counted. */
export interface SuppressedDiagnostic extends Diagnostic {
  /** The reason written in the disable comment or the waiver. */
  justification?: string;
}
