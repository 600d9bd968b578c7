import type { DateRange, PlanDocument } from '../parse/ast.js';
import { REPORT_OF_MONTH } from '../parse/bind-action-month.js';
import type { BlockSpan } from './blocks.js';
import type { TextIndex } from './text.js';
import type { ActionMonthFacts, ActionMonthRange } from './types.js';

// Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới: 15/11–15/12 every
// year since 2016 (QĐ 1696/QĐ-TTg; continued by QĐ 1790/QĐ-TTg). The June observances
// (phòng, chống bạo lực gia đình; vì trẻ em) are other months and do not match this pattern.
export const MENTION = /tháng\s+hành\s+động\s+(?:quốc\s+gia\s+)?(?:vì\s+|về\s+)?(?:bình\s+đẳng\s+giới|BĐG)/giu;
/** A schedule belongs to a mention when it follows within the same clause. */
const WINDOW = 320;

/** The mentions, each to the end of its clause: where year-consistency looks for the month's year. */
export interface ActionMonthClause {
  start: number;
  end: number;
}

export function extractActionMonthFacts(
  document: PlanDocument,
  index: TextIndex,
  blocks: readonly BlockSpan[],
): { facts: ActionMonthFacts; clauses: ActionMonthClause[] } {
  const text = index.text;
  const mentions = [...text.matchAll(MENTION)].map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length }));
  // The parser reads a mention a page break cut (a page number and running header between its words).
  const found = new Set(mentions.map((mention) => mention.start));
  for (const mention of document.actionMonths ?? []) {
    if (!mention.position) continue;
    const start = index.toNormalized(mention.position.start.offset);
    if (found.has(start)) continue;
    found.add(start);
    mentions.push({ start, end: index.toNormalized(mention.position.end.offset) });
  }
  mentions.sort((a, b) => a.start - b.start);
  const facts: ActionMonthFacts = { mentioned: mentions.length > 0, scheduled: false, ranges: [] };
  const clauses = mentions.map((mention) => ({ start: mention.start, end: Math.min(clauseEndAfter(text, mention.end), blockEndAt(blocks, mention.start)) }));
  if (mentions.length === 0) return { facts, clauses };
  facts.position = index.position(mentions[0].start, mentions[0].end);
  const ranges = document.dateRanges
    .filter((range) => range.position)
    .map((range) => ({ range, start: index.toNormalized(range.position!.start.offset) }));
  // The parser binds a range to a mention by structure (its row, clause, item or heading).
  const bound = new Map<number, DateRange>();
  for (const mention of document.actionMonths ?? []) {
    if (mention.range && mention.position) bound.set(index.toNormalized(mention.position.start.offset), mention.range);
  }
  const scheduled = new Set<DateRange>();
  mentions.forEach((mention, at) => {
    const byStructure = bound.get(mention.start);
    if (byStructure) {
      scheduled.add(byStructure);
      return;
    }
    // A mention the structure gives no range: the rest of its sentence, when it runs over lines. Not
    // when it is what a report is of: `báo cáo kết quả Tháng hành động … 16/12 - 19/12` dates the report.
    if (REPORT_OF_MONTH.test(text.slice(Math.max(0, mention.start - 40), mention.start))) return;
    const clauseEnd = clauses[at].end;
    for (const { range, start } of ranges) {
      if (start >= mention.end && start <= clauseEnd) scheduled.add(range);
    }
  });
  for (const range of scheduled) {
    const { from, to } = range;
    facts.from ??= from.iso;
    facts.to ??= to.iso;
    const item: ActionMonthRange = { from: from.iso, to: to.iso, raw: range.raw, position: range.position };
    if (from.year !== undefined) item.fromYear = from.year;
    if (to.year !== undefined) item.toYear = to.year;
    facts.ranges.push(item);
  }
  facts.scheduled = scheduled.size > 0;
  const whole = document.dateRanges.find(isWholeMonth);
  if (whole) {
    for (const item of facts.ranges) if (item.raw !== whole.raw && insideMonth(item)) item.within = whole.raw;
  }
  return { facts, clauses };
}

/** `từ ngày 15/11/2027 đến ngày 15/12/2027`: the Tháng hành động's own dates. */
function isWholeMonth(range: DateRange): boolean {
  return range.from.month === 11 && range.from.day === 15 && range.to.month === 12 && range.to.day === 15;
}

/** A range from 15/11 on and through 15/12 at the latest: part of the month (ISO month-days compare as strings). */
function insideMonth(range: ActionMonthRange): boolean {
  const from = range.from.slice(-5);
  const to = range.to.slice(-5);
  return from >= '11-15' && from <= to && to <= '12-15';
}

/**
 * Where the block that holds `offset` ends (the innermost one): a clause never runs out of its block,
 * so a heading "Tổ chức Tháng hành động … năm 2026" does not take the year of the next line's
 * "Luật Bình đẳng giới ngày 29 tháng 11 năm 2006", even where no blank line parts them (a PDF's text).
 */
function blockEndAt(blocks: readonly BlockSpan[], offset: number): number {
  let best: BlockSpan | undefined;
  for (const block of blocks) {
    if (block.start <= offset && offset < block.end && (!best || block.end - block.start < best.end - best.start)) best = block;
  }
  return best ? best.end : Number.POSITIVE_INFINITY;
}

function clauseEndAfter(text: string, from: number): number {
  const limit = Math.min(text.length, from + WINDOW);
  const rest = text.slice(from, limit);
  // The sentence's end or a new item; the block's end is the other bound (blockEndAt). Not a blank
  // line: a double-spaced text export (seed 003) has one between every two lines of a paragraph.
  const stop = rest.search(/[;]|\.\s|\n\s*\n\s*[-+•]|\n\s*[-+•]\s/);
  return stop === -1 ? limit : from + stop;
}
