import type { Block, Cell, Notes, Paragraph, Table } from './document.js';
import type { Numbering } from './numbering.js';
import type { Styles } from './styles.js';

/**
 * A stretch of the Markdown. `copied`: the same characters as `paragraph.text` from `at`.
 * Otherwise text the writer made (a numbering marker, `#`, table pipes, `<br>`, blank lines…):
 * it stands for the point before character `at` of `paragraph`, or, without a paragraph, for
 * the place of the stretch that follows it.
 */
export interface Fragment {
  text: string;
  copied: boolean;
  paragraph?: Paragraph;
  at: number;
}

type Fragments = Fragment[];

interface Line {
  /** Heading depth, 0 for body text. */
  depth: number;
  /** The numbering marker Word shows, without its separator. */
  marker: string;
  text: string;
  fragments: Fragments;
  paragraph: Paragraph;
}

export interface NoteRef {
  kind: 'footnote' | 'endnote';
  id: string;
  /** Where the reference is in the body's text. */
  paragraph?: Paragraph;
  at?: number;
}

// The header table (issuer | Quốc hiệu, symbol | place and date) and the signature table
// (Nơi nhận | signer) are page layout: their lines are read as the header and closing lines. The
// closing's "Nơi nhận:" has its colon (Nghị định 30/2020, Phụ lục I); a table of reports with a
// "Nơi nhận" column (where each report goes) is data.
const NATIONAL_MOTTO = /^(?:CỘNG\s+H[OÒ][AÀ]\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–—]\s*Tự\s+do)/iu;
const RECIPIENTS = /^Nơi\s+nhận\s*:/iu;

/**
 * Word blocks → the Markdown plan-lint parses and `convert` prints: headings as `#`, automatic
 * numbering as the marker Word shows, line breaks as Markdown hard breaks, tables as GFM tables
 * (a cell's paragraphs joined with `<br>`), text boxes after their paragraph, notes as GFM
 * footnotes at the end. Numbering counters advance in document order, so this walks once.
 * The text is built from fragments that say where each stretch came from: the review copy
 * (report/review-docx.ts) maps findings back to the runs of document.xml through them.
 */
export class MarkdownWriter {
  private readonly out: Fragments[] = [];
  /** Whether the last block written is an item of an automatic list (the next item follows it tightly). */
  private lastWasItem = false;
  /** The fragments of the last text written, in order. */
  fragments: Fragments = [];

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {}

  write(body: Block[], notes: { refs: NoteRef[]; footnotes: Notes; endnotes: Notes }): string {
    this.blocks(body);
    notes.refs.forEach((ref, index) => {
      const blocks = (ref.kind === 'endnote' ? notes.endnotes : notes.footnotes).get(ref.id) ?? [];
      const text = this.lines(blocks)
        .map((line) => joinMarker(line).replace(/\n/g, ' '))
        .join(' ')
        .trim();
      // The note's own text is in another part: it stands for its reference in the body.
      this.push([made(`[^${index + 1}]: ${text}`, ref.paragraph, ref.at ?? 0)]);
    });
    const all: Fragments = [];
    this.out.forEach((block, index) => {
      if (index > 0) all.push(made('\n\n'));
      for (const fragment of block) all.push(fragment);
    });
    all.push(made('\n'));
    this.fragments = all;
    return textOf(all);
  }

  private blocks(blocks: Block[]): void {
    for (const block of blocks) {
      if (block.kind === 'table') this.table(block);
      else this.paragraph(block);
    }
  }

  private paragraph(paragraph: Paragraph): void {
    const line = this.line(paragraph);
    if (line.text !== '') {
      if (line.depth > 0) this.push(heading(line));
      // Two spaces before the newline: a Markdown hard break, the `break` of the document tree.
      else this.push(newlinesAs(withMarker(line), '  \n'), line.marker !== '');
    }
    if (paragraph.boxes) this.blocks(paragraph.boxes);
  }

