import type { Deadline, PlanDocument } from '../parse/ast.js';
import type { ParentFacts } from './types.js';
import { formatDate, isFullIso } from './text.js';
import type { DeadlineByKind, DeadlineFact, ReportDeadlineFacts } from './types.js';

const PARENT_KEY: Record<string, keyof NonNullable<ParentFacts['deadlines']>> = {
  'plan-submission': 'planSubmission',
  'six-month-report': 'sixMonthReport',
  'annual-report': 'annualReport',
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
 * Deadlines, each compared with the parent's deadline of the same kind (deadline-before-parent):
 * a subordinate's 6-month or annual report, or its plan, may not be due after its superior's.
 */
export function extractDeadlineFacts(document: PlanDocument, parent: ParentFacts | null): DeadlineFact[] {
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
    const key = PARENT_KEY[deadline.kind];
    const parentDue = key ? parent?.deadlines?.[key] : undefined;
    const last = lastAllowedDay(deadline);
    if (parentDue && isFullIso(parentDue) && last && last > parentDue) {
      const due = formatDate(deadline.due?.iso);
      fact.issues = {
        'deadline-before-parent': {
          messageId: 'afterParent',
          // What each plan wrote (`trước ngày 10/12/2024`) and the last day it means (09/12/2024).
          data: {
            subject: deadline.subject || deadline.kind,
            due,
            asWritten: deadline.asWritten ?? due,
            parentDue: formatDate(parentDue),
            parentAsWritten: parent?.asWritten?.[key!] ?? formatDate(parentDue),
            kind: deadline.kind,
          },
        },
      };
    }
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
 * report-deadlines: the periodic reports (6-month, annual) need a dated deadline; "theo quy định" or a
 * bare month ("vào tháng 6 và tháng 12") does not tell a school by when (seeds 001 and 004).
 */
export function extractReportDeadlineFacts(document: PlanDocument, anchor: ReportDeadlineFacts['position']): ReportDeadlineFacts {
  const periodic = document.deadlines.filter((d) => d.kind === 'six-month-report' || d.kind === 'annual-report');
  const dated = periodic.filter((d) => d.due?.valid && d.due.day !== undefined && d.due.month !== undefined);
  const vague = periodic.filter((d) => !dated.includes(d));
  const facts: ReportDeadlineFacts = { hasDated: dated.length > 0, vagueCount: vague.length, position: vague[0]?.position ?? anchor };
  if (!facts.hasDated) {
    facts.issues = {
      'report-deadlines': vague[0]
        ? { messageId: 'vague', data: { text: vague[0].text.slice(0, 80) } }
        : { messageId: 'missing' },
    };
  }
  return facts;
}
