// Deadlines: a date of a clause that states something due (a report, a plan to send), with its subject and kind.
import type { Element } from './ast-builder.js';
import type { Deadline, DeadlineKind } from './ast.js';
import type { BindContext, Line } from './line.js';

export function buildDeadlines(context: BindContext): Deadline[] {
  const deadlines: Deadline[] = [];
  for (const line of context.lines) {
    // A deadline needs a date of the line, or `vào tháng …` (MONTHS_DUE below): most lines
    // have neither, and this test is cheaper than DEADLINE_WORDS over the whole text.
    if (!line.elements.some((e) => e.kind === 'date') && !MONTHS_LEAD.test(line.text)) continue;
    if (!DEADLINE_WORDS.test(line.text)) continue;
    const lineDates = line.elements.filter((e): e is Extract<Element, { kind: 'date' }> => e.kind === 'date');
    // Dates and clauses are both in text order: walk them together (a long line stays linear).
    let nextDate = 0;
    for (const clause of clauses(line)) {
      const dateElements: Extract<Element, { kind: 'date' }>[] = [];
      while (nextDate < lineDates.length && lineDates[nextDate].start < clause.start) nextDate++;
      for (let k = nextDate; k < lineDates.length && lineDates[k].start < clause.end; k++) {
        if (lineDates[k].end <= clause.end) dateElements.push(lineDates[k]);
      }
      const clauseText = context.text.slice(clause.start, clause.end);
      const lower = clauseText.toLowerCase();
      if (!/(báo cáo|nộp|gửi|hoàn thành|thời hạn|hạn chót)/.test(lower)) continue;
      const subjectFor = (at: number) => {
        let text = context.text.slice(clause.start, at);
        const cut = text.search(/[:,]?\s*(gửi|nộp)?\s*(về\s+[^,]*?\s*)?(trước|trong|vào|ngày)?\s*$/);
        text = text.slice(0, cut === -1 ? undefined : cut);
        return text.replace(/^[-+•\s]+/, '').replace(/[\s:,]+$/, '').trim();
      };
      for (const element of dateElements) {
        const before = context.text.slice(clause.start, element.start).toLowerCase();
        const relation: Deadline['relation'] = element.monthOnly
          ? 'within-month'
          : /trước\s*(ngày)?\s*$/.test(before)
            ? 'before'
            : 'on';
        if (relation === 'on' && !/(nộp|gửi|báo cáo|hoàn thành|hạn)/.test(before)) continue;
        const recipient = /(?:nộp|gửi)(?:\s+[^,]*?)?\s+về\s+(.+?)\s*(?:ngày|trước|trong|\(|$)/i.exec(
          context.text.slice(clause.start, element.start),
        );
        deadlines.push({
          type: 'deadline',
          kind: classifyDeadline(lower, element.value.month),
          subject: subjectFor(element.start),
          due: context.dateValue(element.value, element.value.start, element.value.end),
          relation,
          recipient: recipient?.[1]?.trim(),
          text: clauseText.replace(/^[-+•\s]+/, '').trim(),
          position: context.position(clause.start, clause.end),
        });
      }
      // `vào tháng 6 và tháng 12 hằng năm`: months without a day.
      const months = MONTHS_DUE.exec(clauseText);
      if (months && dateElements.length === 0) {
        const values = [...months[1].matchAll(/tháng\s+(\d{1,2})/gi)].map((m) => Number(m[1]));
        for (const month of values) {
          deadlines.push({
            type: 'deadline',
            kind: classifyDeadline(lower, month, values.length > 1),
            subject: subjectFor(clause.start + months.index),
            months: [month],
            relation: 'vague',
            text: clauseText.replace(/^[-+•\s]+/, '').trim(),
            position: context.position(clause.start, clause.end),
          });
        }
      }
    }
  }
  return deadlines;
}

// Cheap first test for lines that may state a deadline (no `i` flag: case-folding Unicode is slow).
const DEADLINE_WORDS = /[Bb]áo cáo|[Nn]ộp|[Gg]ửi|[Hh]oàn thành|[Tt]hời hạn|[Hh]ạn chót/;
// `vào tháng 6 và tháng 12`: months due without a day; MONTHS_LEAD is how every match starts.
const MONTHS_DUE = /vào\s+((?:tháng\s+\d{1,2}(?:\s*(?:,|và)\s*)?)+)/i;
const MONTHS_LEAD = /vào/i;

export function classifyDeadline(clause: string, month?: number, monthsOnly = false): DeadlineKind {
  if (/kế hoạch/.test(clause) && /(nộp|gửi|xây dựng|ban hành|công bố)/.test(clause) && !/báo cáo/.test(clause)) {
    return 'plan-submission';
  }
  if (/(^|\D)(6|06|sáu) tháng|sơ kết|giữa năm/.test(clause)) return 'six-month-report';
  if (/báo cáo/.test(clause)) {
    if (monthsOnly && month !== undefined) return month <= 7 ? 'six-month-report' : 'annual-report';
    if (/(1|01|một) năm|cả năm|tổng kết|báo cáo năm|năm \d{4}\s*:|hằng năm|hàng năm|cuối năm/.test(clause)) return 'annual-report';
  }
  if (/kế hoạch/.test(clause) && /(nộp|gửi)/.test(clause)) return 'plan-submission';
  return 'other';
}

function clauses(line: Line): { start: number; end: number }[] {
  const result: { start: number; end: number }[] = [];
  let start = line.start;
  for (const element of line.elements) {
    if (element.kind !== 'token') continue;
    const name = element.token.tokenType.name;
    if (name === 'Semicolon' || (name === 'Period' && /^\s+[A-ZĐÀ-Ỹ]/.test(sliceAfter(line, element.end)))) {
      result.push({ start, end: element.start });
      start = element.end;
    }
  }
  result.push({ start, end: line.end });
  return result
    .map((clause) => {
      let s = clause.start;
      while (s < clause.end && line.text[s - line.start] === ' ') s++;
      return { start: s, end: clause.end };
    })
    .filter((clause) => clause.end > clause.start);
}



function sliceAfter(line: Line, offset: number): string {
  return line.text.slice(offset - line.start, offset - line.start + 3);
}
