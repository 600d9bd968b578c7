import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../engine/diagnostic.js';
import { displayPath } from './formatters/counts.js';
import type { ReportContext, ReportFile, SuppressedDiagnostic } from './formatters/types.js';
import { sha256Hex } from '../governance/pack-digest.js';
import { ruleVerdict, type RuleOutcome } from './outcome.js';
import type { NotApplicableReason, RuleApplication } from '../governance/types.js';

export const COMPLIANCE_SCHEMA_ID = 'https://plan-lint.dev/schemas/compliance.schema.json';

export type { RuleOutcome };

export interface Evidence {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based offsets in the original text. */
  startOffset: number;
  endOffset: number;
  messageId: string;
  message: string;
  /** For a waived finding: who approved it, why, until when. */
  waiver?: { reason: string; approvedBy: string; expires: string };
}

export interface RuleRecord {
  ruleId: string;
  pack: string;
  severity: 'error' | 'warning' | 'off';
  outcome: RuleOutcome;
  reason?: NotApplicableReason;
  locked?: boolean;
  legalBasis?: string[];
  evidence: Evidence[];
}

export interface PlanRecord {
  filePath: string;
  /** SHA-256 of the file's bytes as read (of its UTF-8 text for standard input). */
  sha256: string | null;
  judgedOn?: string;
  judgedBy?: string;
  fatal?: string;
  summary: Record<'passed' | 'failed' | 'waived' | 'notApplicable', number>;
  rules: RuleRecord[];
  /** Findings about the plan's governance itself: expired waivers, disables of locked rules, disable comments. */
  notices: Array<Omit<Evidence, 'waiver'> & { ruleId: string }>;
}

export interface ComplianceRecord {
  $schema: string;
  kind: 'plan-lint-compliance';
  planLint: { version: string };
  generatedAt: string;
  packs: Array<{ name: string; version: string; source?: string; sha256: string | null }>;
  plans: PlanRecord[];
}

function evidenceOf(diagnostic: Diagnostic | SuppressedDiagnostic): Evidence {
  const { start, end } = diagnostic.position;
  const evidence: Evidence = {
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    startOffset: start.offset,
    endOffset: end.offset,
    messageId: diagnostic.messageId,
    message: diagnostic.message,
  };
  const waiver = (diagnostic as { waiver?: { reason: string; approvedBy: string; expires: string } }).waiver;
  if (waiver) evidence.waiver = { reason: waiver.reason, approvedBy: waiver.approvedBy, expires: waiver.expires };
  return evidence;
}

function fileSha256(file: ReportFile): string | null {
  try {
    return sha256Hex(readFileSync(file.filePath));
  } catch {
    return file.text === undefined ? null : sha256Hex(file.text);
  }
}

/** The rules of a plan: its own governance record when the lint made one, else the run's rule list. */
function applicationsOf(file: ReportFile, context: ReportContext): RuleApplication[] {
  if (file.governance) return file.governance.rules;
  return context.rules.map((rule) => ({
    ruleId: rule.id,
    pack: rule.pack,
    severity: rule.severity,
    applies: rule.severity !== 'off',
    ...(rule.severity === 'off' ? { reason: 'off' as const } : {}),
  }));
}

export function planRecord(file: ReportFile, context: ReportContext): PlanRecord {
  const findings = new Map<string, Diagnostic[]>();
  const waived = new Map<string, SuppressedDiagnostic[]>();
  const ruleIds = new Set<string>();
  for (const diagnostic of file.diagnostics) findings.set(diagnostic.ruleId, [...(findings.get(diagnostic.ruleId) ?? []), diagnostic]);
  for (const diagnostic of file.suppressed ?? []) {
    if ((diagnostic as { waived?: boolean }).waived) waived.set(diagnostic.ruleId, [...(waived.get(diagnostic.ruleId) ?? []), diagnostic]);
  }
  const summary = { passed: 0, failed: 0, waived: 0, notApplicable: 0 };
  const rules: RuleRecord[] = applicationsOf(file, context).map((application) => {
    ruleIds.add(application.ruleId);
    const failed = findings.get(application.ruleId) ?? [];
    const set = waived.get(application.ruleId) ?? [];
    const { outcome, reason } = ruleVerdict(application, failed.length, set.length, file.fatal !== undefined);
    summary[outcome === 'not-applicable' ? 'notApplicable' : outcome]++;
    const record: RuleRecord = {
      ruleId: application.ruleId,
      pack: application.pack,
      severity: application.severity,
      outcome,
      evidence: [...failed, ...set].map(evidenceOf),
    };
    if (reason) record.reason = reason;
    if (application.locked) record.locked = true;
    if (application.legalBasis) record.legalBasis = application.legalBasis;
    return record;
  });
  const notices = file.diagnostics
    .filter((diagnostic) => !ruleIds.has(diagnostic.ruleId))
    .map((diagnostic) => {
      const { waiver: _waiver, ...evidence } = evidenceOf(diagnostic);
      return { ruleId: diagnostic.ruleId, ...evidence };
    });
  const plan: PlanRecord = {
    filePath: displayPath(file.filePath, context.cwd),
    sha256: fileSha256(file),
    summary,
    rules,
    notices,
  };
  if (file.governance) {
    plan.judgedOn = file.governance.judgedOn;
    plan.judgedBy = file.governance.judgedBy;
  }
  if (file.fatal) plan.fatal = file.fatal.message;
  return plan;
}

/** The compliance record of a run: what a superior archives and compares later (docs/governance.md). */
export function complianceRecord(files: readonly ReportFile[], context: ReportContext): ComplianceRecord {
  return {
    $schema: COMPLIANCE_SCHEMA_ID,
    kind: 'plan-lint-compliance',
    planLint: { version: context.version },
    generatedAt: (context.now ?? new Date()).toISOString(),
    packs: context.packs.map((pack) => ({
      name: pack.name,
      version: pack.version,
      ...(pack.source ? { source: pack.source } : {}),
      sha256: pack.sha256 ?? null,
    })),
    plans: files.map((file) => planRecord(file, context)),
  };
}
