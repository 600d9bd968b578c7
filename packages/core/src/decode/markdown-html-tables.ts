import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { DerivedText } from './derived-source.js';
import { trimSegments, writePipeTable, type Cell, type Row, type Segment } from './pipe-table.js';
import type { SourceText } from './source-text.js';

// pandoc writes a Word table as raw HTML when a cell holds more than one paragraph or a list (gfm and
// commonmark have no such cells): the header's two columns, the Nơi nhận and signature, a schedule with
// several lines a cell. Read as HTML it would be one opaque block; these tables are read as the pipe
// table that says the same (cells in order, a cell's paragraphs parted by `<br>`, a list item by `- `),
// each character mapped back to where it stands in the file as written.

const TABLE_TAG = /<(\/?)table\b[^>]*>/gi;
const TABLE_LINE_START = /(?:^|\n) {0,3}<table\b/gi;
/** Tags that end a line inside a cell: paragraphs, breaks, list items, headings, blocks. */
const LINE_TAGS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'dd', 'dt']);
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** What a list item in a cell starts with: a cell bullet, as a pipe table writes it. */
const ITEM_MARKER = '- ';

/** The source with each HTML table of a Markdown plan written as a pipe table; `source` itself when it has none. */
export function withHtmlTablesRead(source: SourceText): SourceText {
  const text = source.text;
  if (!/<table\b/i.test(text)) return source;
  const derived = new DerivedText(source);
  let from = 0;
  let found = false;
  TABLE_LINE_START.lastIndex = 0;
  for (let start = TABLE_LINE_START.exec(text); start !== null; start = TABLE_LINE_START.exec(text)) {
    const blockStart = start.index + (text[start.index] === '\n' ? 1 : 0);
    if (blockStart < from) continue;
    const blockEnd = tableEnd(text, blockStart);
    if (blockEnd === -1) break;
    const rows = readRows(text, blockStart, blockEnd);
    TABLE_LINE_START.lastIndex = blockEnd;
    if (rows.length === 0) continue;
    derived.copy(from, blockStart);
    writePipeTable(derived, rows);
    from = blockEnd;
    found = true;
  }
  if (!found) return source;
  derived.copy(from, text.length);
  return derived.finish();
}

/** The end of the line that closes the table opened at `start` (nested tables counted), or -1. */
function tableEnd(text: string, start: number): number {
  TABLE_TAG.lastIndex = start;
  let depth = 0;
  for (let tag = TABLE_TAG.exec(text); tag !== null; tag = TABLE_TAG.exec(text)) {
    depth += tag[1] === '/' ? -1 : 1;
    if (depth === 0) {
      const newline = text.indexOf('\n', tag.index + tag[0].length);
      return newline === -1 ? text.length : newline;
    }
  }
  return -1;
}

