import { lineSpans, withColumnTablesRead, type ColumnTable, type TextLine } from './pipe-table.js';
import type { SourceText } from './source-text.js';

// A table printed as text (`pdftotext -layout`, a text export that keeps columns) sets its cells in
// columns of spaces and wraps a long cell inside its column, onto the lines below:
//
//   TT   Nội dung công việc           Người thực hiện    Thời gian
//
//   1    Báo cáo 6 tháng đầu năm      Phó Hiệu trưởng    Trước ngày
//        gửi UBND xã                                     03/6/2027
//
// Read line by line, a row's report and its date fall on different lines. The header line gives the
// columns (its cells parted by two spaces or more); the lines below that never run a word across a
// column's left edge are the table's; a row starts where its first column is written (a row number),
// or, with no number column, after a blank line. Each table is read as the pipe table it is, every
// character mapped back to the file, as pandoc's multiline tables are (markdown-pandoc-tables.ts).

/** Columns a header needs: two columns of text are the header and closing blocks of every plan. */
const MIN_COLUMNS = 3;
/** More columns than this is no plan's table (and bounds the work per line). */
const MAX_COLUMNS = 12;
/** A header cell is a few words, not a sentence. */
const MAX_HEADER_CELL = 40;
/** Rows a table needs below its header. */
const MIN_ROWS = 2;
/** A row's number in the first column: `1`, `1.`, `II`, `a)`. */
const ROW_NUMBER = /^(?:\d{1,3}[.)]?|[IVXL]{1,6}\.?|[a-zđ][.)])$/;
/** Two spaces or more, or a tab: what parts a header's cells. */
const CELL_GAP = / {2,}|\t/g;

/** The source with each table laid out in columns of spaces written as a pipe table; `source` itself when it has none. */
export function withLayoutTablesRead(source: SourceText): SourceText {
  const text = source.text;
  // A header has three cells or more: two gaps of two spaces on one line.
  if (!/\S(?: {2,}|\t)\S[^\n]*?\S(?: {2,}|\t)\S/.test(text)) return source;
  const lines = lineSpans(text).map(({ start, end }) => ({ start, end, text: text.slice(start, end).replace(/\s+$/, '') }));
  return withColumnTablesRead(source, lines, tableAt);
}

const isBlank = (line: TextLine | undefined) => line === undefined || line.text.trim() === '';

/** Where each cell of a header line starts, or undefined when the line is no header. */
function headerColumns(line: string): number[] | undefined {
  const first = line.search(/\S/);
  if (first === -1) return undefined;
  const starts = [first];
  CELL_GAP.lastIndex = first;
  for (let gap = CELL_GAP.exec(line); gap; gap = CELL_GAP.exec(line)) starts.push(gap.index + gap[0].length);
  if (starts.length < MIN_COLUMNS || starts.length > MAX_COLUMNS) return undefined;
  for (let k = 0; k < starts.length; k++) {
    const cell = line.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : line.length).trim();
    // A sentence (a full stop at its end) or a long run of words is prose set in columns, not a header.
    if (cell.length > MAX_HEADER_CELL || /[.;:]$/.test(cell)) return undefined;
  }
  return starts;
}

/** Whether a line keeps to the columns: no word crosses a column's left edge, nothing stands left of the table. */
function keepsColumns(line: string, starts: readonly number[]): boolean {
  const first = line.search(/\S/);
  if (first < starts[0] - 1) return false;
  for (let k = 1; k < starts.length; k++) {
    const edge = starts[k];
    if (edge - 1 < line.length && line[edge - 1] !== ' ' && line[edge - 1] !== '\t') return false;
  }
  return true;
}

/** The text of a line in column `[from, to)`, trimmed. */
function cellText(line: string, from: number, to: number): string {
  return line.slice(Math.min(from, line.length), Math.min(to, line.length)).trim();
}

/** A table whose header is line `index`, or undefined. */
function tableAt(lines: readonly TextLine[], index: number): ColumnTable | undefined {
  if (!isBlank(lines[index - 1]) && index > 0) return undefined;
  const starts = headerColumns(lines[index].text);
  if (!starts) return undefined;
  const columns = starts.map((start, k): [number, number] => [k === 0 ? 0 : start, k + 1 < starts.length ? starts[k + 1] : Number.MAX_SAFE_INTEGER]);
  // The lines that keep to the columns, blank lines among them; two blank lines end the table.
  const body: number[] = [];
  for (let k = index + 1; k < lines.length; k++) {
    if (isBlank(lines[k])) {
      if (isBlank(lines[k + 1])) break;
      body.push(k);
      continue;
    }
    if (!keepsColumns(lines[k].text, starts)) {
      // A line of the table that breaks the columns right under another: no table laid out cleanly.
      if (!isBlank(lines[k - 1]) && k - 1 > index) return undefined;
      break;
    }
    body.push(k);
  }
  const numbered = body.filter((k) => !isBlank(lines[k]) && cellText(lines[k].text, ...columns[0]) !== '');
  const byNumber = numbered.length >= MIN_ROWS && numbered.every((k) => ROW_NUMBER.test(cellText(lines[k].text, ...columns[0])));
  const blankParted = body.some((k) => isBlank(lines[k]));
  const header = [index];
  const rows: number[][] = [];
  let row: number[] | undefined;
  let blankBefore = false;
  for (const k of body) {
    if (isBlank(lines[k])) {
      blankBefore = true;
      continue;
    }
    // Without row numbers: rows parted by blank lines (the lines right under the header are its own),
    // or, with no blank line at all, a line a row.
    const opensRow = byNumber ? cellText(lines[k].text, ...columns[0]) !== '' : blankParted ? blankBefore : true;
    if (opensRow) {
      row = [k];
      rows.push(row);
    } else if (byNumber && blankBefore && row) {
      // After a blank line, a line with no number is no longer the table's (a paragraph below it).
      break;
    } else if (row) row.push(k);
    // Lines under the header before the first row: the header's own cells, wrapped.
    else header.push(k);
    blankBefore = false;
  }
  if (rows.length < MIN_ROWS) return undefined;
  // The table is laid out in columns only if its rows fill more than one of them.
  const filled = new Set<number>();
  for (const rowLines of rows) for (const k of rowLines) columns.forEach((column, c) => cellText(lines[k].text, ...column) !== '' && filled.add(c));
  if (filled.size < 2) return undefined;
  const last = rows.at(-1)!.at(-1)!;
  return { first: index, last, rows: [header, ...rows], columns };
}
