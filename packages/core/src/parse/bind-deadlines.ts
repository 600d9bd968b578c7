// Deadlines, bound by structure: a date is due for the report named in its own clause, list item or
// table row, and its kind comes from that subject's words, never from the words of a date.
import type { DateParts, Element } from './ast-builder.js';
import type { Deadline, DeadlineKind } from './ast.js';
import { endsWithColon, linesMatching, type BindContext, type Line } from './line.js';
import { LETTER_SPACED, ROMAN_SPACED, TYPED_END } from './marker-text.js';

type DateElement = Extract<Element, { kind: 'date' }>;

export function buildDeadlines(context: BindContext): Deadline[] {
  const deadlines: Deadline[] = [];
  // A lead-in that says what follows is to be sent or reported (`gửi kế hoạch và báo cáo về Sở theo
  // thời hạn sau:`, `- Báo cáo:`): the table rows and sub-items under it name what is sent. Its marker
  // kind ('' for none) and indent: a sub-item has another kind of marker (`a)` under `1.`) or is
  // indented deeper (`+ 6 tháng: …` under `- Báo cáo:`).
  let leadIn: { marker: string; indent: number } | undefined;
  // A deadline needs a date of the line, `vào tháng …` (MONTHS_DUE) or `theo quy định`: most lines
  // have none, and this scan is cheaper than DEADLINE_WORDS over the whole text.
  const mayBeDue = linesMatching(context, DUE_WITHOUT_DATE);
  const lines = context.lines;
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    // A forwarded e-mail's `> ` lines quote someone else (the parent's deadlines), not the plan's own.
    // Not in Markdown: pandoc writes Word's indented paragraphs as blockquotes.
    if (line.quoted && context.format === 'text') continue;
    // A footnote (`[^5]: …`, as Markdown writes it and Word's and PDF's notes are read) explains or
    // quotes: the parent's deadline it cites, or the Sở's own, is no deadline of this plan.
    if (FOOTNOTE_DEFINITION.test(line.text)) continue;
    const sending =
      leadIn !== undefined &&
      (line.row !== undefined || (line.marker !== undefined && (line.marker.tokenType.name !== leadIn.marker || (line.indent ?? 0) > leadIn.indent)));
    if (!sending) leadIn = undefined;
    if (!line.row && endsWithColon(line.text)) {
      leadIn = SENDING_LEAD_IN.test(line.text) ? { marker: line.marker?.tokenType.name ?? '', indent: line.marker ? (line.indent ?? 0) : -1 } : undefined;
    }
    if (line.row) {
      if (!line.row.isHeader && line.elements.some(isDate)) bindRow(context, line, deadlines, sending);
      continue;
    }
    if (mayBeDue[lineIndex] === 0 && !line.elements.some(isDate)) continue;
    if (bindBareDue(context, line, lineIndex, deadlines)) continue;
    if (!sending && !DEADLINE_WORDS.test(line.text)) continue;
    bindClauses(context, line, line.start, line.end, sending, deadlines);
  }
  return deadlines;
}

