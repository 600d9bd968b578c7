import type { Citation, PlanDocument } from '../parse/ast.js';
import type { ParentFacts } from './types.js';
import { lastAllowedDay, PARENT_KEY } from './deadline-facts.js';
import { namesSchoolYear, otherPeriod, periodNamed, reportPeriod } from './period.js';
import { formatDate, isFullIso, normalizeName, normalizeSymbol } from './text.js';
import type { ParentCitationFacts } from './types.js';


/**
 * The superior's plan as facts: its number, date and title, and for each kind of deadline it sets (not
 * those of the reports it owes its own superior) the last day it allows. A parent that sets several for one kind sets them for different units (a Sở gives the
 * Phòng, the THPT schools and the centres each their own) or says it twice: without knowing which is
 * the child's, only the latest is sure to bind it, so that one is kept: a child later than it is late
 * whoever it is, and no unit is held to another's deadline. A deadline for the parent's own period
 * outranks one for another period (a school year's beside the calendar year's). What `--parent` adds
 * and `pack derive` writes.
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
  const keptOwnPeriod = new Map<string, boolean>();
  for (const deadline of parent.deadlines) {
    // The parent's own report to its superior (`tham mưu UBND xã báo cáo Sở Nội vụ: …`) is no deadline it sets.
    if (sentElsewhere(deadline.recipient, metadata.issuingBody?.text)) continue;
    const key = PARENT_KEY[deadline.kind];
    const last = lastAllowedDay(deadline);
    if (!key || !last) continue;
    const reportsOn = reportPeriod(deadline.subject, period);
    // `báo cáo tổng kết năm học` in a calendar year's plan reports on a school year, whichever it is.
    const ownPeriod = reportsOn ? reportsOn === period : !(period && !period.includes('-') && namesSchoolYear(deadline.subject));
    // A deadline for the parent's own period outranks one for another (a school year's reports beside
    // the calendar year's): it is the one a plan of the parent's period is held to.
    const keptOwn = keptOwnPeriod.get(key) === true;
    if (!deadlines[key] || (ownPeriod && !keptOwn) || (ownPeriod === keptOwn && last > deadlines[key]!)) {
      deadlines[key] = last;
      keptOwnPeriod.set(key, ownPeriod);
      if (deadline.asWritten) asWritten[key] = deadline.asWritten;
      else delete asWritten[key];
      // Kept only where it is not the plan's own period, which a deadline otherwise reports on.
      if (!ownPeriod && reportsOn) periods[key] = reportsOn;
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

/** Abbreviations of bodies' names, for comparing an addressee with an issuer. */
const BODY_ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bubnd\b/g, 'ủy ban nhân dân'],
  [/\bhđnd\b/g, 'hội đồng nhân dân'],
  [/gd&đt|gdđt/g, 'giáo dục và đào tạo'],
];
/** The kinds of administrative body a report goes up to: a deadline sent to one of these that is not the parent is the parent's own. */
const OUTSIDE_BODY = /^(?:ủy ban nhân dân|hội đồng nhân dân|sở|bộ|phòng|tỉnh ủy|huyện ủy|thành ủy|đảng ủy|thường trực)\s/;

function bodyName(value: string): string {
  let name = normalizeName(value).replace(/\(.*$/, '').trim();
  for (const [pattern, full] of BODY_ABBREVIATIONS) name = name.replace(pattern, full);
  return name;
}

/**
 * Whether a deadline's addressee is another body than the parent's issuer (`Sở Nội vụ` under `UBND XÃ
 * THANH SƠN`, `UBND huyện` under a Phòng): a report the parent itself owes upward. An addressee that
 * starts the issuer's name (`Ủy ban nhân dân xã` for `ỦY BAN NHÂN DÂN XÃ THANH SƠN`), a unit inside it
 * (a Ban, a bộ phận) or an unknown issuer keeps the deadline.
 */
function sentElsewhere(recipient: string | undefined, issuer: string | undefined): boolean {
  if (!recipient || !issuer) return false;
  const to = bodyName(recipient);
  const from = bodyName(issuer);
  if (!OUTSIDE_BODY.test(`${to} `)) return false;
  return !from.startsWith(to) && !to.startsWith(from);
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
  if (!parent?.symbol) return { found: false, anywhere: false };
  const basis = document.citations.filter(
    (citation) => citation.inLegalBasis || (citation.position && citation.position.start.offset < firstSectionOffset),
  );
  const cites = (citation: Citation) => citation.symbol !== undefined && sameDocument(citation.symbol, parent.symbol!);
  const match = basis.find(cites);
  if (!match) return { found: false, anywhere: document.citations.some(cites) };
  const facts: ParentCitationFacts = { found: true, anywhere: true, symbol: match.symbol, position: match.position };
  if (match.date) {
    facts.date = match.date.iso;
    facts.datePosition = match.date.position ?? match.position;
  }
  return facts;
}
