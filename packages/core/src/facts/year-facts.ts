import { subjectYear } from '../parse/index.js';
import type { PlanDocument, Section } from '../parse/ast.js';
import { isHeading } from './section-facts.js';
import type { TextIndex } from './text.js';
import type { YearFact } from './types.js';

// A year inside a period ("2021-2025", "giai đoạn 2021 - 2030") or a target ("đến năm 2030") is not the
// year of an activity; neither is a year inside a citation (its symbol or date).
const YEAR = /(?<![\d/.-])((?:19|20)\d{2})(?![\d/])/g;
const PERIOD_BEFORE = /(giai\s+đoạn|đến\s+năm|tới\s+năm|từ\s+năm|niên\s+khóa|năm\s+học)\s*$/iu;
const DASH = /[-–—]/;
const SPACE = /\s/;
const PAGE_NUMBER_LINE = /^[-–]?\s*\d{1,3}\s*[-–]?$/;
const RANGE_YEAR = /^(?:19|20)\d{2}$/;

/** Where the blanks ending at `at` start: spaces, line breaks and page-number lines (`2021-⏎⏎-2-⏎⏎2025` is one range). */
function blankStartBefore(text: string, at: number): number {
  let i = at;
  for (let pages = 0; pages < 3; pages++) {
    while (i > 0 && SPACE.test(text[i - 1])) i--;
    if (!text.slice(i, at).includes('\n')) return i;
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    if (lineStart === 0 || !PAGE_NUMBER_LINE.test(text.slice(lineStart, i).trim())) return i;
    i = lineStart;
  }
  return i;
}

/** Where the blanks starting at `at` end (as blankStartBefore, forward). */
function blankEndAfter(text: string, at: number): number {
  let i = at;
  for (let pages = 0; pages < 3; pages++) {
    while (i < text.length && SPACE.test(text[i])) i++;
    if (!text.slice(at, i).includes('\n')) return i;
    const lineEnd = text.indexOf('\n', i);
    if (lineEnd === -1 || !PAGE_NUMBER_LINE.test(text.slice(i, lineEnd).trim())) return i;
    i = lineEnd;
  }
  return i;
}

/** Whether the year ending at `end` starts a range: a dash, then a later year (`2021-2025`, `năm học 2025 – 2026`, wrapped or not). */
function startsRange(text: string, end: number): boolean {
  const dash = blankEndAfter(text, end);
  if (!DASH.test(text[dash] ?? '')) return false;
  const at = blankEndAfter(text, dash + 1);
  const year = text.slice(at, at + 4);
  return RANGE_YEAR.test(year) && !/\d/.test(text[at + 4] ?? '') && Number(year) > Number(text.slice(end - 4, end));
}

/** Whether the year at [start, start + 4) ends a range: an earlier year, then a dash, before it. */
function endsRange(text: string, start: number): boolean {
  const dash = blankStartBefore(text, start);
  if (!DASH.test(text[dash - 1] ?? '')) return false;
  const at = blankStartBefore(text, dash - 1);
  const year = text.slice(at - 4, at);
  return RANGE_YEAR.test(year) && !/\d/.test(text[at - 5] ?? '') && Number(year) < Number(text.slice(start, start + 4));
}

interface Span {
  start: number;
  end: number;
}

function citationSpans(document: PlanDocument, index: TextIndex): Span[] {
  return document.citations
    .filter((citation) => citation.position)
    .map((citation) => ({
      start: index.toNormalized(citation.position!.start.offset),
      end: index.toNormalized(citation.position!.end.offset),
    }));
}

function yearsIn(index: TextIndex, span: Span, skip: Span[], planYear: number, where: YearFact['where']): YearFact[] {
  const text = index.text;
  const out: YearFact[] = [];
  const slice = text.slice(span.start, span.end);
  for (const match of slice.matchAll(YEAR)) {
    const start = span.start + (match.index ?? 0);
    const end = start + match[1].length;
    const year = Number(match[1]);
    if (skip.some((s) => start >= s.start && start < s.end)) continue;
    if (PERIOD_BEFORE.test(text.slice(Math.max(0, start - 20), start)) || endsRange(text, start) || startsRange(text, end)) continue;
    // A date inside the budget section is some other event (a decision's date): only bare years count.
    if (/\d{1,2}\s*[/.-]\s*$|tháng\s+\d{1,2}\s+năm\s*$/.test(text.slice(Math.max(0, start - 12), start))) continue;
    out.push({
      where,
      year,
      position: index.position(start, end),
      suggestions: year === planYear ? undefined : [{ messageId: 'usePlanYear', data: { year, planYear }, fix: index.fix(start, end, String(planYear)) }],
    });
  }
  return out;
}