  /** One block; items of an automatic list follow each other without a blank line (a tight list, as Markdown writes it). */
  private push(block: Fragments, isItem = false): void {
    if (isItem && this.lastWasItem) this.out[this.out.length - 1].push(made('\n'), ...block);
    else this.out.push(block);
    this.lastWasItem = isItem;
  }

  private table(table: Table): void {
    // Counters advance row by row, cell by cell, as Word numbers them.
    const rows = table.rows.map((row) =>
      row.map((cell) => {
        const lines = this.lines(cell.blocks, [], true);
        // The lower part of a vertically merged cell shows nothing (Word shows the text once).
        return { cell, lines: cell.vMerge === 'continue' ? [] : lines };
      }),
    );
    const all = rows.flatMap((row) => row.flatMap((cell) => cell.lines));
    const columns = Math.max(0, ...table.rows.map((row) => row.reduce((sum, cell) => sum + cell.span, 0)));
    if (all.length === 0) return;
    // A one-column table is a frame around text, with no columns to relate.
    const layout = columns <= 3 && rows.length <= 4 && all.some((line) => NATIONAL_MOTTO.test(line.text) || RECIPIENTS.test(line.text));
    if (layout || columns <= 1) {
      // The closing reads column by column: the recipients under "Nơi nhận:", then the signer, even
      // when the table puts "Nơi nhận:" and the signer's title in one row and their lines in the next.
      const closing = layout && all.some((line) => RECIPIENTS.test(line.text));
      for (const line of closing ? columnMajor(rows) : all) {
        if (line.depth > 0) this.push(heading(line));
        else {
          for (const part of splitAtNewlines(withMarker(line))) {
            const trimmed = trim(part);
            if (trimmed.length > 0) this.push(trimmed, line.marker !== '');
          }
        }
      }
      return;
    }
    // A title row (`THỜI HẠN THỰC HIỆN VÀ BÁO CÁO` in one cell across the table) above the header row:
    // the table's caption, written before it, so that the header row stays the header.
    while (rows.length > 1 && rows[0].length === 1 && rows[0][0].cell.span === columns && rows[1].length > 1) {
      for (const line of rows[0][0].lines) {
        const trimmed = trim(withMarker(line));
        if (trimmed.length > 0) this.push(trimmed);
      }
      rows.shift();
    }
    const grid = rows.map((row) => {
      const cells: { fragments: Fragments; anchor: Anchor }[] = [];
      for (const { cell, lines } of row) {
        const anchor = anchorOf(cell);
        cells.push({ fragments: cellText(lines), anchor });
        for (let k = 1; k < cell.span; k++) cells.push({ fragments: [], anchor });
      }
      const last = cells[cells.length - 1]?.anchor ?? {};
      while (cells.length < columns) cells.push({ fragments: [], anchor: last });
      return cells;
    });
    // Pipes are no one's text: each stands for the start of the cell it opens.
    const format = (cells: { fragments: Fragments; anchor: Anchor }[]): Fragments => {
      const out: Fragments = [];
      cells.forEach((cell, index) => {
        out.push(made(index === 0 ? '| ' : ' | ', cell.anchor.paragraph, 0));
        out.push(...cell.fragments);
      });
      const last = cells[cells.length - 1]?.anchor;
      out.push(made(cells.length ? ' |' : '|  |', last?.paragraph, 0));
      return out;
    };
    const block: Fragments = format(grid[0]);
    block.push(made(`\n|${' --- |'.repeat(columns)}`));
    for (const row of grid.slice(1)) block.push(made('\n'), ...format(row));
    this.push(block);
  }

