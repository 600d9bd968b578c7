import type { Diagnostic, LintResult, Locale, ParentFacts, PlanDocument, ResolvedConfig, SourceText } from '@plan-lint/core';
import type { PositionMap } from '../positions.js';

/** The parent plan a config names, parsed once per config generation. */
export interface ParentPlan {
  filePath: string;
  uri: string;
  plan: PlanDocument;
  positions: PositionMap;
}

/** What one lint of one document version produced; every feature reads it and never changes it. */
export interface PlanAnalysis {
  uri: string;
  version: number;
  /** Config generation the lint ran with. */
  generation: number;
  /** Identifies this run for pull diagnostics: a reopened document at version 1 gets a new one. */
  resultId: string;
  source: SourceText;
  positions: PositionMap;
  plan: PlanDocument;
  diagnostics: readonly Diagnostic[];
  locale: Locale;
  parent?: ParentPlan;
  /** The whole lint result and the config it ran with, for explaining a diagnostic on hover. */
  result: LintResult;
  config?: ResolvedConfig;
  /** The parent's facts as the packs carry them (`plan-lint pack derive`), when there is no parent plan file. */
  packParent?: ParentFacts;
}
