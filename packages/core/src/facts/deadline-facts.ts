import type { Deadline, PlanDocument } from '../parse/ast.js';
import type { ParentFacts } from './types.js';
import { otherPeriod, reportPeriod } from './period.js';
import { isFullIso } from './text.js';
import type { DeadlineByKind, DeadlineFact, ReportDeadlineFacts } from './types.js';

/** The key of each kind of deadline among a parent's deadlines (`ParentFacts.deadlines`). */
export const PARENT_KEY: Record<string, keyof NonNullable<ParentFacts['deadlines']>> = {
  'plan-submission': 'planSubmission',
  'six-month-report': 'sixMonthReport',
  'annual-report': 'annualReport',
  'action-month-report': 'actionMonthReport',
};

/** The latest day a deadline allows: `trước ngày 05/6` → 04/6; `ngày 05/6` → 05/6; `trong tháng 4/2024` → 30/4. */
export function lastAllowedDay(deadline: Pick<Deadline, 'due' | 'relation'>): string | undefined {
  const due = deadline.due;
  if (!due?.valid || due.year === undefined || due.month === undefined) return undefined;
  if (due.day === undefined) {
    if (deadline.relation !== 'within-month') return undefined;
    const last = new Date(Date.UTC(due.year, due.month, 0)).getUTCDate();
    return `${due.year}-${String(due.month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
  }
  if (!isFullIso(due.iso)) return undefined;
  if (deadline.relation !== 'before') return due.iso;
  // The day before, within any month: no Date needed. The 1st (a month or a year back) and the 29th
  // to 31st (which a month may not have) go through Date.
  const dayOfMonth = Number(due.iso.slice(8, 10));
  if (dayOfMonth >= 2 && dayOfMonth <= 28) return `${due.iso.slice(0, 8)}${String(dayOfMonth - 1).padStart(2, '0')}`;
  const day = new Date(`${due.iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/**
 * Deadlines, each with the last day it allows and the parent's deadline of the same kind (the last
 * day the parent allows for it), which deadline-before-parent compares.
 */
export function extractDeadlineFacts(document: PlanDocument, parent: ParentFacts | null, planPeriod?: string): DeadlineFact[] {
  // The kinds of report the plan dates to the day somewhere.
  const dated = new Set(document.deadlines.filter((deadline) => deadline.kind !== 'other' && deadline.relation !== 'within-month' && deadline.due?.day !== undefined).map((deadline) => deadline.kind));
  return document.deadlines.map((deadline) => {
    const fact: DeadlineFact = {
      kind: deadline.kind,
      due: deadline.due?.iso,
      year: deadline.due?.year,
      relation: deadline.relation,
      months: deadline.months,
      subject: deadline.subject,
      position: deadline.due?.position ?? deadline.position,
    };
    const last = lastAllowedDay(deadline);
    if (last) fact.lastDay = last;
    if (deadline.relation === 'within-month' && dated.has(deadline.kind)) fact.dayGivenElsewhere = true;
    // The parent's deadline for the same report: of the same kind, and not on another period (a school's
    // "báo cáo 6 tháng đầu năm 2027" is no answer to the parent's "6 tháng đầu năm 2026"). Not for plans:
    // the parent's deadline for plans binds this plan's own date (submission-deadline), while this plan's
    // deadline for plans binds its own units' plans, which never go up to the parent.
    const key = deadline.kind === 'plan-submission' ? undefined : PARENT_KEY[deadline.kind];
    const samePeriod = !key || !otherPeriod(reportPeriod(deadline.subject, planPeriod), parent?.periods?.[key] ?? parent?.period);
    const parentDue = key && samePeriod ? parent?.deadlines?.[key] : undefined;
    if (parentDue) fact.parentDue = parentDue;
    // What each plan wrote (`trước ngày 10/12/2024`) beside the last day it means (09/12/2024).
    if (deadline.asWritten) fact.asWritten = deadline.asWritten;
    const parentAsWritten = key && samePeriod ? parent?.asWritten?.[key] : undefined;
    if (parentAsWritten) fact.parentAsWritten = parentAsWritten;
    return fact;
  });
}

export function extractDeadlineByKind(document: PlanDocument): DeadlineByKind {
  const byKind: DeadlineByKind = { at: {} };
  for (const deadline of document.deadlines) {
    const key = PARENT_KEY[deadline.kind];
    const last = lastAllowedDay(deadline);
    if (!key || !last) continue;
    if (!byKind[key] || last > byKind[key]!) {
      byKind[key] = last;
      byKind.at[key] = deadline.due?.position ?? deadline.position;
    }
  }
  return byKind;
}

/**
 * The periodic reports (6-month, annual): whether one has a dated deadline, and those without a date
 * ("theo quy định", a bare month "vào tháng 6 và tháng 12"), which report-deadlines judges (seeds
 * 001 and 004).
 */
export function extractReportDeadlineFacts(document: PlanDocument): ReportDeadlineFacts {
  const periodic = document.deadlines.filter((d) => d.kind === 'six-month-report' || d.kind === 'annual-report');
  const dated = periodic.filter((d) => d.due?.valid && d.due.day !== undefined && d.due.month !== undefined);
  const vague = periodic.filter((d) => !dated.includes(d));
  const facts: ReportDeadlineFacts = { hasDated: dated.length > 0, vagueCount: vague.length };
  if (vague[0]) {
    facts.firstVague = vague[0].text.slice(0, 80);
    if (vague[0].position) facts.position = vague[0].position;
  }
  return facts;
}