/** The deadlines of the clauses of `line` between `from` and `to`: the line, or a table cell written as prose. */
function bindClauses(context: BindContext, line: Line, from: number, to: number, sending: boolean, deadlines: Deadline[]): void {
  const lineDates = line.elements.filter((e): e is DateElement => e.kind === 'date' && e.start >= from && e.end <= to);
  const firstOfLine = deadlines.length;
  // Dates and clauses are both in text order: walk them together (a long line stays linear).
  let nextDate = 0;
  // `Gửi báo cáo về UBND xã: báo cáo 6 tháng trước …; báo cáo năm trước ….`: the addressee the lead
  // names before its colon is every listed report's, to the sentence's end.
  let listRecipient: string | undefined;
  let sentenceEnded = false;
  let previousInSentence: { start: number; end: number } | undefined;
  const itemLead = leadNamingDue(context, line, from, to);
  for (const clause of clauses(line, from, to)) {
    const dateElements: DateElement[] = [];
    while (nextDate < lineDates.length && lineDates[nextDate].start < clause.start) nextDate++;
    for (let k = nextDate; k < lineDates.length && lineDates[k].start < clause.end; k++) {
      if (lineDates[k].end <= clause.end) dateElements.push(lineDates[k]);
    }
    const clauseText = context.text.slice(clause.start, clause.end);
    const lower = clauseText.toLowerCase();
    if (sentenceEnded) {
      listRecipient = undefined;
      previousInSentence = undefined;
    }
    // `gửi báo cáo sơ kết, tổng kết về UBND xã; thời hạn lần lượt trước ngày …`: the clause before, in the same sentence.
    const sentenceClause = previousInSentence;
    previousInSentence = clause;
    sentenceEnded = /[.!?]["”)]?\s*$/.test(clauseText);
    // A clause after the item's lead says when the report the lead names is done (`thời gian: trước …`).
    const underLead = itemLead !== undefined && clause.start >= itemLead.end;
    if (!sending && !underLead && !DUE_WORDS.test(lower)) continue;
    // `Thời hạn … trước đây là ngày 05/12/2027, nay không còn áp dụng`: a date an amendment replaces.
    if (SUPERSEDED.test(lower)) continue;
    const text = clauseText.replace(/^[-+•\s]+/, '').trim();
    const position = context.position(clause.start, clause.end);
    // Each date's subject starts where the report it belongs to is named: the clause's start, or,
    // for a later date, the words after the date before it when they name a report of their own
    // (`báo cáo sơ kết trước ngày 10/6 và báo cáo tổng kết trước ngày 10/12`).
    // A report named in brackets right after its date (`trước ngày 05/6 (báo cáo 6 tháng)`) is that
    // date's subject; a later date after only a kind (`6 tháng (trước ngày 08/6) và năm (trước …)`)
    // has that kind of the report named first.
    const named: Array<NamedSubject | undefined> = dateElements.map((element) => bracketedSubject(context.text, element.end, clause.end));
    const subjectStarts: number[] = [];
    const joined: boolean[] = [];
    dateElements.forEach((element, k) => {
      const from = k === 0 ? clause.start : (named[k - 1]?.end ?? dateElements[k - 1].end);
      const between = k === 0 ? '' : withoutEntities(context, line, from, element.start);
      const kind = k > 0 && !named[k] && !SUBJECT_WORDS.test(between) ? kindOnly(between) : undefined;
      if (kind !== undefined) named[k] = { kind, subject: subjectOf(context.text.slice(from, element.start).replace(/[()]/g, ' ')) };
      const own = k > 0 && (SUBJECT_WORDS.test(between) || kind !== undefined);
      subjectStarts.push(own || k === 0 ? from : subjectStarts[k - 1]);
      // `trước ngày 05/6 và ngày 04/12`: a date joined to the one before shares its relation.
      joined.push(k > 0 && !own && JOINED_DATE.test(between));
    });
    respectively(context, line, dateElements, subjectStarts, named, sentenceClause);
    const relations: Deadline['relation'][] = [];
    dateElements.forEach((element, k) => {
      const subjectStart = subjectStarts[k];
      const before = context.text.slice(subjectStart, element.start).toLowerCase();
      const relation: Deadline['relation'] = element.monthOnly
        ? 'within-month'
        : joined[k] && relations[k - 1] !== undefined
          ? relations[k - 1]
          : BEFORE.test(before)
            ? 'before'
            : 'on';
      relations.push(relation);
      if (relation === 'on' && !ON_WORDS.test(before)) return;
      // `Số liệu báo cáo năm tính đến ngày 10/11/2026`: the day the figures run to, not a deadline.
      if (CUT_OFF.test(before)) return;
      // The subject's scope runs to where the next subject starts: `… hằng năm` after the date still speaks of it.
      let scopeEnd = clause.end;
      for (let n = k + 1; n < dateElements.length; n++) {
        if (subjectStarts[n] !== subjectStart) {
          scopeEnd = subjectStarts[n];
          break;
        }
      }
      const lead = context.text.slice(subjectStart, element.start);
      // `… các trường THCS gửi trước ngày 18/12; các trường tiểu học, mầm non gửi trước ngày 20/12`: a
      // clause that names only who sends is due for the report the clause before it named.
      const previousKind = deadlines.length > firstOfLine ? deadlines[deadlines.length - 1].kind : undefined;
      const addressee = recipientIn(lead);
      if (addressee && lead.slice(lead.indexOf(addressee) + addressee.length).includes(':')) listRecipient = addressee;
      const recipient = addressee ?? listRecipient;
      const sentPlan = sending && namesPlan(context.text.slice(subjectStart, element.start));
      // A clause that names nothing due of its own (`hoàn thành trước ngày 05/6/2027`) is due for what the item's lead names.
      const forLead = underLead && !named[k] && !SUBJECT_WORDS.test(lead.toLowerCase()) ? itemLead : undefined;
      deadlines.push({
        type: 'deadline',
        kind:
          named[k]?.kind ??
          forLead?.kind ??
          sameAsBefore(kindUnderLead(classifyDeadline(withoutEntities(context, line, subjectStart, scopeEnd), element.value.month, false, sentPlan), sending, lead), previousKind, lead),
        subject: named[k]?.subject ?? forLead?.subject ?? subjectOf(context.text.slice(subjectStart, element.start)),
        due: dueDate(context, element.value),
        relation,
        recipient,
        asWritten: dueAsWritten(context.text, subjectStart, element),
        text,
        position,
      });
    });
    if (dateElements.length > 0) continue;
    // `vào tháng 6 và tháng 12 hằng năm`: months without a day.
    const months = MONTHS_DUE.exec(clauseText);
    if (months) {
      const values = [...months[1].matchAll(/tháng\s+(\d{1,2})/gi)].map((m) => Number(m[1]));
      for (const month of values) {
        deadlines.push({
          type: 'deadline',
          kind: classifyDeadline(lower, month, values.length > 1),
          subject: subjectOf(context.text.slice(clause.start, clause.start + months.index)),
          months: [month],
          relation: 'vague',
          text,
          position,
        });
      }
      continue;
    }
    // `Báo cáo 6 tháng, năm theo quy định`: a periodic report with no date is a vague deadline.
    const regulated = AS_REGULATED.exec(clauseText);
    if (regulated) {
      const kinds = periodicKinds(lower);
      for (const kind of kinds) {
        deadlines.push({
          type: 'deadline',
          kind,
          subject: subjectOf(context.text.slice(clause.start, clause.start + regulated.index)),
          relation: 'vague',
          text,
          position,
        });
      }
    }
  }
}

/**
 * `- Báo cáo sơ kết 6 tháng gửi UBND xã: Phó Hiệu trưởng chủ trì; Văn phòng phối hợp; hoàn thành trước
 * ngày 05/6/2027.`: a list item (or a paragraph) that names what is due before its first colon, then
 * says who does it and when, clause by clause. The lead's kind is that of every date after it that
 * names nothing due of its own; a lead that names no report nor plan to send leads nothing.
 */
function leadNamingDue(context: BindContext, line: Line, from: number, to: number): { end: number; kind: DeadlineKind; subject: string } | undefined {
  const colon = context.text.indexOf(':', from);
  if (colon === -1 || colon >= to) return undefined;
  // A lead with a date of its own is a deadline of its own.
  if (line.elements.some((element) => element.kind !== 'token' && element.start < colon && element.end > from)) return undefined;
  const kind = classifyDeadline(withoutEntities(context, line, from, colon));
  if (kind === 'other') return undefined;
  return { end: colon + 1, kind, subject: subjectOf(context.text.slice(from, colon)) };
}

/** Cells a flattened row may hold between the report it names and its date (who does it, who helps). */
const MAX_CELLS_BETWEEN = 2;

/** A line that is only a due date: `Trước ngày 01/6/2026`, `Chậm nhất ngày 05/12/2026.` */
const BARE_DUE = /^(?:trước|chậm nhất(?:\s+là)?|hạn(?:\s+chót)?(?:\s+là)?:?|không muộn hơn)\s+(?:ngày\s+)?$/i;
/**
 * A label for the date under a report named on the line before (`- Báo cáo sơ kết 6 tháng.` then
 * `Thời hạn gửi Sở: ngày 05/6/2027.`): it names where the report goes, never which report.
 */
const DUE_LABEL = /^(?:thời\s+hạn|hạn\s+(?:nộp|gửi|chót|báo\s+cáo))(?:\s+(?!báo\s+cáo)[^:;.]{0,40})?:\s*(?:(?:trước|chậm\s+nhất(?:\s+là)?)\s+)?(?:ngày\s+)?$/i;

/**
 * A table flattened one cell per paragraph, as a converter or a text save writes a Word table it
 * cannot keep: "Báo cáo 6 tháng" then "Trước ngày 01/6/2026", or with the cells between them
 * ("Báo cáo 6 tháng", "Phó Hiệu trưởng", "Trước ngày 01/6/2026"). The date on a line of its own is due
 * for the report named by one of the few short lines before it, back to the row's number or a date.
 */
function bindBareDue(context: BindContext, line: Line, lineIndex: number, deadlines: Deadline[]): boolean {
  if (line.row || line.text.length > 96) return false;
  const dates = line.elements.filter((e): e is DateElement => e.kind === 'date');
  if (dates.length !== 1) return false;
  const [element] = dates;
  const lead = context.text.slice(line.start, element.start);
  const after = context.text.slice(element.end, line.end);
  if (!/^\s*[.;]?\s*$/.test(after)) return false;
  // `Trước ngày 05/6/2027` alone on a short line, or `Thời hạn gửi Sở: ngày 05/6/2027` under its report.
  if (!(BARE_DUE.test(lead) && line.text.length <= 48) && !DUE_LABEL.test(lead.trimStart())) return false;
  let previous: Line | undefined;
  for (let k = lineIndex - 1; k >= Math.max(0, lineIndex - MAX_CELLS_BETWEEN - 1); k--) {
    const cell = context.lines[k];
    if (cell.row || cell.text.length > 80 || cell.elements.some((e) => e.kind === 'date') || /^\d{1,3}\.?$/.test(cell.text.trim())) break;
    if (SUBJECT_WORDS.test(cell.text.toLowerCase())) {
      previous = cell;
      break;
    }
  }
  if (!previous) return false;
  deadlines.push({
    type: 'deadline',
    kind: classifyDeadline(withoutEntities(context, previous, previous.start, previous.end), element.value.month),
    subject: subjectOf(previous.text),
    due: dueDate(context, element.value),
    relation: element.monthOnly ? 'within-month' : BEFORE.test(lead.toLowerCase()) ? 'before' : 'on',
    asWritten: dueAsWritten(context.text, line.start, element),
    text: `${previous.text.trim()} | ${line.text.trim()}`,
    position: context.position(previous.start, line.end),
  });
  return true;
}

/**
 * A table row: the header says which cell names the report (`Nội dung`, `Công việc`, `Báo cáo`) and
 * which holds its date (`Thời gian`, `Thời hạn`, `Hạn nộp`); without a header, the cell naming a
 * report is the subject and the other cells' dates are its dates.
 */
function bindRow(context: BindContext, line: Line, deadlines: Deadline[], sending: boolean): void {
  const row = line.row!;
  const cells = row.cells;
  const cellText = (k: number) => context.text.slice(cells[k].start, cells[k].end);
  const header = row.header?.map((cell) => cell.toLowerCase());
  // A row may have fewer cells than its header (an HTML row under a rowspan): a column it lacks holds nothing.
  const inCell = (element: Element, k: number) => k < cells.length && element.start >= cells[k].start && element.end <= cells[k].end;
  /**
   * The cells that name what is due and give its dates themselves (with `dayOnly`, a day), read as prose;
   * whether any deadline came of them. `skip`: the date columns.
   */
  const bindProseCells = (skip: readonly number[], dayOnly: boolean): boolean => {
    const before = deadlines.length;
    cells.forEach((cell, k) => {
      if (skip.includes(k)) return;
      const text = cellText(k).toLowerCase();
      const dated = line.elements.some((element) => element.kind === 'date' && !(dayOnly && element.monthOnly) && inCell(element, k));
      if (dated && DUE_WORDS.test(text) && SUBJECT_WORDS.test(text)) bindClauses(context, line, cell.start, cell.end, sending, deadlines);
    });
    return deadlines.length > before;
  };
  // A table with no column of dates whose cell names a report and its dates (`Tổng hợp, gửi báo cáo 6
  // tháng trước ngày 05/6/2026`).
  if (!header?.some((cell) => DATE_HEADER.test(cell)) && bindProseCells([], false)) return;
  let subjectCell = header ? header.findIndex((cell) => SUBJECT_HEADER.test(cell)) : -1;
  if (subjectCell === -1) subjectCell = cells.findIndex((_, k) => SUBJECT_WORDS.test(cellText(k).toLowerCase()));
  if (subjectCell === -1 || subjectCell >= cells.length) return;
  let dateCells = header ? header.flatMap((cell, k) => ((DATE_HEADER.test(cell) || START_HEADER.test(cell) || END_HEADER.test(cell)) && k !== subjectCell ? [k] : [])) : [];
  // `Thời gian: Bắt đầu | Hoàn thành`: the task is due when it is to be done, not when it starts. A row whose
  // end cell is empty (one cell spanning both, `Trước ngày 05/6/2027`) is due on what its start cell says.
  const endCells = dateCells.filter((k) => END_HEADER.test(header![k]));
  const endDated = endCells.some((k) => k < cells.length && line.elements.some((element) => element.kind === 'date' && inCell(element, k)));
  if (endDated) dateCells = dateCells.filter((k) => !START_HEADER.test(header![k]));
  // A schedule's month (`Tháng 6/2026 | Báo cáo sơ kết … trước ngày 09/6/2026`) says less than the day the
  // task itself names: that cell is read as prose instead.
  const scheduleDates = line.elements.filter((element) => element.kind === 'date' && dateCells.some((k) => inCell(element, k)));
  // So is a schedule whose time cell gives no date at all (`Tháng 3 - 6/2027`), its tasks dated in their own words.
  if (scheduleDates.every((element) => element.kind === 'date' && element.monthOnly) && bindProseCells(dateCells, true)) return;
  const dueColumn = dateCells.some((k) => DUE_HEADER.test(header![k]));
  const subjectText = cellText(subjectCell);
  const subjectLower = subjectText.toLowerCase();
  // A schedule (`Thời gian` of an activity) is a deadline only when the row speaks of something due.
  if (!dueColumn && !DUE_WORDS.test(subjectLower)) return;
  const recipientCell = header ? header.findIndex((cell) => RECIPIENT_HEADER.test(cell)) : -1;
  // A table of what to send (under a lead-in that says so, or with a column of how or where to send):
  // a row naming a plan is the plan being sent.
  const sentPlan = (sending || (header?.some((cell) => SEND_HEADER.test(cell)) ?? false)) && namesPlan(subjectText);
  const kind = classifyDeadline(withoutEntities(context, line, cells[subjectCell].start, cells[subjectCell].end), undefined, false, sentPlan);
  // `báo cáo 6 tháng và báo cáo năm | Chậm nhất ngày 04/6 và ngày 19/12`: one date cell's dates, none
  // labelled, for the reports the subject lists in turn.
  const inOwnCell = (element: Element) =>
    element.kind === 'date' && (dateCells.length > 0 ? dateCells.some((k) => inCell(element, k)) : !inCell(element, subjectCell));
  const rowDates = line.elements.filter(inOwnCell) as DateElement[];
  const cellStart = (element: DateElement) => cells.find((cell) => element.start >= cell.start && element.end <= cell.end)?.start ?? element.start;
  // `Trước 10/6/2027 (sơ kết); trước 17/12/2027 (tổng kết)`: a bracket after a date names its report.
  const cellEnd = (element: DateElement) => cells.find((cell) => element.start >= cell.start && element.end <= cell.end)?.end ?? element.end;
  const bracketed = new Map(rowDates.map((element) => [element, bracketedSubject(context.text, element.end, cellEnd(element))]));
  const labelled = rowDates.some((element, k) => {
    if (bracketed.get(element)) return true;
    const from = k > 0 && cellStart(rowDates[k - 1]) === cellStart(element) ? rowDates[k - 1].end : cellStart(element);
    return SUBJECT_WORDS.test(context.text.slice(from, element.start).toLowerCase());
  });
  const inTurn = rowDates.length >= 2 && !labelled ? reportsListed(withoutEntities(context, line, cells[subjectCell].start, cells[subjectCell].end), rowDates.length) : undefined;
  // Where the words before each date start in its cell: the cell's start, then the previous date's end.
  const labelStart = new Map<number, number>();
  const lastRelation = new Map<number, Deadline['relation']>();
  for (const element of line.elements) {
    if (element.kind !== 'date') continue;
    const cell = dateCells.length > 0 ? dateCells.find((k) => inCell(element, k)) : cells.findIndex((_, k) => k !== subjectCell && inCell(element, k));
    if (cell === undefined || cell === -1) continue;
    const before = context.text.slice(cells[cell].start, element.start).toLowerCase();
    // `Trước ngày 04/6 và ngày 10/6`: a date joined to the one before in its cell shares its relation.
    const previousInCell = labelStart.has(cell) ? lastRelation.get(cell) : undefined;
    const joinedToPrevious = previousInCell !== undefined && JOINED_DATE.test(context.text.slice(labelStart.get(cell)!, element.start));
    const relation: Deadline['relation'] = element.monthOnly ? 'within-month' : joinedToPrevious ? previousInCell : BEFORE.test(before) ? 'before' : 'on';
    lastRelation.set(cell, relation);
    // A date cell may name each date's report ("Báo cáo 6 tháng trước ngày 04/6; báo cáo năm trước
    // ngày 04/12"): that label says which report the date is for, not the row's first report.
    const from = labelStart.get(cell) ?? cells[cell].start;
    const named = bracketed.get(element as DateElement);
    labelStart.set(cell, named?.end ?? element.end);
    const label = context.text.slice(from, element.start);
    const labelKind = SUBJECT_WORDS.test(label.toLowerCase()) ? classifyDeadline(withoutEntities(context, line, from, element.start), element.value.month) : 'other';
    const turn = inTurn?.[rowDates.indexOf(element)];
    deadlines.push({
      type: 'deadline',
      kind: turn?.kind ?? named?.kind ?? (labelKind !== 'other' ? labelKind : kind === 'other' ? classifyDeadline(subjectLower, element.value.month) : kind),
      subject: turn?.subject ?? named?.subject ?? subjectOf(labelKind !== 'other' ? label : subjectText),
      due: dueDate(context, element.value),
      relation,
      recipient: recipientCell !== -1 && recipientCell < cells.length ? cellText(recipientCell).trim() || undefined : undefined,
      asWritten: dueAsWritten(context.text, cells[cell].start, element),
      text: cells.map((_, k) => cellText(k).trim()).filter(Boolean).join(' | '),
      position: context.position(line.start, line.end),
    });
  }
}

interface NamedSubject {
  kind: DeadlineKind;
  subject: string;
  /** Where the words naming it end, when they follow the date. */
  end?: number;
}

/** `(báo cáo 6 tháng)` right after a date, naming a report of a known kind. */
function bracketedSubject(text: string, from: number, limit: number): NamedSubject | undefined {
  const bracket = BRACKETED.exec(text.slice(from, Math.min(limit, from + 120)));
  if (!bracket) return undefined;
  // `(tương ứng với kỳ báo cáo 6 tháng và năm)` names every date's report in turn, not this one's.
  if (reportsListed(bracket[1].toLowerCase(), 2)) return undefined;
  // `(báo cáo 6 tháng)`, or its kind alone: `(sơ kết)`, `(tổng kết)`.
  const kind = classifyDeadline(bracket[1].toLowerCase());
  const named = kind === 'other' ? kindOnly(bracket[1]) : kind;
  return named === undefined ? undefined : { kind: named, subject: bracket[1].trim(), end: from + bracket[0].length };
}

/** The kind a few words name without a noun (`và năm (trước`, `, 6 tháng trước`): that of the report named before. */
/**
 * An item under a lead-in of reports names only their kind (`- Báo cáo:` then `+ năm: trước ngày …`,
 * `+ kết quả Tháng hành động: …`): it is read as `báo cáo` and those words.
 */
function kindUnderLead(kind: DeadlineKind, sending: boolean, subject: string): DeadlineKind {
  if (kind !== 'other' || !sending) return kind;
  return kindOnly(subjectOf(subject)) ?? kind;
}

/** A deadline of no kind whose subject names no report nor plan takes the kind of the one before it in its line. */
function sameAsBefore(kind: DeadlineKind, previous: DeadlineKind | undefined, subject: string): DeadlineKind {
  if (kind !== 'other' || previous === undefined || previous === 'other' || SUBJECT_WORDS.test(subject.toLowerCase())) return kind;
  return previous;
}

function kindOnly(between: string): DeadlineKind | undefined {
  const words = between.replace(/[()[\],;:.]/g, ' ').replace(JOINING_WORDS, ' ').replace(/\s+/g, ' ').trim();
  if (words === '' || words.length > 40) return undefined;
  const kind = classifyDeadline(`báo cáo ${words.toLowerCase()}`);
  return kind === 'other' ? undefined : kind;
}

/**
 * `báo cáo 6 tháng, báo cáo năm lần lượt trước các ngày 05/6/2026 và 04/12/2026`: dates that share
 * one subject which lists as many reports of different kinds, in order, are due for them in turn.
 */
function respectively(
  context: BindContext,
  line: Line,
  dates: DateElement[],
  subjectStarts: number[],
  named: Array<NamedSubject | undefined>,
  /** The clause before, in the same sentence: where reports are listed when this clause gives only their dates. */
  earlier?: { start: number; end: number },
): void {
  for (let first = 0; first < dates.length; ) {
    let last = first;
    while (last + 1 < dates.length && subjectStarts[last + 1] === subjectStarts[first]) last++;
    const count = last - first + 1;
    if (count >= 2 && named.slice(first, last + 1).every((entry) => entry === undefined)) {
      const own = withoutEntities(context, line, subjectStarts[first], dates[first].start);
      const listed =
        reportsListed(own, count) ??
        (earlier && first === 0 && !SUBJECT_WORDS.test(own) ? reportsListed(withoutEntities(context, line, earlier.start, earlier.end), count) : undefined);
      listed?.forEach((entry, k) => (named[first + k] = entry));
    }
    first = last + 1;
  }
}

/** The reports a subject lists (`báo cáo 6 tháng, báo cáo năm`), when it lists `count` of different kinds. */
function reportsListed(subject: string, count: number): NamedSubject[] | undefined {
  const listed = subject
    .split(LIST_SEPARATOR)
    .map((item) => item.trim().replace(/\s+/g, ' '))
    .map((item) => ({ item, kind: classifyDeadline(/báo cáo|kế hoạch/.test(item) ? item : `báo cáo ${item}`) }))
    .filter(({ kind }) => kind !== 'other');
  if (listed.length !== count || new Set(listed.map(({ kind }) => kind)).size !== count) return undefined;
  return listed.map(({ item, kind }) => ({ kind, subject: subjectOf(item).split(LIST_TAIL)[0].trim() }));
}

/** The date due; a date written without its year is in the plan's year, or the next when it would fall before the plan's own date. */
function dueDate(context: BindContext, parts: DateParts) {
  if (parts.year !== undefined || context.planYear === undefined || parts.month === undefined) {
    return context.dateValue(parts, parts.start, parts.end);
  }
  let year = context.planYear;
  const planDate = context.planDate;
  if (planDate?.year === year && planDate.month !== undefined && planDate.day !== undefined) {
    const day = parts.day ?? 31;
    if (parts.month < planDate.month || (parts.month === planDate.month && day < planDate.day)) year += 1;
  }
  return context.dateValue({ ...parts, year, yearFrom: 'plan' }, parts.start, parts.end);
}

/** The text from..to, lower-cased, with the dates and citations in it blanked: `ngày 06 tháng 12` says nothing of a 6-month report. */
function withoutEntities(context: BindContext, line: Line, from: number, to: number): string {
  let out = '';
  let at = from;
  for (const element of line.elements) {
    if (element.kind === 'token' || element.end <= from || element.start >= to) continue;
    const start = Math.max(element.start, from);
    out += context.text.slice(at, start) + ' ';
    at = Math.min(element.end, to);
  }
  return (out + context.text.slice(at, to)).toLowerCase();
}

/** Whether a subject starts by naming a plan (`Kế hoạch … của đơn vị`), not an activity on one (`Triển khai kế hoạch`). */
function namesPlan(subject: string): boolean {
  return PLAN_NAMED.test(subject.trimStart().replace(LEADING_MARKER, '').replace(/^[-+•*\s]+/, ''));
}

function subjectOf(text: string): string {
  const cut = text.search(SUBJECT_TAIL);
  let head = cut === -1 ? text : text.slice(0, cut);
  // What is due starts at the report or plan it names: `Các đơn vị gửi báo cáo sơ kết` → `báo cáo sơ kết`.
  const named = head.toLowerCase().search(SUBJECT_WORDS);
  if (named > 0) head = head.slice(named);
  return head
    .replace(LEADING_MARKER, '')
    .replace(/^[-+•\s,;]+/, '')
    .replace(/^(và|hoặc)\s+/i, '')
    .replace(/[\s:,]+$/, '')
    .trim();
}

function periodicKinds(lower: string): DeadlineKind[] {
  if (!/báo cáo/.test(lower)) return [];
  const kinds: DeadlineKind[] = [];
  if (/(^|\D)(6|06|sáu) tháng|sơ kết|giữa năm/.test(lower)) kinds.push('six-month-report');
  if (/(1|01|một) năm|cả năm|tổng kết|báo cáo năm|tháng, năm|hằng năm|hàng năm|cuối năm/.test(lower)) kinds.push('annual-report');
  return kinds;
}

// Cheap first test for lines that may state a deadline (no `i` flag: case-folding Unicode is slow).
const DEADLINE_WORDS = /[Bb]áo cáo|[Nn]ộp|[Gg]ửi|[Hh]oàn thành|[Tt]hời hạn|[Hh]ạn chót|[Hh]ạn nộp|[Cc]hậm nhất/;
const DUE_WORDS = /báo cáo|nộp|gửi|hoàn thành|thời hạn|hạn chót|hạn nộp|chậm nhất/;
/** Words that name what is due: a later date's own subject. */
const SUBJECT_WORDS = /báo cáo|kế hoạch|sơ kết|tổng kết/;
/** Before the date: `trước ngày`, `trước`, `trước các ngày`, `trước thứ Sáu, ngày`. */
/** A month of action other than the Tháng hành động vì bình đẳng giới. */
const OTHER_MONTH = /tháng hành động\s+(?:quốc gia\s+)?(?:(?:về\s+)?phòng,?\s*chống|vì\s+trẻ\s+em|(?:về\s+)?an\s+toàn|(?:về\s+)?dân\s+số|vì\s+người\s+cao\s+tuổi|bảo\s+vệ)/gu;
/** A date no longer in force: `trước đây là ngày …` (formerly), `nay không còn áp dụng`, `được thay bằng`, `bãi bỏ`. */
const SUPERSEDED = /(?<!\p{L})trước\s+đây(?!\p{L})|không\s+còn\s+(?:áp\s+dụng|hiệu\s+lực)|(?:được|bị)\s+thay\s+(?:bằng|thế)|bãi\s+bỏ/iu;
const BEFORE = /trước\s*(các\s+)?((?:thứ\s+\p{L}+|chủ\s+nhật),?\s*)?(ngày)?\s*$/iu;
/** Between two dates of one subject: `và`, `,`, `hoặc`, perhaps `ngày`. */
const JOINED_DATE = /^[\s,]*(?:và|hoặc)?\s*(?:ngày)?\s*$/;
const BRACKETED = /^\s*\(([^()]{3,100})\)/;
/** Words that join or time a deadline, not name it. */
const JOINING_WORDS = /(?<!\p{L})(?:và|hoặc|trước|các|ngày|chậm nhất|là|hạn chót|không muộn hơn|gửi|nộp|đến hết|lần lượt|tương ứng)(?!\p{L})/gu;
/** Where the last report of a list ends: `báo cáo năm lần lượt trước các ngày …`. */
const LIST_TAIL = /(?<!\p{L})(?:lần lượt|tương ứng|trước|gửi|nộp|chậm nhất)(?!\p{L})/u;
/** Between the reports of a list: `báo cáo 6 tháng, báo cáo năm`, `… và báo cáo năm`. */
const LIST_SEPARATOR = /,|;|(?<!\p{L})(?:và|hoặc)(?!\p{L})/u;
/** The words that qualify a due date, just before it: `trước ngày`, `chậm nhất là ngày`, `trong tháng`. */
const DUE_LEAD = /(?:(?:trước|chậm nhất(?:\s+là)?|không muộn hơn|hạn chót(?:\s+là)?|đến hết|trong|vào)\s+)?(?:ngày|tháng)?\s*$/i;

/** `trước ngày 10/12/2024` as written (spaces collapsed), read from at most 40 characters before the date. */
function dueAsWritten(text: string, from: number, element: DateElement): string {
  const lead = DUE_LEAD.exec(text.slice(Math.max(from, element.start - 40), element.start))?.[0] ?? '';
  return `${lead}${text.slice(element.start, element.end)}`.replace(/\s+/g, ' ').trim();
}
/** Before a date due on that day: `nộp`, `gửi`, `hạn chót (là)`, `chậm nhất (là)`, `không muộn hơn`, `hạn nộp`. */
const ON_WORDS = /nộp|gửi|báo cáo|hoàn thành|hạn|chậm nhất|không muộn hơn/;
/** The figures a report gives run to (or from) this day: `tính đến ngày`, `tính từ ngày`. */
const CUT_OFF = /tính\s+(?:đến|tới|từ)(?:\s+hết)?(?:\s+ngày)?\s*$/;
const RECIPIENT = /(?:nộp|gửi)(?:\s+[^,]*?)?\s+về\s+(.+?)\s*(?::|ngày|trước|trong|chậm nhất|hạn|\(|$)/i;
/** `báo cáo Sở Nội vụ`, `gửi Phòng GD&ĐT`: a report made or sent to a body named right after the verb (capitalised). */
const REPORTED_TO = /(?:[Bb]áo cáo|[Gg]ửi|[Nn]ộp)\s+((?:Sở|Bộ|UBND|Ủy ban|Uỷ ban|Phòng|Hội đồng|Thường trực|Tỉnh ủy|Huyện ủy|Đảng ủy|Thành ủy)\s[^:;,(]*?)\s*(?::|trước|ngày|chậm nhất|hạn|\(|$)/u;

/** The body a report is sent to, as the words before its date name it. */
function recipientIn(lead: string): string | undefined {
  return (RECIPIENT.exec(lead)?.[1] ?? REPORTED_TO.exec(lead)?.[1])?.trim() || undefined;
}
/** Where a subject ends: the verb and time words before its date. */
const SUBJECT_TAIL =
  /[:,]?\s*(gửi|nộp)?\s*(về\s+[^,]*?\s*)?(trước|trong|vào|ngày|chậm nhất(\s+là)?(\s+ngày)?|hạn chót(\s+là)?(\s+ngày)?|không muộn hơn(\s+ngày)?|đến hết(\s+ngày)?)?\s*$/i;
// `vào tháng 6 và tháng 12`: months due without a day.
const MONTHS_DUE = /vào\s+((?:tháng\s+\d{1,2}(?:\s*(?:,|và)\s*)?)+)/i;
const AS_REGULATED = /theo quy định/i;
/** How every MONTHS_DUE starts, or AS_REGULATED: lines without a date that may still name a due. */
/** A Markdown footnote's definition: `[^1]: …`. */
const FOOTNOTE_DEFINITION = /^\[\^[^\]\s]+\]:/;

const DUE_WITHOUT_DATE = new RegExp(`vào|${AS_REGULATED.source}`, 'gi');

function isDate(element: Element): boolean {
  return element.kind === 'date';
}

// A marker that ends (`1.2` with no stop is a number here, not a marker).
const LEADING_MARKER = new RegExp(`^(?:${ROMAN_SPACED}|\\d{1,2}(?:\\.\\d{1,2})*[.)${TYPED_END.slice(1, -1)}]|${LETTER_SPACED})\\s+`);
const PLAN_NAMED = /^(?:các\s+|bản\s+)?kế hoạch/i;
/** A lead-in to what is to be sent: a sending verb, then a colon closing the line. */
const SENDING_LEAD_IN = /(?:[Gg]ửi|[Nn]ộp|[Bb]áo cáo|[Tt]hời hạn)[^:]*:\s*$/;
const SEND_HEADER = /gửi|nộp|nơi nhận/;
const SUBJECT_HEADER = /nội dung|công việc|báo cáo|loại|hoạt động|văn bản/;
const DATE_HEADER = /thời gian|thời hạn|hạn|ngày|thời điểm/;
const DUE_HEADER = /thời hạn|hạn nộp|hạn gửi|hạn chót|hạn báo cáo/;
/** The columns of a schedule's start and end (`Thời gian` over `Bắt đầu | Hoàn thành`, `Từ ngày | Đến ngày`). */
export const START_HEADER = /bắt đầu|khởi đầu|từ ngày|ngày đầu/;
export const END_HEADER = /hoàn thành|kết thúc|đến ngày|ngày cuối/;
const RECIPIENT_HEADER = /nơi nhận|gửi về|nộp về|đơn vị nhận|gửi đến/;

/** `sentPlan`: the subject names a plan and its context says it is sent (a table or list of what to send). */
export function classifyDeadline(clause: string, month?: number, monthsOnly = false, sentPlan = false): DeadlineKind {
  // `Báo cáo tổng kết năm 2027 (kèm kết quả Tháng hành động)`: what a bracket adds does not name the report.
  if (clause.includes('(')) {
    const kind = classifyWords(clause.replace(/\([^()]*\)/g, ' '), month, monthsOnly, sentPlan);
    if (kind !== 'other') return kind;
  }
  return classifyWords(clause, month, monthsOnly, sentPlan);
}

function classifyWords(clause: string, month: number | undefined, monthsOnly: boolean, sentPlan: boolean): DeadlineKind {
  if (/kế hoạch/.test(clause) && (sentPlan || /(nộp|gửi|xây dựng|ban hành|công bố)/.test(clause)) && !/báo cáo/.test(clause)) {
    return 'plan-submission';
  }
  // The Tháng hành động vì bình đẳng giới, not another month of action (June's phòng, chống bạo lực gia
  // đình, vì trẻ em, an toàn …): a report on one of those is another report.
  if (/báo cáo/.test(clause) && /tháng hành động/.test(clause.replace(OTHER_MONTH, ' '))) return 'action-month-report';
  // `sơ kết học kỳ I`: a school's review of its semester (due in January), not the six-month report.
  if (/(^|\D)(6|06|sáu) tháng|giữa năm/.test(clause) || (/sơ kết/.test(clause) && !/học kỳ|học kì/.test(clause))) return 'six-month-report';
  if (/báo cáo/.test(clause)) {
    if (monthsOnly && month !== undefined) return month <= 7 ? 'six-month-report' : 'annual-report';
    if (/(1|01|một) năm|cả năm|tổng kết|báo cáo năm|năm \d{4}\s*:|hằng năm|hàng năm|cuối năm/.test(clause)) return 'annual-report';
    // `Báo cáo kết quả thực hiện công tác bình đẳng giới năm 2027`: the year's results (not a school year's).
    if (/kết quả[^;]*\snăm \d{4}(?!\s*[-–])/.test(clause)) return 'annual-report';
  }
  if (/kế hoạch/.test(clause) && /(nộp|gửi)/.test(clause)) return 'plan-submission';
  return 'other';
}

export function clauses(line: Line, from = line.start, to = line.end): { start: number; end: number }[] {
  const result: { start: number; end: number }[] = [];
  let start = from;
  for (const element of line.elements) {
    if (element.kind !== 'token' || element.start < from || element.end > to) continue;
    const name = element.token.tokenType.name;
    if (name === 'Semicolon' || (name === 'Period' && /^\s+[A-ZĐÀ-Ỹ]/.test(sliceAfter(line, element.end)))) {
      result.push({ start, end: element.start });
      start = element.end;
    }
  }
  result.push({ start, end: to });
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