/** Budget headings outside appendices; a budget heading's subsections are part of it. */
function budgetSections(nodes: readonly Section[], out: Section[] = []): Section[] {
  for (const node of nodes) {
    if (node.kind === 'appendix') continue;
    if (node.kind === 'budget' && isHeading(node)) out.push(node);
    else budgetSections(node.children.filter((child): child is Section => child.type === 'section'), out);
  }
  return out;
}

/**
 * Every year written outside citations and periods' ends: what a pack may compare with the plan's year.
 * A period or school year (`giai đoạn 2021-2025`, `năm học 2025 – 2026`, wrapped over lines or not) is
 * one range: its first year counts, its last is no year used on its own.
 */
export function extractYearsUsed(document: PlanDocument, index: TextIndex): number[] {
  const skip = citationSpans(document, index);
  const text = index.text;
  const years = new Set<number>();
  for (const match of text.matchAll(YEAR)) {
    const start = match.index ?? 0;
    if (skip.some((s) => start >= s.start && start < s.end)) continue;
    if (endsRange(text, start)) continue;
    years.add(Number(match[1]));
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * The years of activities, where year-consistency compares them with the plan's: each bare year in the
 * budget section and in the action month's clauses (not a period's ends, a target "đến năm 2030" or a
 * citation), and each deadline's year (seed 000: a 2024 plan funded from the budget "được giao trong
 * năm 2023"). Empty when the plan has no year. The edit to the plan's year is a suggestion.
 */
export function extractYearFacts(document: PlanDocument, index: TextIndex, planYear: number | undefined, actionMonthMentions: Span[]): YearFact[] {
  if (planYear === undefined) return [];
  const skip = citationSpans(document, index);
  const found: YearFact[] = [];
  for (const section of budgetSections(document.sections)) {
    if (!section.position) continue;
    const span = { start: index.toNormalized(section.position.start.offset), end: index.toNormalized(section.position.end.offset) };
    found.push(...yearsIn(index, span, skip, planYear, 'budget'));
  }
  for (const mention of actionMonthMentions) found.push(...yearsIn(index, mention, skip, planYear, 'actionMonth'));
  const title = titleYear(document, index, planYear);
  if (title) found.push(title);
  for (const deadline of document.deadlines) {
    const due = deadline.due;
    if (!due?.year || !due.position) continue;
    found.push({ where: 'deadline', year: due.year, date: due.raw, position: due.position });
  }
  const seen = new Set<number>();
  return found.filter((item) => {
    const offset = item.position.start.offset;
    if (seen.has(offset)) return false;
    seen.add(offset);
    return true;
  });
}

/** A title about a past year's review or results: `Kế hoạch tổ chức Hội nghị tổng kết … năm 2026`, issued in 2027, names it rightly. */
const REVIEW_TITLE = /tổng\s+kết|sơ\s+kết|đánh\s+giá|kết\s+quả|báo\s+cáo/iu;

/**
 * The title's year, when the title names one calendar year (`… năm 2026`) that is not the plan's: the
 * trace of last year's plan copied (a title naming the year after the date's is a plan made ahead, and
 * is the plan's year). Not a title about a review, whose year is the one reviewed.
 */
function titleYear(document: PlanDocument, index: TextIndex, planYear: number): YearFact | undefined {
  const title = document.metadata.title;
  if (!title?.position || REVIEW_TITLE.test(title.text)) return undefined;
  const year = subjectYear(title.text);
  if (year === undefined || year === planYear) return undefined;
  const from = index.toNormalized(title.position.start.offset);
  const to = index.toNormalized(title.position.end.offset);
  const at = index.text.slice(from, to).lastIndexOf(String(year));
  if (at === -1) return undefined;
  const start = from + at;
  const end = start + 4;
  return {
    where: 'title',
    year,
    position: index.position(start, end),
    suggestions: [{ messageId: 'usePlanYear', data: { year, planYear }, fix: index.fix(start, end, String(planYear)) }],
  };
}
