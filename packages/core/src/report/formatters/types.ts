import type { Diagnostic, Locale, Severity, SuppressedDiagnostic } from '../../engine/diagnostic.js';
import type { GovernanceRecord } from '../../governance/types.js';

export type { SuppressedDiagnostic };

/** One linted file, as the formatters read it. */
export interface ReportFile {
  /** Absolute path (or `<text>` for standard input). */
  filePath: string;
  diagnostics: Diagnostic[];
  suppressed?: SuppressedDiagnostic[];
  /** The file could not be read, decoded or linted (ESLint's fatal message). */
  fatal?: { message: string; line?: number; column?: number };
  /** The original text: excerpts in the HTML report, `source` in the JSON report. */
  text?: string;
  /** A Word or PDF plan: positions refer to its extracted text, and --fix never rewrites it. */
  converted?: boolean;
  /** The text after `--fix`, when it changed (ESLint's `output`). */
  output?: string;
  /** The date the plan was judged at and each rule's standing (`--format compliance`). */
  governance?: GovernanceRecord;
}

/** A rule as listed in reports: metadata only, never the check. */
export interface ReportRule {
  id: string;
  pack: string;
  severity: Severity | 'off';
  /** A short name in the report's language (HTML column heads). */
  title?: string;
  description?: string;
  docsUrl: string;
  fixable?: boolean;
  /** The legal texts and clauses the rule enforces (docs/governance.md). */
  legalBasis?: string[];
}

export interface ReportPack {
  name: string;
  version: string;
  /** The file or URL it was loaded from (`--format compliance`). */
  source?: string;
  /** SHA-256 of the pack's content (`--format compliance`; governance/pack-digest.ts). */
  sha256?: string;
}

export interface ReportContext {
  /** Paths in reports are shown relative to it. */
  cwd: string;
  rules: ReportRule[];
  packs: ReportPack[];
  /** plan-lint's version. */
  version: string;
  locale: Locale;
  /** ANSI colours (stylish): only when the output is a terminal. */
  color?: boolean;
  /** Fixed time for reproducible reports (tests); defaults to now. */
  now?: Date;
}

export type Formatter = (files: readonly ReportFile[], context: ReportContext) => string;
