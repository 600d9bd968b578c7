import type { LintResult } from '../lint.js';
import { ruleVerdict, type RuleOutcome } from './outcome.js';
import type { NotApplicableReason } from '../governance/types.js';

/** A rule's standing on one plan, as `pack diff` compares it. */
export interface RuleStanding {
  outcome: RuleOutcome;
  /** Why a not-applicable rule did not judge the plan. */
  reason?: NotApplicableReason;
  severity: 'error' | 'warning' | 'off';
  findings: number;
}

export interface RuleChange {
  ruleId: string;
  before: RuleStanding | null;
  after: RuleStanding | null;
}

/** Each rule's outcome on a linted plan: failed, waived, passed or not applicable (and why not). */
export function standings(result: LintResult): Map<string, RuleStanding> {
  const map = new Map<string, RuleStanding>();
  for (const application of result.governance?.rules ?? []) {
    const findings = result.diagnostics.filter((diagnostic) => diagnostic.ruleId === application.ruleId).length;
    const waived = (result.suppressed ?? []).filter((diagnostic) => diagnostic.ruleId === application.ruleId).length;
    const { outcome, reason } = ruleVerdict(application, findings, waived);
    map.set(application.ruleId, { outcome, ...(reason ? { reason } : {}), severity: application.severity, findings });
  }
  return map;
}

const same = (a: RuleStanding | null, b: RuleStanding | null) =>
  a !== null && b !== null && a.outcome === b.outcome && a.findings === b.findings && (a.outcome !== 'failed' || a.severity === b.severity);

/** The rules whose outcome, number of findings or (for a failure) severity differ between two lints of a plan. */
export function outcomeChanges(before: LintResult, after: LintResult): RuleChange[] {
  const a = standings(before);
  const b = standings(after);
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: RuleChange[] = [];
  for (const ruleId of ids) {
    const was = a.get(ruleId) ?? null;
    const now = b.get(ruleId) ?? null;
    // A rule absent from one version and not judging the plan in the other changes nothing for it.
    const absentLike = (standing: RuleStanding | null) => standing === null || standing.outcome === 'not-applicable';
    if (absentLike(was) && absentLike(now)) continue;
    if (!same(was, now)) changes.push({ ruleId, before: was, after: now });
  }
  return changes;
}
