// Messages between the page (main.ts) and the lint worker (worker.ts): plain data only.
export type Locale = 'vi' | 'en';

export interface InputFile {
  name: string;
  bytes: ArrayBuffer;
}

export interface LintRequest {
  type: 'lint';
  id: number;
  locale: Locale;
  plans: InputFile[];
  /** The superior's plan (any format): its facts are compared with each plan's, and a pack is derived from it. */
  parent?: InputFile;
  /** A pack file (JSON): replaces the recommended packs, as `--pack` does. */
  pack?: InputFile;
}

export interface Finding {
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets into `text`. */
  start: number;
  end: number;
  docsUrl: string;
  fixable: boolean;
  suggestion?: string;
  /** Set aside by a waiver or an inline disable: shown, never counted. */
  waived?: boolean;
}

export interface PlanResult {
  name: string;
  /** The text the findings point into: the file's own text, or for Word and PDF the text read from it. */
  text: string;
  converted: boolean;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  fatal?: { message: string; line?: number; column?: number };
  /** A text input with automatic fixes: its fixed text can be asked for (FixRequest). */
  fixable: boolean;
  /** A readable Word file: its review copy (one Word comment per finding) can be asked for (ReviewRequest). */
  reviewable: boolean;
}

/**
 * The Word review copy of plan `index` of run `runId` (`plan-lint review`), made on download; `all`:
 * every Word plan's copy in one .zip (a browser asks before a page's eleventh download).
 */
export interface ReviewRequest {
  type: 'review';
  id: number;
  runId: number;
  index: number | 'all';
}

export interface ReviewResponse {
  type: 'reviewed';
  id: number;
  /** The .docx bytes; undefined when the run is gone or the copy could not be made (`error`). */
  bytes?: ArrayBuffer;
  comments?: number;
  error?: string;
}

/** The fixed text of plan `index` of run `runId` (the CLI's --fix passes): asked for on download only, as it re-lints. */
export interface FixRequest {
  type: 'fix';
  id: number;
  runId: number;
  index: number;
}

export interface FixResponse {
  type: 'fixed';
  id: number;
  /** With the file's byte-order mark if it had one; undefined when the fixes changed nothing or the run is gone. */
  fixedText?: string;
}

export interface LintResponse {
  type: 'linted';
  id: number;
  plans: PlanResult[];
  /** The self-contained HTML report (the CLI's `--format html`) of these plans. */
  reportHtml: string;
  /** The pack derived from the parent plan (`plan-lint pack derive`), as JSON text. */
  derivedPack?: string;
  /** Why the run as a whole failed (an invalid pack, an unreadable parent plan). */
  error?: string;
  millis: number;
}
