import { DerivedText } from './derived-source.js';
import type { SourceText } from './source-text.js';

// A table read from another Markdown form (raw HTML, pandoc's grid and multiline tables) is written as
// the GFM pipe table that says the same, so that the block grammar reads every table one way.

/** Text of the source as it is, or text written for what stands at `[at, end)` (an entity, a run of spaces). */
export type Segment = { copyFrom: number; copyTo: number } | { text: string; at: number; end: number };

export interface Cell {
  at: number;
  end: number;
  lines: Segment[][];
}

export interface Row {
  at: number;
  end: number;
  cells: Cell[];
}

function isSpace(segment: Segment): boolean {
  return 'text' in segment && segment.text.trim() === '';
}

/** The segments without the spaces that start or end them. */
export function trimSegments(line: Segment[]): Segment[] {
  let start = 0;
  let end = line.length;
  while (start < end && isSpace(line[start])) start++;
  while (end > start && isSpace(line[end - 1])) end--;
  return line.slice(start, end);
}

/** The rows as a pipe table: the first row heads it, as a table without a header row reads in GFM. */
export function writePipeTable(derived: DerivedText, rows: Row[]): void {
  const columns = Math.max(...rows.map((row) => row.cells.length));
  rows.forEach((row, index) => {
    derived.write('|', row.at);
    for (const cell of row.cells) {
      derived.write(' ', cell.at);
      // What is written after a cell's text stands where that text ends: a range that ends with the
      // text ends there in the file, not at the tags after it.
      let textEnd = cell.at;
      cell.lines.forEach((line, lineIndex) => {
        if (lineIndex > 0) derived.write('<br>', textEnd);
        for (const segment of line) {
          if ('text' in segment) derived.write(segment.text, segment.at);
          else derived.copy(segment.copyFrom, segment.copyTo);
          textEnd = 'text' in segment ? segment.end : segment.copyTo;
        }
      });
      derived.write(' |', textEnd);
    }
    if (index === 0) {
      derived.write('\n', row.end);
      derived.write(`|${' --- |'.repeat(columns)}`, row.end);
    }
    if (index < rows.length - 1) derived.write('\n', row.end);
  });
}

/** `text[from, to)` as segments of the source, a `|` in it escaped (it would end the pipe table's cell). */
export function segmentsEscapingPipes(text: string, from: number, to: number, into: Segment[] = []): Segment[] {
  let start = from;
  for (let k = text.indexOf('|', from); k !== -1 && k < to; k = text.indexOf('|', k + 1)) {
    if (k > start) into.push({ copyFrom: start, copyTo: k });
    into.push({ text: '\\|', at: k, end: k + 1 });
    start = k + 1;
  }
  if (to > start) into.push({ copyFrom: start, copyTo: to });
  return into;
}

/** Each line of `text`: where it starts and ends, a CR before its LF left out. */
export function lineSpans(text: string): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lines.push({ start, end: end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end });
    start = end + 1;
  }
  return lines;
}

/** A line of text: where it starts and ends, and its text. */
export interface TextLine {
  start: number;
  end: number;
  text: string;
}

/** A cell line that starts a line of its own rather than running on from the line above: a list item. */
const ITEM_START = /^(?:\\?[-+*•]\s|\d{1,2}[.)]\s|[a-zđ][.)]\s)/;

/**
 * A row from its lines: in each column, the lines of the cell, a line that wraps joined to the one
 * above by a space, a new paragraph (after a blank cell line) or list item on a line of its own.
 */
export function rowOfColumns(text: string, lines: readonly TextLine[], rowLines: readonly number[], columns: ReadonlyArray<[number, number]>): Row {
  const firstLine = lines[rowLines[0]];
  const lastLine = lines[rowLines.at(-1)!];
  const cells: Cell[] = columns.map(([from, to]) => {
    const cell: Cell = { at: firstLine.start + Math.min(from, firstLine.text.length), end: lastLine.start + Math.min(to, lastLine.text.length), lines: [] };
    let current: Segment[] | undefined;
    let paragraphEnded = true;
    for (const k of rowLines) {
      const line = lines[k];
      const part = line.text.slice(Math.min(from, line.text.length), Math.min(to, line.text.length));
      const lead = part.length - part.trimStart().length;
      const content = part.trim();
      if (content === '') {
        paragraphEnded = true;
        continue;
      }
      const at = line.start + Math.min(from, line.text.length) + lead;
      // pandoc's hard line break: a backslash that ends the line (the break itself is not text).
      const hardBreak = /(?:^|[^\\])(?:\\\\)*\\$/.test(content);
      const kept = hardBreak ? content.slice(0, -1).trimEnd() : content;
      if (kept !== '') {
        if (current && !paragraphEnded && !ITEM_START.test(kept)) {
          // The space that joins a wrapped line stands where the text before it ends: a range that
          // ends with that text ends there in the file.
          const previous = current.at(-1)!;
          current.push({ text: ' ', at: 'text' in previous ? previous.end : previous.copyTo, end: at });
        } else {
          current = [];
          cell.lines.push(current);
        }
        segmentsEscapingPipes(text, at, at + kept.length, current);
      }
      paragraphEnded = hardBreak;
    }
    return cell;
  });
  return { at: firstLine.start, end: lastLine.end, cells };
}

/** A table found in a text's lines by its columns: its lines `[first, last]`, each row's lines, and the columns as `[from, to)` within a line. */
export interface ColumnTable {
  first: number;
  last: number;
  rows: number[][];
  columns: Array<[number, number]>;
}

/**
 * Each table found in `lines` (`tableAt` gives the table that starts at a line, if any) written as the
 * pipe table it is, every character mapped back; `source` itself when there is none.
 */
export function withColumnTablesRead(source: SourceText, lines: readonly TextLine[], tableAt: (lines: readonly TextLine[], index: number) => ColumnTable | undefined): SourceText {
  const text = source.text;
  const tables: ColumnTable[] = [];
  for (let index = 0; index < lines.length; index++) {
    const table = tableAt(lines, index);
    if (!table) continue;
    tables.push(table);
    index = table.last;
  }
  if (tables.length === 0) return source;
  const derived = new DerivedText(source);
  let from = 0;
  for (const table of tables) {
    const rows = table.rows.map((rowLines) => rowOfColumns(text, lines, rowLines, table.columns)).filter((row) => row.cells.some((cell) => cell.lines.length > 0));
    if (rows.length === 0) continue;
    derived.copy(from, lines[table.first].start);
    writePipeTable(derived, rows);
    from = lines[table.last].end;
  }
  derived.copy(from, text.length);
  return derived.finish();
}
