import type { Severity } from '../engine/diagnostic.js';

/** One entry of plan-lint.waivers.json (schemas/waivers.schema.json). */
export interface Waiver {
  rule: string;
  /** Files or globs relative to the register's folder. */
  files: string | string[];
  reason: string;
  approvedBy: string;
  /** Last day the waiver applies (ISO 8601). */
  expires: string;
}

/** A loaded waivers register: where it is, and its entries. Plain data (sent to worker threads). */
export interface WaiverRegister {
  filePath: string;
  /** Globs are resolved against it. */
  baseDir: string;
  waivers: Waiver[];
}

/**
 * Why a rule of the packs did not judge a plan: turned off, not in force on its date, no parent plan
 * to compare with, a parent plan that gives none of what the rule compares (its deadlines could not be
 * read, say), a topic the rule does not cover, or a plan that could not be read.
 */
export type NotApplicableReason = 'off' | 'not-in-force' | 'needs-parent' | 'parent-silent' | 'plan-silent' | 'topic-not-covered' | 'unreadable';

/** One rule of the packs, as it stood for one plan. */
export interface RuleApplication {
  ruleId: string;
  pack: string;
  severity: Severity | 'off';
  applies: boolean;
  reason?: NotApplicableReason;
  locked?: boolean;
  legalBasis?: string[];
}

/** What the governance layer knows about one lint: the date the plan was judged on and each rule's standing. */
export interface GovernanceRecord {
  /** ISO date (or year) the rules in force were taken at. */
  judgedOn: string;
  /** Where that date came from. */
  judgedBy: 'plan-date' | 'plan-year' | 'lint-date';
  rules: RuleApplication[];
}