/** The rows of the outer table in `text[from, to)`, each cell's text as segments of the source. */
function readRows(text: string, from: number, to: number): Row[] {
  const rows: Row[] = [];
  const spans = new Map<Cell, { colspan: number; rowspan: number }>();
  let depth = 0;
  let row: Row | undefined;
  let cell: Cell | undefined;
  let line: Segment[] = [];
  const endLine = () => {
    if (!cell) return;
    const trimmed = trimSegments(line);
    // `<li><p>…`: the item's marker waits for the paragraph it opens.
    if (trimmed.length === 1 && isItemMarker(trimmed[0])) return;
    if (trimmed.length > 0) cell.lines.push(trimmed);
    line = [];
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const at = from + parser.startIndex;
        if (name === 'table') depth++;
        else if (depth === 1 && name === 'tr') rows.push((row = { at, end: at, cells: [] }));
        else if (depth === 1 && (name === 'td' || name === 'th') && row) {
          cell = { at, end: at, lines: [] };
          const colspan = spanOf(attributes.colspan);
          const rowspan = spanOf(attributes.rowspan);
          if (colspan > 1 || rowspan > 1) spans.set(cell, { colspan, rowspan });
          row.cells.push(cell);
          line = [];
        } else if (cell && (LINE_TAGS.has(name) || name === 'tr' || name === 'td' || name === 'th')) {
          endLine();
          if (name === 'li') line.push({ text: ITEM_MARKER, at, end: at });
        }
      },
      onclosetag(name) {
        const at = from + parser.startIndex;
        if (name === 'table') depth--;
        if (depth === 1 && (name === 'td' || name === 'th') && cell) {
          endLine();
          cell.end = at;
          cell = undefined;
        } else if (depth === 1 && name === 'tr' && row) {
          row.end = from + parser.endIndex + 1;
          row = undefined;
        } else if (cell && LINE_TAGS.has(name)) endLine();
      },
      ontext(raw) {
        if (cell) textSegments(raw, from + parser.startIndex, line);
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.end(text.slice(from, to));
  return withSpansExpanded(rows.filter((candidate) => candidate.cells.length > 0), spans);
}

/** A `colspan` or `rowspan` attribute as a count: 1 unless it is a whole number from 2 to 64. */
function spanOf(value: string | undefined): number {
  const count = value === undefined ? 1 : Number.parseInt(value, 10);
  return Number.isInteger(count) && count > 1 ? Math.min(count, 64) : 1;
}

/**
 * The rows as a grid, as a reader sees the table: a cell spanning columns (`colspan`) is followed by
 * empty cells, one spanning rows (`rowspan`) leaves an empty cell in its column of the rows below, so
 * that every cell stands under its column's header (`Thời gian` over `Bắt đầu | Hoàn thành`, a unit
 * written once for three rows).
 */
function withSpansExpanded(rows: Row[], spans: ReadonlyMap<Cell, { colspan: number; rowspan: number }>): Row[] {
  if (spans.size === 0) return rows;
  // For each column, how many rows below are still covered by a cell above, and where that cell ends.
  const covered: number[] = [];
  const empty = (at: number): Cell => ({ at, end: at, lines: [] });
  return rows.map((row) => {
    const cells: Cell[] = [];
    let column = 0;
    const fill = (at: number) => {
      while ((covered[column] ?? 0) > 0) {
        covered[column]--;
        cells.push(empty(at));
        column++;
      }
    };
    for (const cell of row.cells) {
      fill(cell.at);
      const { colspan, rowspan } = spans.get(cell) ?? { colspan: 1, rowspan: 1 };
      for (let k = 0; k < colspan; k++) {
        cells.push(k === 0 ? cell : empty(cell.end));
        if (rowspan > 1) covered[column] = rowspan - 1;
        column++;
      }
    }
    fill(row.end);
    return { ...row, cells };
  });
}

/** A run of HTML text as segments: spaces and line breaks as one space, an entity as its character, `|` escaped. */
function textSegments(raw: string, at: number, line: Segment[]): void {
  let k = 0;
  while (k < raw.length) {
    const code = raw.charCodeAt(k);
    if (code === 32 || code === 9 || code === 10 || code === 13) {
      let end = k + 1;
      while (end < raw.length && /[ \t\r\n]/.test(raw[end])) end++;
      line.push({ text: ' ', at: at + k, end: at + end });
      k = end;
    } else if (code === 38) {
      ENTITY.lastIndex = k;
      const entity = ENTITY.exec(raw);
      if (entity && entity.index === k) {
        line.push({ text: escapePipes(decodeHTML(entity[0])), at: at + k, end: at + k + entity[0].length });
        k += entity[0].length;
      } else {
        line.push({ copyFrom: at + k, copyTo: at + k + 1 });
        k++;
      }
    } else if (code === 124) {
      line.push({ text: '\\|', at: at + k, end: at + k + 1 });
      k++;
    } else {
      let end = k + 1;
      while (end < raw.length && !/[ \t\r\n&|]/.test(raw[end])) end++;
      line.push({ copyFrom: at + k, copyTo: at + end });
      k = end;
    }
  }
}

function escapePipes(value: string): string {
  return value.replace(/\|/g, '\\|');
}

function isItemMarker(segment: Segment): boolean {
  return 'text' in segment && segment.text === ITEM_MARKER;
}
