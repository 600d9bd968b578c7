import { lineSpans, withColumnTablesRead, type ColumnTable, type TextLine } from './pipe-table.js';
import type { SourceText } from './source-text.js';

// pandoc's own Markdown (`pandoc plan.docx -o plan.md`: its default output) has no pipe tables for a
// Word table whose cells wrap: it writes a grid table (`+---+` borders, `|` between cells, a row's
// lines up to the next border) or a multiline table (rules of dashes, one run per column, rows parted
// by blank lines), and a simple table (one line a row) when no cell wraps. The header, the Nơi nhận
// and signature, the roles and the schedule of a plan from Word come so. Each is read as the pipe
// table that says the same, from the columns its rules mark, every character mapped back to the file.

/** `+-----+:----:+`, `+=====+=====+`: a grid table's border; the `+` mark the columns. */
const GRID_BORDER = /^ {0,3}\+(?:[-=:]+\+)+[ \t]*$/;
/** `-------- ----------- -----`: one run of dashes a column (two at least). */
const COLUMN_RULE = /^ {0,3}-+(?:[ ]+-+)+[ \t]*$/;
/** A rule across the whole table: the first and last line of a multiline table with a header. */
const FULL_RULE = /^ {0,3}-{3,}[ \t]*$/;
/** Header lines above a multiline table's column rule: a few at most. */
const MAX_HEADER_LINES = 6;
/** More columns than this is no plan's table (and bounds the work per line). */
const MAX_COLUMNS = 16;


/** The source with pandoc's grid, multiline and simple tables written as pipe tables; `source` itself when it has none. */
export function withPandocTablesRead(source: SourceText): SourceText {
  const text = source.text;
  // Every such table has a line of dashes with a `+` or a space between runs.
  if (!/(?:^|\n) {0,3}(?:\+[-=:]{3}|-{2,} +-)/.test(text)) return source;
  return withColumnTablesRead(source, linesOf(text), (lines, index) => gridTableAt(lines, index) ?? ruledTableAt(lines, index));
}

function linesOf(text: string): TextLine[] {
  return lineSpans(text).map(({ start, end }) => ({ start, end, text: text.slice(start, end) }));
}

const isBlank = (line: TextLine | undefined) => line === undefined || line.text.trim() === '';

/** A grid table whose first border is line `index`: every line up to its last border has `|` at each `+` of the border. */
function gridTableAt(lines: readonly TextLine[], index: number): ColumnTable | undefined {
  const border = lines[index].text;
  if (!GRID_BORDER.test(border) || !isBlank(lines[index - 1])) return undefined;
  const marks: number[] = [];
  for (let k = 0; k < border.length; k++) if (border[k] === '+') marks.push(k);
  if (marks.length < 3 || marks.length > MAX_COLUMNS + 1) return undefined;
  const rows: number[][] = [];
  let row: number[] = [];
  for (let k = index + 1; k < lines.length; k++) {
    const line = lines[k].text;
    if (GRID_BORDER.test(line)) {
      // A row parted from the next: the border has its `+` where the first border has them (no spans).
      if (!marks.every((mark) => line[mark] === '+')) return undefined;
      if (row.length > 0) rows.push(row);
      row = [];
      if (isBlank(lines[k + 1]) || !lines[k + 1].text.trimStart().startsWith('|')) {
        return rows.length > 0 ? { first: index, last: k, rows, columns: columnsBetween(marks) } : undefined;
      }
      continue;
    }
    // A cell spanning columns, or a line that is not the table's: leave the table as written.
    if (!marks.every((mark) => line[mark] === '|')) return undefined;
    row.push(k);
  }
  return undefined;
}

/** The text between each two marks of a grid table. */
function columnsBetween(marks: readonly number[]): Array<[number, number]> {
  const columns: Array<[number, number]> = [];
  for (let k = 0; k + 1 < marks.length; k++) columns.push([marks[k] + 1, marks[k + 1]]);
  return columns;
}

/** The column of each run of dashes in a rule: from its first dash to the next run's (the last to the line's end). */
function columnsOfRule(rule: string): Array<[number, number]> | undefined {
  const starts: number[] = [];
  for (const run of rule.matchAll(/-+/g)) starts.push(run.index);
  if (starts.length < 2 || starts.length > MAX_COLUMNS) return undefined;
  return starts.map((start, k) => [k === 0 ? 0 : start, k + 1 < starts.length ? starts[k + 1] : Number.MAX_SAFE_INTEGER]);
}

/**
 * A table ruled with dashes at line `index`: a multiline table with a header (a full rule, header
 * lines, the column rule, rows, a full rule), one without (a column rule, rows, a column rule), or a
 * simple table (header lines, the column rule, one row a line up to a blank line).
 */
function ruledTableAt(lines: readonly TextLine[], index: number): ColumnTable | undefined {
  if (!isBlank(lines[index - 1])) return undefined;
  const first = lines[index].text;
  if (FULL_RULE.test(first)) {
    // A multiline table with a header: the header lines, then the column rule.
    let rule = index + 1;
    while (rule < lines.length && rule - index <= MAX_HEADER_LINES && !isBlank(lines[rule]) && !COLUMN_RULE.test(lines[rule].text)) rule++;
    if (rule === index + 1 || rule >= lines.length || !COLUMN_RULE.test(lines[rule].text)) return undefined;
    const columns = columnsOfRule(lines[rule].text);
    if (!columns) return undefined;
    const close = closingRule(lines, rule + 1, FULL_RULE);
    if (close === undefined) return undefined;
    const header = range(index + 1, rule);
    return { first: index, last: close, rows: [header, ...bodyRows(lines, rule + 1, close)], columns };
  }
  if (COLUMN_RULE.test(first)) {
    // Without a header: the rows between two column rules.
    const columns = columnsOfRule(first);
    if (!columns) return undefined;
    const close = closingRule(lines, index + 1, COLUMN_RULE);
    if (close === undefined) return undefined;
    return { first: index, last: close, rows: bodyRows(lines, index + 1, close), columns };
  }
  // A simple table: a header line right above its column rule, rows down to a blank line.
  const rule = index + 1;
  if (isBlank(lines[index]) || rule >= lines.length || !COLUMN_RULE.test(lines[rule].text)) return undefined;
  const columns = columnsOfRule(lines[rule].text);
  if (!columns) return undefined;
  let last = rule;
  while (last + 1 < lines.length && !isBlank(lines[last + 1])) last++;
  if (last === rule) return undefined;
  const body = range(rule + 1, COLUMN_RULE.test(lines[last].text) ? last : last + 1).map((line) => [line]);
  return { first: index, last, rows: [[index], ...body], columns };
}

/** The rule that closes a table whose body starts at `from`: followed by a blank line or the end. */
function closingRule(lines: readonly TextLine[], from: number, rule: RegExp): number | undefined {
  for (let k = from; k < lines.length; k++) {
    if (rule.test(lines[k].text) && isBlank(lines[k + 1])) return k;
    // Two blank lines end a table that was not one.
    if (isBlank(lines[k]) && isBlank(lines[k + 1])) return undefined;
  }
  return undefined;
}

/** Rows parted by blank lines (a multiline table); with no blank line between them, one line a row (a simple table). */
function bodyRows(lines: readonly TextLine[], from: number, to: number): number[][] {
  const body = range(from, to);
  const multiline = body.some((k) => isBlank(lines[k]));
  if (!multiline) return body.map((k) => [k]);
  const rows: number[][] = [];
  let row: number[] = [];
  for (const k of body) {
    if (isBlank(lines[k])) {
      if (row.length > 0) rows.push(row);
      row = [];
    } else row.push(k);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