  /** A cell's (or a note's) blocks as lines, nested tables flattened cell by cell. */
  /** `inCell`: the blocks are a table cell's, where a table inside is a table of its own (below). */
  private lines(blocks: Block[], into: Line[] = [], inCell = false): Line[] {
    for (const block of blocks) {
      if (block.kind === 'table') {
        if (inCell) {
          // A table inside a table's cell (`Nội dung | Người thực hiện | Thời hạn` in a month's row): a
          // line a row, its cells parted by a dash and the rows by a semicolon, so that a report, who
          // sends it and its date stay one clause rather than nine lines in the outer cell.
          const rowsFrom = into.length;
          for (const row of block.rows) {
            const cells = row.map((cell) => this.lines((cell as Cell).blocks, [], true)).filter((lines) => lines.length > 0);
            if (cells.length === 0) continue;
            const fragments: Fragments = [];
            cells.forEach((lines, k) => {
              if (k > 0) fragments.push(made(' – '));
              lines.forEach((line, n) => {
                if (n > 0) fragments.push(made(' '));
                fragments.push(...line.fragments);
              });
            });
            into.push({ depth: 0, marker: '', text: textOf(fragments), fragments, paragraph: cells[0][0].paragraph });
          }
          for (let k = rowsFrom; k < into.length - 1; k++) {
            into[k].fragments.push(made(';'));
            into[k].text += ';';
          }
          continue;
        }
        for (const row of block.rows) for (const cell of row) this.lines((cell as Cell).blocks, into);
        continue;
      }
      const line = this.line(block);
      if (line.text !== '') into.push(line);
      if (block.boxes) this.lines(block.boxes, into);
    }
    return into;
  }

  private line(paragraph: Paragraph): Line {
    const style = this.styles.get(paragraph.styleId);
    const numId = paragraph.numId ?? style.numId;
    const numbered = numId !== undefined ? this.numbering.next(numId, paragraph.ilvl ?? style.ilvl ?? 0) : undefined;
    const depth =
      paragraph.outlineLevel !== undefined && paragraph.outlineLevel >= 0 ? (paragraph.outlineLevel <= 8 ? paragraph.outlineLevel + 1 : 0) : style.headingDepth;
    const fragments = tidy(paragraph);
    const text = textOf(fragments);
    if (!numbered) this.numbering.unnumbered(text);
    return { depth, marker: numbered?.marker ?? '', text, fragments, paragraph };
  }
}

interface Anchor {
  paragraph?: Paragraph;
}

function made(text: string, paragraph?: Paragraph, at = 0): Fragment {
  return { text, copied: false, paragraph, at };
}

function copied(paragraph: Paragraph, at: number, length: number): Fragment {
  return { text: paragraph.text.slice(at, at + length), copied: true, paragraph, at };
}

function textOf(fragments: Fragments): string {
  if (fragments.length === 1) return fragments[0].text;
  let text = '';
  for (const fragment of fragments) text += fragment.text;
  return text;
}

/** The first paragraph of a cell, even an empty one: the place of its pipe. */
function anchorOf(cell: Cell): Anchor {
  const first = (blocks: Block[]): Paragraph | undefined => {
    for (const block of blocks) {
      if (block.kind === 'paragraph') return block;
      for (const row of block.rows) for (const inner of row) {
        const found = first(inner.blocks);
        if (found) return found;
      }
    }
    return undefined;
  };
  return { paragraph: first(cell.blocks) };
}

const EDGE_SPACE = /[ \t\u00a0]/;

/** A paragraph's text with each line trimmed and its empty first and last lines dropped. */
function tidy(paragraph: Paragraph): Fragments {
  const text = paragraph.text;
  if (!/[\n\t ]|^$/.test(text)) return [copied(paragraph, 0, text.length)];
  const lines: { start: number; end: number; next: number }[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const rawEnd = newline === -1 ? text.length : newline;
    let from = start;
    let to = rawEnd;
    while (from < to && EDGE_SPACE.test(text[from])) from++;
    while (to > from && EDGE_SPACE.test(text[to - 1])) to--;
    lines.push({ start: from, end: to, next: newline });
    if (newline === -1) break;
    start = newline + 1;
  }
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && lines[first].start === lines[first].end) first++;
  while (last >= first && lines[last].start === lines[last].end) last--;
  const out: Fragments = [];
  for (let k = first; k <= last; k++) {
    // The newline before a line is the break that ended the line before it.
    if (k > first) out.push(copied(paragraph, lines[k - 1].next, 1));
    if (lines[k].end > lines[k].start) out.push(copied(paragraph, lines[k].start, lines[k].end - lines[k].start));
  }
  return out;
}

