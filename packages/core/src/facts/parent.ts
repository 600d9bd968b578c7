import type { Citation, PlanDocument } from '../parse/ast.js';
import type { ParentFacts } from './types.js';
import { lastAllowedDay, PARENT_KEY } from './deadline-facts.js';
import { otherPeriod, periodNamed, reportPeriod } from './period.js';
import { formatDate, isFullIso, normalizeSymbol } from './text.js';
import type { ParentCitationFacts } from './types.js';


/**
 * The superior's plan as facts: its number, date and title, and for each kind of deadline the last day
 * it allows. A parent that sets several for one kind sets them for different units (a Sở gives the
 * Phòng, the THPT schools and the centres each their own) or says it twice: without knowing which is
 * the child's, only the latest is sure to bind it, so that one is kept: a child later than it is late
 * whoever it is, and no unit is held to another's deadline. What `--parent` adds and `pack derive` writes.
 */
export function parentFactsFromDocument(parent: PlanDocument): ParentFacts {
  const metadata = parent.metadata;
  const facts: ParentFacts = {};
  if (metadata.symbol) facts.symbol = normalizeSymbol(metadata.symbol.text);
  if (metadata.date && isFullIso(metadata.date.iso)) facts.date = metadata.date.iso;
  if (metadata.title) facts.title = metadata.title.text.replace(/\s+/g, ' ').trim();
  if (metadata.issuingBody) facts.issuer = metadata.issuingBody.text.trim();
  if (metadata.year !== undefined) facts.year = metadata.year;
  const period = periodNamed(metadata.title?.text);
  if (period) facts.period = period;
  const deadlines: NonNullable<ParentFacts['deadlines']> = {};
  const asWritten: NonNullable<ParentFacts['asWritten']> = {};
  const periods: NonNullable<ParentFacts['periods']> = {};
  for (const deadline of parent.deadlines) {
    const key = PARENT_KEY[deadline.kind];
    const last = lastAllowedDay(deadline);
    if (!key || !last) continue;
    if (!deadlines[key] || last > deadlines[key]!) {
      deadlines[key] = last;
      if (deadline.asWritten) asWritten[key] = deadline.asWritten;
      else delete asWritten[key];
      // Kept only where it is not the plan's own period, which a deadline otherwise reports on.
      const reportsOn = reportPeriod(deadline.subject, period);
      if (reportsOn && reportsOn !== period) periods[key] = reportsOn;
      else delete periods[key];
    }
  }
  if (Object.keys(deadlines).length > 0) facts.deadlines = deadlines;
  if (Object.keys(asWritten).length > 0) facts.asWritten = asWritten;
  if (Object.keys(periods).length > 0) facts.periods = periods;
  // The Tháng hành động as the parent schedules it (15/11–15/12), with its year if written.
  const month = parent.dateRanges.find((range) => range.from.month === 11 && range.to.month === 12);
  if (month) facts.actionMonth = { from: month.from.iso, to: month.to.iso };
  return facts;
}

/**
 * The parent's directives that bind a plan of `planPeriod`: its deadline for plans asks for plans of its
 * own period, so a plan for another (a school year's under a calendar year's) is not the plan it asked
 * for, and that deadline is no fact of this plan's parent (submission-deadline is then not applicable:
 * the parent is silent on it, governance.ts). The parent's own object is never changed.
 */
export function bindingParent(parent: ParentFacts | null, planPeriod: string | undefined): ParentFacts | null {
  const planSubmission = parent?.deadlines?.planSubmission;
  if (!parent || !planSubmission || !otherPeriod(planPeriod, parent.periods?.planSubmission ?? parent.period)) return parent;
  const bound: ParentFacts = { ...parent };
  for (const key of ['deadlines', 'asWritten', 'periods'] as const) {
    const { planSubmission: _notBinding, ...rest } = parent[key] ?? {};
    if (Object.keys(rest).length > 0) bound[key] = rest;
    else delete bound[key];
  }
  return bound;
}

/**
 * The parent as the rules read it: every deadline has its wording for messages, the last day itself
 * (`10/12/2024`) where the parent's wording is not known (a pack written by hand).
 */
export function withDeadlineWording(parent: ParentFacts | null): ParentFacts | null {
  if (!parent?.deadlines) return parent;
  const asWritten: NonNullable<ParentFacts['asWritten']> = {};
  for (const [key, due] of Object.entries(parent.deadlines) as [keyof typeof asWritten, string | undefined][]) {
    if (due) asWritten[key] = parent.asWritten?.[key] ?? formatDate(due);
  }
  return { ...parent, asWritten };
}

/** `21/KH-PGDĐT` and `21/KH-PGD&ĐT` name one document. */
function sameDocument(a: string, b: string): boolean {
  const key = (symbol: string) => normalizeSymbol(symbol).replace(/&/g, '').toUpperCase().replace(/^0+(?=\d)/, '');
  return key(a) === key(b);
}

/**
 * Where the plan's legal basis cites the parent (its number and symbol; Nghị định 30/2020, Phụ lục I,
 * II.6.b: the first citation gives type, number, symbol, date, issuer), with the date it gives.
 * parent-cited compares it with the parent's facts.
 */
export function extractParentCitationFacts(document: PlanDocument, parent: ParentFacts | null, firstSectionOffset: number): ParentCitationFacts {
  if (!parent?.symbol) return { found: false };
  const basis = document.citations.filter(
    (citation) => citation.inLegalBasis || (citation.position && citation.position.start.offset < firstSectionOffset),
  );
  const match = basis.find((citation: Citation) => citation.symbol && sameDocument(citation.symbol, parent.symbol!));
  if (!match) return { found: false };
  const facts: ParentCitationFacts = { found: true, symbol: match.symbol, position: match.position };
  if (match.date) {
    facts.date = match.date.iso;
    facts.datePosition = match.date.position ?? match.position;
  }
  return facts;
}
