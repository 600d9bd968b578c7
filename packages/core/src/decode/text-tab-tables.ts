import { DerivedText } from './derived-source.js';
import { lineSpans, segmentsEscapingPipes, writePipeTable, type Row } from './pipe-table.js';
import type { SourceText } from './source-text.js';

// Word's "Save as plain text" writes a table a row a line, its cells parted by tabs: the roles table
// `1⇥Hiệu trưởng⇥Phụ trách chung …⇥Cả năm`, a table of deadlines. Read as lines, a row's number is
// a list number and its cells run together; consecutive lines with the same three cells or more
// (two tabs or more) are read as the pipe table they are. Two cells (one tab) are left as written: the
// header's and the closing's two columns are read as columns where they stand.

const MIN_TABS = 2;
/** More cells than this is no plan's table. */
const MAX_CELLS = 16;

interface TextLine {
  start: number;
  end: number;
  tabs: number;
}

/** The source with each tab-separated table of a text plan written as a pipe table; `source` itself when it has none. */
export function withTabTablesRead(source: SourceText): SourceText {
  const text = source.text;
  if (!text.includes('\t')) return source;
  const lines = linesOf(text);
  const derived = new DerivedText(source);
  let from = 0;
  let found = false;
  for (let k = 0; k < lines.length; k++) {
    const tabs = lines[k].tabs;
    if (tabs < MIN_TABS || tabs + 1 > MAX_CELLS) continue;
    let last = k;
    while (last + 1 < lines.length && lines[last + 1].tabs === tabs) last++;
    if (last === k) continue;
    derived.copy(from, lines[k].start);
    writePipeTable(derived, lines.slice(k, last + 1).map((line) => rowOf(text, line)));
    from = lines[last].end;
    found = true;
    k = last;
  }
  if (!found) return source;
  derived.copy(from, text.length);
  return derived.finish();
}

function linesOf(text: string): TextLine[] {
  return lineSpans(text).map(({ start, end }) => {
    let lineEnd = end;
    while (lineEnd > start && text.charCodeAt(lineEnd - 1) === 32) lineEnd--;
    let tabs = 0;
    // A line that is only tabs and spaces (the closing's empty cells) is no row.
    let words = false;
    for (let k = start; k < lineEnd; k++) {
      const code = text.charCodeAt(k);
      if (code === 9) tabs++;
      else if (code !== 32) words = true;
    }
    return { start, end: lineEnd, tabs: words ? tabs : 0 };
  });
}

/** A line's cells: the text between its tabs, trimmed, a `|` in it escaped. */
function rowOf(text: string, line: TextLine): Row {
  const row: Row = { at: line.start, end: line.end, cells: [] };
  let cellStart = line.start;
  for (let k = line.start; k <= line.end; k++) {
    if (k < line.end && text.charCodeAt(k) !== 9) continue;
    let from = cellStart;
    let to = k;
    while (from < to && text.charCodeAt(from) === 32) from++;
    while (to > from && text.charCodeAt(to - 1) === 32) to--;
    const segments = segmentsEscapingPipes(text, from, to);
    row.cells.push({ at: cellStart, end: k, lines: segments.length > 0 ? [segments] : [] });
    cellStart = k + 1;
  }
  return row;
}
