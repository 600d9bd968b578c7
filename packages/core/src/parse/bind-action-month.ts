// The Tháng hành động and its dates, bound by structure: the range written in the same table row,
// clause or line as the mention, or under a heading that names it; never the nearest range elsewhere.
import type { ActionMonthMention, DateRange } from './ast.js';
import { clauses } from './bind-deadlines.js';
import { linesMatching, type BindContext, type Line } from './line.js';

const MENTION = /tháng\s+hành\s+động\s+(?:quốc\s+gia\s+)?(?:vì\s+|về\s+)?(?:bình\s+đẳng\s+giới|BĐG)/giu;
/** Where a mention may start, in the whole layout text: spaces within one line (a line's text has no `\n`). */
const MENTION_LEAD = /[Tt]háng[^\S\n]+hành[^\S\n]+động|THÁNG[^\S\n]+HÀNH[^\S\n]+ĐỘNG/g;
/**
 * "Tháng hành động" alone, once the plan has named it in full: the short name a plan uses after the
 * first ("Tháng hành động được tổ chức từ ngày 15/11 …"). Not a month it qualifies otherwise (vì trẻ
 * em, phòng chống ma túy, an toàn giao thông…), nor the full name, which MENTION reads.
 */
const SHORT_MENTION = /(?<!\p{L})tháng\s+hành\s+động(?!\s+(?:quốc\s+gia|vì|về|phòng|chống|an\s+toàn|bảo\s+vệ|dân\s+số|thanh\s+niên|của)(?!\p{L}))(?!\p{L})/giu;

/** Words that make the month the subject of a report: `báo cáo (kết quả, tổng kết) Tháng hành động`. */
export const REPORT_OF_MONTH = /(?<!\p{L})báo\s+cáo(?:\s+(?:kết\s+quả|tổng\s+kết|sơ\s+kết|đánh\s+giá))?(?:\s+(?:thực\s+hiện|tổ\s+chức|triển\s+khai))?\s*$/iu;

/** `rangeAt` gives the range that starts at a logical offset. */
export function bindActionMonth(context: BindContext, rangeAt: ReadonlyMap<number, DateRange>): ActionMonthMention[] {
  const out: ActionMonthMention[] = [];
  const lines = context.lines;
  // The lines that name the month, found in one scan of the layout text.
  const named = linesMatching(context, MENTION_LEAD);
  if (!named.includes(1)) return out;
  const read = (pattern: RegExp) =>
    lines.forEach((line, index) => {
      if (named[index] === 0) return;
      for (const match of line.text.matchAll(pattern)) {
        const start = line.start + (match.index ?? 0);
        const end = start + match[0].length;
        const mention: ActionMonthMention = { type: 'actionMonth', position: context.position(start, end) };
        const bound = bindMention(line, index, start, lines, rangeAt);
        if (bound) {
          mention.range = bound.range;
          mention.boundBy = bound.by;
        }
        out.push(mention);
      }
    });
  read(MENTION);
  if (out.length > 0) {
    read(SHORT_MENTION);
    out.sort((a, b) => a.position!.start.offset - b.position!.start.offset);
  }
  return out;
}

function rangesIn(line: Line, from: number, to: number, rangeAt: ReadonlyMap<number, DateRange>): DateRange[] {
  const found: DateRange[] = [];
  for (const element of line.elements) {
    // A range is written as one (`từ … đến …`), or spans a schedule row's start and end cells, keyed by its start date.
    if ((element.kind !== 'dateRange' && element.kind !== 'date') || element.start < from || element.start >= to) continue;
    const range = rangeAt.get(element.start);
    if (range) found.push(range);
  }
  return found;
}

function bindMention(
  line: Line,
  index: number,
  at: number,
  lines: readonly Line[],
  rangeAt: ReadonlyMap<number, DateRange>,
): { range: DateRange; by: NonNullable<ActionMonthMention['boundBy']> } | undefined {
  // `Báo cáo kết quả Tháng hành động | 16/12 | 19/12`: the dates are the report's, not the month's.
  if (REPORT_OF_MONTH.test(line.text.slice(Math.max(0, at - line.start - 40), at - line.start))) return undefined;
  // A table row: the mention in its content cell, the range in its time cell.
  if (line.row) {
    const [range] = rangesIn(line, line.start, line.end, rangeAt);
    return range ? { range, by: 'row' } : undefined;
  }
  const clause = clauses(line).find((c) => at >= c.start && at < c.end);
  if (clause) {
    const [range] = rangesIn(line, clause.start, clause.end, rangeAt);
    if (range) return { range, by: 'clause' };
  }
  // The same list item or paragraph: `Tổ chức Tháng hành động …. Thời gian: từ 15/11 đến 15/12.`
  const [inLine] = rangesIn(line, line.start, line.end, rangeAt);
  if (inLine) return { range: inLine, by: 'item' };
  // A heading that names the month: the range is written in what follows it, before the next heading.
  const heading = line.headingDepth > 0 || (line.marker !== undefined && line.marker.tokenType.name !== 'BulletMarker');
  if (heading) {
    for (let k = index + 1; k < lines.length; k++) {
      const next = lines[k];
      if (next.headingDepth > 0 || (next.marker && next.marker.tokenType.name !== 'BulletMarker')) break;
      const [range] = rangesIn(next, next.start, next.end, rangeAt);
      if (range) return { range, by: 'heading' };
    }
  }
  return undefined;
}