function withMarker(line: Line): Fragments {
  return line.marker === '' ? line.fragments : [made(`${line.marker} `, line.paragraph, 0), ...line.fragments];
}

function joinMarker(line: { marker: string; text: string }): string {
  return line.marker === '' ? line.text : `${line.marker} ${line.text}`;
}

function heading(line: Line): Fragments {
  return [made(`${'#'.repeat(Math.min(6, line.depth))} `, line.paragraph, 0), ...newlinesAs(withMarker(line), ' ')];
}

/** Line breaks (each a fragment of its own, from tidy) written as `replacement`, which stands for the break. */
function newlinesAs(fragments: Fragments, replacement: string): Fragments {
  return fragments.map((fragment) => (fragment.copied && fragment.text === '\n' ? made(replacement, fragment.paragraph, fragment.at) : fragment));
}

function splitAtNewlines(fragments: Fragments): Fragments[] {
  const parts: Fragments[] = [[]];
  for (const fragment of fragments) {
    if (fragment.copied && fragment.text === '\n') parts.push([]);
    else parts[parts.length - 1].push(fragment);
  }
  return parts;
}

/** String.prototype.trim over fragments. */
function trim(fragments: Fragments): Fragments {
  const text = textOf(fragments);
  const lead = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (lead >= end) return [];
  return slice(fragments, lead, end);
}

function slice(fragments: Fragments, from: number, to: number): Fragments {
  const out: Fragments = [];
  let offset = 0;
  for (const fragment of fragments) {
    const start = offset;
    const end = offset + fragment.text.length;
    offset = end;
    if (end <= from || start >= to) continue;
    const a = Math.max(from, start) - start;
    const b = Math.min(to, end) - start;
    if (a === 0 && b === fragment.text.length) out.push(fragment);
    else if (fragment.copied) out.push(copied(fragment.paragraph!, fragment.at + a, b - a));
    else out.push(made(fragment.text.slice(a, b), fragment.paragraph, fragment.at));
  }
  return out;
}

const CELL_SPECIAL = /[|\n\t]/;

/** A GFM cell: its lines joined with `<br>`, pipes escaped, no newline, tabs as spaces. */
function cellText(lines: Line[]): Fragments {
  const out: Fragments = [];
  lines.forEach((line, index) => {
    if (index > 0) out.push(made('<br>', line.paragraph, 0));
    for (const fragment of withMarker(line)) {
      if (!CELL_SPECIAL.test(fragment.text)) {
        out.push(fragment);
      } else if (!fragment.copied) {
        out.push(made(fragment.text.replace(/\|/g, '\\|').replace(/\n/g, '<br>').replace(/\t/g, ' '), fragment.paragraph, fragment.at));
      } else {
        const { text, paragraph, at } = fragment;
        let from = 0;
        for (let k = 0; k < text.length; k++) {
          const ch = text[k];
          if (ch !== '|' && ch !== '\n' && ch !== '\t') continue;
          if (k > from) out.push(copied(paragraph!, at + from, k - from));
          if (ch === '|') {
            // The escape is made; the pipe itself is the author's.
            out.push(made('\\', paragraph, at + k), copied(paragraph!, at + k, 1));
          } else {
            out.push(made(ch === '\n' ? '<br>' : ' ', paragraph, at + k));
          }
          from = k + 1;
        }
        if (from < text.length) out.push(copied(paragraph!, at + from, text.length - from));
      }
    }
  });
  return out;
}

/** A table's lines column by column (a cell's column is where it starts, merged cells counted), top to bottom in each. */
function columnMajor<T>(rows: { cell: { span: number }; lines: T[] }[][]): T[] {
  const byColumn = new Map<number, T[]>();
  for (const row of rows) {
    let column = 0;
    for (const { cell, lines } of row) {
      const list = byColumn.get(column) ?? [];
      list.push(...lines);
      byColumn.set(column, list);
      column += cell.span;
    }
  }
  return [...byColumn.keys()].sort((a, b) => a - b).flatMap((column) => byColumn.get(column)!);
}
