// PDF text items → the text the parser reads. pdf.js gives positioned runs of text and no structure
// (an untagged PDF has no paragraphs, tables or columns), so structure is read back from geometry:
// runs on one baseline form a line, runs on a line separated by a wide gap are chunks, and chunks
// that fall into the same vertical bands over consecutive lines are columns.
import { runningLines } from './running-lines.js';

/** One run of text as pdf.js places it; `y` is the baseline, from the bottom of the page. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** The font size (the run's height). */
  size: number;
}

export interface PdfPage {
  items: PdfItem[];
}

interface Chunk {
  text: string;
  start: number;
  end: number;
  /** The runs it was joined from, when more than one: where a cell boundary may fall inside it. */
  runs?: { text: string; start: number; end: number; spaced: boolean }[];
}

interface Line {
  y: number;
  size: number;
  chunks: Chunk[];
  /** The footnote mark that opens the line (`1` of a footnote at the page's foot). */
  note?: string;
}

type Kind = 'table' | 'header' | 'signature';

interface TextBlock {
  kind: 'text';
  /** Lines as they are printed, '' between paragraphs. */
  lines: string[];
  /** The first block of a page: a blank line before it unless a sentence runs on. */
  afterPageBreak?: boolean;
}

interface TableBlock {
  kind: 'table';
  columns: { start: number; end: number }[];
  /** Row → column → the lines of the cell's text. */
  rows: string[][][];
  /** Whether its last row is the page's last line. */
  endsPage: boolean;
}

type Block = TextBlock | TableBlock;

interface Region {
  kind: Kind;
  /** Column bands, left to right: the x extent of every chunk placed in the column. */
  columns: { start: number; end: number }[];
  lines: { line: Line; columns: number[] }[];
}

// Runs closer than this (in ems) belong to one chunk: a word space is ~0.25 em, while table cells
// and tab-separated blocks are at least two cell paddings (~0.9 em in Word) apart.
const CHUNK_GAP = 0.75;
// A vertical gap of at least this (in ems) ends a paragraph: LibreOffice and Word set 1.0–1.3
// within one, so a heading is not joined to the paragraph under it.
const PARAGRAPH_GAP = 1.45;
// Baselines of one paragraph are exactly one line spacing apart; a row boundary adds a border
// (0.5 pt) at least. Producers round positions to 0.1 pt.
const ROW_SLACK = 0.2;
// A line of one chunk in a table's first column continues a wrapped cell only at line spacing.
const CELL_LINE_GAP = 1.35;
// Rows of a table, and the lines of a header block, are this close at most.
const ROW_GAP = 3;
const HEADER_GAP = 2.2;
// Room left for the signature between the signer's title and name.
const SIGNATURE_GAP = 8;
// More columns than this is not a plan's table (and keeps the work per line small).
const MAX_COLUMNS = 12;

// A list marker set off by a tab is the start of its line, not a column.
const LIST_MARKER = /^(?:[-+*•·–▪●○◦➢✓\uf000-\uf8ff]|\d{1,2}(?:\.\d{1,2})*[.)/-]|[a-zđ][.)/-]|[IVXLC]{1,6}[./-])$/;
// A numbered heading: `III. KINH PHÍ`, `2. Chế độ báo cáo`.
const OUTLINE_HEADING = /^(?:[IVXL]{1,6}\.|\d{1,2}(?:\.\d{1,2})*\.)\s+\p{Lu}/u;
// A recipient of the closing: `- Lưu: VT.`.
const RECIPIENT_LINE = /^[-+•–]\s/;
// The national motto and the line under it: the right half of the header block (Nghị định 30/2020, Phụ lục I).
const NATIONAL_TITLE = /^(?:CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI|Độc\s+lập\s*[-–—]\s*Tự\s+do)/iu;
const SYMBOL_LINE = /^Số\s*:/u;
const PLACE_DATE = /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/u;
const RECIPIENTS = /^Nơi\s+nhận/iu;
const TERMINAL = /[.;:!?…]["”)]?$/;
const JOIN_TIGHT = /[A-Za-zĐđ0-9][-/]$/;

/** The text of a PDF's pages, pages separated by a blank line (none when a sentence runs on). */
export function layoutPdf(pages: PdfPage[]): string {
  const pageLines = pages.map((page) => linesOf(page.items));
  dropRunningLines(pageLines);
  // Footnotes at a page's foot are notes, not the text they sit under (a sentence that runs on to the
  // next page would take them in): each goes after the whole text, as Markdown writes a footnote.
  const notes = pageLines.flatMap((lines, index) => {
    const { body, footnotes } = splitFootnotes(lines);
    pageLines[index] = body;
    return footnotes;
  });
  const blocks: Block[] = [];
  let open: TableBlock | undefined;
  const closing: Closing = {};
  let pageBreak = false;
  for (const lines of pageLines) {
    if (lines.length === 0) continue;
    const page = pageBlocks(lines, open, closing);
    open = undefined;
    for (const block of page) {
      if (block.kind === 'text' && pageBreak) block.afterPageBreak = true;
      pageBreak = false;
      blocks.push(block);
    }
    const last = blocks.at(-1);
    // A table that fills the page to its foot may go on at the top of the next one.
    if (last?.kind === 'table' && last.endsPage) open = last;
    pageBreak = true;
  }
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') {
      out.push('', ...tableRows(block), '');
      continue;
    }
    const first = block.lines.find((line) => line !== '');
    if (block.afterPageBreak && first !== undefined) {
      const previous = out.findLast((line) => line !== '');
      if (previous === undefined || !runsOn(previous, first)) out.push('');
    }
    out.push(...block.lines);
  }
  for (const note of notes) out.push('', note);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** A footnote's mark as a run: one or two digits (or `*`) set smaller than the text, above its baseline. */
function isNoteMark(run: PdfItem, size: number, baseline: number): boolean {
  return /^(?:\d{1,2}|\*)$/.test(run.str.trim()) && run.size <= size * 0.8 && run.y - baseline >= size * 0.15;
}

/**
 * The page's lines without its footnotes, and the footnotes as `[^1]: text`: a line at the page's foot
 * that opens with a mark and is set smaller than the page's text, with the small lines under it.
 */
function splitFootnotes(lines: Line[]): { body: Line[]; footnotes: string[] } {
  const size = commonSize(lines);
  const start = lines.findIndex((line, index) => index > 0 && line.note !== undefined && line.size <= size * 0.9);
  if (start === -1) return { body: lines, footnotes: [] };
  const footnotes: string[] = [];
  for (let index = start; index < lines.length; index++) {
    const line = lines[index];
    if (line.size > size * 0.9) return { body: lines, footnotes: [] };
    const text = lineText(line);
    if (line.note !== undefined) footnotes.push(`[^${line.note}]: ${text}`);
    else if (footnotes.length > 0) footnotes[footnotes.length - 1] += ` ${text}`;
  }
  return { body: lines.slice(0, start), footnotes };
}

/** A sentence cut by a page break: the page ends mid-sentence and the next starts in lower case. */
function runsOn(previous: string, next: string): boolean {
  if (previous.startsWith('|') || TERMINAL.test(previous)) return false;
  const first = next[0];
  return first !== undefined && first !== first.toUpperCase() && first === first.toLowerCase();
}

/** Runs grouped into lines by baseline (top to bottom), and into chunks by the gaps between them. */
function linesOf(items: PdfItem[]): Line[] {
  // Spaces that pdf.js inserts for gaps carry no text: the gap itself says what they meant.
  const runs = items.filter((item) => item.str.trim() !== '');
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  let current: PdfItem[] = [];
  let baseline = 0;
  const flush = () => {
    if (current.length === 0) return;
    current.sort((a, b) => a.x - b.x);
    lines.push(lineOf(current));
    current = [];
  };
  for (const run of runs) {
    // A superscript or a run in a bigger font sits a little off the baseline: still the same line.
    if (current.length > 0 && Math.abs(run.y - baseline) > Math.max(run.size, 1) * 0.5) flush();
    if (current.length === 0) baseline = run.y;
    current.push(run);
  }
  flush();
  return lines;
}

function lineOf(all: PdfItem[]): Line {
  const size = Math.max(...all.map((run) => run.size), 1);
  // A footnote's mark after a word (`25/01/2027¹`) is no text of it; one that opens the line opens a footnote.
  const baseline = Math.min(...all.map((run) => run.y));
  const note = all.length > 1 && isNoteMark(all[0], size, baseline) ? all[0].str.trim() : undefined;
  const runs = all.filter((run, index) => !isNoteMark(run, size, baseline) || (index === 0 && note === undefined));
  // A justified line that a producer wrote word by word has wide gaps, all alike: one chunk.
  const wide: number[] = [];
  for (let k = 1; k < runs.length; k++) {
    const gap = runs[k].x - (runs[k - 1].x + runs[k - 1].width);
    if (gap > size * CHUNK_GAP) wide.push(gap);
  }
  const justified = wide.length >= 3 && Math.max(...wide) <= Math.min(...wide) * 1.15;
  const chunks: Chunk[] = [];
  let chunk: Chunk | undefined;
  for (const run of runs) {
    const gap = chunk === undefined ? 0 : run.x - chunk.end;
    if (chunk !== undefined && (justified || gap <= size * CHUNK_GAP)) {
      // Runs placed apart without a space character between them are separate words.
      // A list marker is always set off from its text (Word's tab after `III.` may be narrower than a space),
      // and so is a number that opens the line as a run of its own before a number (`1.` ⇥ `100% cán bộ`:
      // one number `1.100%` is one run), unless the two touch.
      const markerRun = chunks.length === 1 && chunk.runs === undefined && LIST_MARKER.test(chunk.text);
      const afterMarker = markerRun && (/^\p{L}/u.test(run.str) || gap > size * 0.02);
      const spaced = (gap > size * 0.15 || afterMarker) && !/\s$/.test(chunk.text) && !/^\s/.test(run.str);
      if (spaced) chunk.text += ' ';
      chunk.text += run.str;
      chunk.runs ??= [{ text: chunk.text.slice(0, chunk.text.length - run.str.length - (spaced ? 1 : 0)), start: chunk.start, end: chunk.end, spaced: false }];
      chunk.runs.push({ text: run.str, start: run.x, end: run.x + run.width, spaced });
      chunk.end = Math.max(chunk.end, run.x + run.width);
    } else {
      chunk = { text: run.str, start: run.x, end: run.x + run.width };
      chunks.push(chunk);
    }
  }
  for (const each of chunks) each.text = each.text.trim();
  // `•⇥text`, `1.⇥text`: the marker and its text are one chunk.
  if (chunks.length > 1 && LIST_MARKER.test(chunks[0].text)) {
    const [marker, first] = chunks.splice(0, 2);
    chunks.unshift({ text: `${marker.text} ${first.text}`, start: marker.start, end: first.end });
  }
  return { y: runs[0].y, size: note === undefined ? size : Math.max(...runs.map((run) => run.size), 1), chunks, ...(note === undefined ? {} : { note }) };
}

const lineText = (line: Line) => line.chunks.map((chunk) => chunk.text).join(' ');

/** Page numbers and running headers and footers are not part of the plan (running-lines.ts). */
function dropRunningLines(pages: Line[][]): void {
  const drop = runningLines(pages, {
    text: lineText,
    // Lines at the same height (to 3 pt) are at the same place on their pages.
    place: (line) => Math.round(line.y / 3),
    alone: (line) => line.chunks.length === 1,
  });
  if (drop.size === 0) return;
  pages.forEach((lines, index) => {
    if (lines.some((line) => drop.has(line))) pages[index] = lines.filter((line) => !drop.has(line));
  });
}

/** A signature block that ended its page: its two columns, the block written for it, its lines by column. */
interface Closing {
  columns?: Band[];
  block?: TextBlock;
  columnLines?: Line[][];
}

/**
 * A page's lines as blocks: text lines, and tables (the first may continue `open`, the table the page
 * before ended with; a signature block that ended the page before, `closing`, may go on too).
 */
function pageBlocks(lines: Line[], open: TableBlock | undefined, closing: Closing): Block[] {
  const blocks: Block[] = [];
  const signatureColumns = closing.columns;
  closing.columns = undefined;
  const pitch = linePitch(lines, commonSize(lines));
  let text: TextBlock | undefined;
  let previous: Line | undefined;
  const paragraphLine = (line: Line, before: Line | undefined) => {
    if (text === undefined) blocks.push((text = { kind: 'text', lines: [] }));
    if (before !== undefined && text.lines.length > 0 && before.y - line.y > Math.max(before.size, line.size) * PARAGRAPH_GAP) text.lines.push('');
    text.lines.push(lineText(line));
  };
  let i = 0;
  if (open !== undefined) {
    const bands = open.columns.map((band) => ({ ...band }));
    const growing: Growing = { kind: 'table', bands: [...bands], lines: [], symbol: false, date: false };
    grow(growing, lines, 0, pitch);
    // Only the columns the table had: a page that starts with another block is not its continuation.
    if (growing.lines.length > 0 && growing.bands.length === bands.length) {
      const index = new Map(bands.map((band, k) => [band, k]));
      const region: Region = { kind: 'table', columns: bands, lines: growing.lines.map(({ line, bands: own }) => ({ line, columns: own.map((band) => index.get(band)!) })) };
      continueTable(open, rowsOf(region, lines));
      open.endsPage = region.lines.length === lines.length;
      i = region.lines.length;
    }
  }
  if (signatureColumns !== undefined && i === 0) {
    // A signature table cut by the page break: its two columns go on at the top of this page, their
    // lines on baselines between each other's. Read them as the block above was read, left column first.
    const split = (signatureColumns[0].end + signatureColumns[1].start) / 2;
    const left: Line[] = [];
    const right: Line[] = [];
    for (; i < lines.length; i++) {
      const line = lines[i];
      const before = i > 0 ? lines[i - 1] : undefined;
      if (before !== undefined && before.y - line.y > line.size * SIGNATURE_GAP) break;
      if (!line.chunks.every((chunk) => chunk.start >= split || chunk.end <= signatureColumns[1].start)) break;
      const own = (side: 'left' | 'right') => line.chunks.filter((chunk) => (chunk.start >= split) === (side === 'right'));
      // The left column goes on with recipients only (`- Lưu: VT.`): a title there (`PHỤ LỤC`) starts what follows the plan.
      if (own('left').some((chunk) => !RECIPIENT_LINE.test(chunk.text))) break;
      if (own('left').length > 0) left.push({ ...line, chunks: own('left') });
      if (own('right').length > 0) right.push({ ...line, chunks: own('right') });
    }
    if (i > 0) {
      // Each column goes on under its own lines of the page before (no paragraph break at the page's top).
      const [above, aside] = closing.columnLines!;
      const joined = [left, right].map((lines, k) => [...[above, aside][k], ...lines.map((line, n) => (n === 0 ? { ...line, runsOn: true } : line))]);
      closing.block!.lines = columnsText(joined);
    }
  }
  let plainUntil = 0;
  const reach = { end: 0 };
  while (i < lines.length) {
    const region = i >= plainUntil ? regionAt(lines, i, pitch, reach) : undefined;
    // Lines a failed region covered start none either: each line is looked at a bounded number of times.
    if (region === undefined) plainUntil = Math.max(plainUntil, reach.end);
    if (region === undefined) {
      paragraphLine(lines[i], previous);
      previous = lines[i];
      i++;
      continue;
    }
    i += region.lines.length;
    previous = undefined;
    text = undefined;
    if (region.kind === 'table') {
      blocks.push({ kind: 'table', columns: region.columns, rows: rowsOf(region, lines), endsPage: i === lines.length });
      continue;
    }
    // Header and signature blocks are read column by column, left first, each line as written.
    const columnLines = region.columns.map((_, column) => {
      const own: Line[] = [];
      for (const { line, columns } of region.lines) {
        const words = line.chunks.filter((_, k) => columns[k] === column).map((chunk) => chunk.text).join(' ');
        if (words !== '') own.push({ ...line, chunks: [{ text: words, start: 0, end: 0 }] });
      }
      return own;
    });
    const block: TextBlock = { kind: 'text', lines: columnsText(columnLines) };
    blocks.push(block);
    // A signature block that ends the page may go on at the top of the next one.
    if (region.kind === 'signature' && i === lines.length && region.columns.length === 2) Object.assign(closing, { columns: region.columns, block, columnLines });
    text = undefined;
  }
  return blocks;
}

/** Lines read column by column: each column's lines, '' between paragraphs and between columns. */
function columnsText(columns: Array<Array<Line & { runsOn?: boolean }>>): string[] {
  const out = [''];
  for (const column of columns) {
    column.forEach((line, k) => {
      const before = column[k - 1];
      // The first line of a page goes on from the last of the page before: their baselines are not comparable.
      if (before !== undefined && !line.runsOn && before.y - line.y > Math.max(before.size, line.size) * PARAGRAPH_GAP) out.push('');
      out.push(lineText(line));
    });
    out.push('');
  }
  return out;
}

/**
 * Rows at the top of a page added to the table the last page ended with: a repeated header row
 * is dropped, and a first row with an empty first cell is the rest of the row the break cut.
 */
function continueTable(table: TableBlock, rows: string[][][]): void {
  const textOf = (row: string[][]) => row.map((cell) => cell.join(' ')).join('\u0000');
  if (rows.length > 0 && textOf(rows[0]) === textOf(table.rows[0])) rows.shift();
  if (rows.length > 0 && rows[0][0].length === 0 && table.rows.length > 1) {
    const cut = table.rows.at(-1)!;
    rows.shift()!.forEach((pieces, column) => cut[column].push(...pieces));
  }
  table.rows.push(...rows);
}

interface Band {
  start: number;
  end: number;
}

/** A region while it grows: columns are bands kept left to right, lines point at their bands. */
interface Growing {
  kind: Kind;
  bands: Band[];
  lines: { line: Line; bands: Band[] }[];
  /** Header block: whether its symbol (`Số: …`) and its place and date have been read. */
  symbol: boolean;
  date: boolean;
}

/**
 * The block of columns that starts at line `first`, if there is one: the following lines whose
 * chunks each fall into one column band and never across two (a chunk clear of every band opens a
 * new one). It starts at a line of several chunks, or at a line of one chunk when the next line is
 * closer than the line spacing and beside it: cells centred vertically, and centred header cells,
 * put the columns' lines on baselines between each other's.
 */
function regionAt(lines: Line[], first: number, pitch: number | undefined, reach: { end: number }): Region | undefined {
  const head = lines[first];
  if (head.chunks.length === 1) {
    const next = lines[first + 1];
    const spacing = pitch ?? head.size * 1.2;
    if (next === undefined || head.y - next.y >= spacing * 0.75) return undefined;
    const [only] = head.chunks;
    if (next.chunks.every((chunk) => chunk.start < only.end && chunk.end > only.start)) return undefined;
  }
  const region: Growing = { kind: 'table', bands: [], lines: [], symbol: false, date: false };
  grow(region, lines, first, pitch);
  reach.end = first + region.lines.length;
  const columns = [...region.bands];
  const index = new Map(columns.map((band, k) => [band, k]));
  const result: Region = {
    kind: region.kind,
    columns,
    lines: region.lines.map(({ line, bands }) => ({ line, columns: bands.map((band) => index.get(band)!) })),
  };
  if (region.kind !== 'table') return columns.length === 2 ? result : undefined;
  if (columns.length < 2 || region.lines.filter(({ line }) => line.chunks.length > 1).length < 2) return undefined;
  return result;
}

/** Adds to the region the lines from `from` on that fall into its columns, within its kind's gaps. */
function grow(region: Growing, lines: Line[], from: number, pitch: number | undefined): void {
  let previous = region.lines.at(-1)?.line;
  for (let i = from; i < lines.length; i++) {
    let line = lines[i];
    if (previous !== undefined) {
      const gap = previous.y - line.y;
      const size = Math.max(previous.size, line.size);
      const maxGap = region.kind === 'table' ? ROW_GAP : region.kind === 'header' ? HEADER_GAP : SIGNATURE_GAP;
      if (gap > size * maxGap) break;
      // The header block ends with its symbol and date; only a wrapped line of them may follow.
      if (region.kind === 'header' && region.symbol && region.date && gap > (pitch ?? size * 1.2) * 1.08 + 0.5) break;
    }
    let bands = placeChunks(region, line);
    // Cells closer than CHUNK_GAP (LibreOffice pads them less than Word) ran together: part them at the columns.
    if (bands === undefined && region.bands.length > 1) {
      const parted = partAtColumns(line, region.bands);
      if (parted !== line) {
        bands = placeChunks(region, parted);
        if (bands !== undefined) lines[i] = line = parted;
      }
    }
    if (bands === undefined) break;
    // One chunk in the first column past the line spacing is the paragraph after the table; in
    // another column it is a row with one cell filled (or the rest of a row cut by a page break).
    // A wrapped cell's next line is one line spacing down, and some producers space lines wider
    // than CELL_LINE_GAP (LibreOffice: 1.36 em): the page's own spacing counts too. Past that, a
    // numbered line (`III. KINH PHÍ`, `2. Chế độ báo cáo`) is the heading after the table, whatever
    // column its indent falls in.
    if (region.kind === 'table' && previous !== undefined && bands.length === 1 && line.chunks.length === 1) {
      const cellLine = Math.max(Math.max(previous.size, line.size) * CELL_LINE_GAP, pitch === undefined ? 0 : pitch + ROW_SLACK);
      const apart = previous.y - line.y > cellLine;
      // Unless the row's other cells follow on baselines between its lines (cells centred vertically).
      const next = lines[i + 1];
      const rowGoesOn =
        next !== undefined &&
        line.y - next.y < cellLine * 0.75 &&
        next.chunks.every((chunk) => region.bands.some((band, k) => k > 0 && chunk.start < band.end && chunk.end > band.start));
      if (apart && !rowGoesOn && (bands[0] === region.bands[0] || OUTLINE_HEADING.test(line.chunks[0].text))) break;
    }
    line.chunks.forEach((chunk, k) => {
      const band = bands[k];
      if (!region.bands.includes(band)) {
        const at = region.bands.findIndex((other) => other.start > chunk.start);
        region.bands.splice(at === -1 ? region.bands.length : at, 0, band);
      }
      band.start = Math.min(band.start, chunk.start);
      band.end = Math.max(band.end, chunk.end);
    });
    region.lines.push({ line, bands });
    notice(region, line, bands);
    previous = line;
  }
}

/**
 * The line with each chunk that runs over a column boundary cut there, between two of its runs; the
 * line itself when none can be cut.
 */
function partAtColumns(line: Line, bands: Band[]): Line {
  let changed = false;
  const chunks: Chunk[] = [];
  for (const chunk of line.chunks) {
    const over = bands.filter((band) => chunk.start < band.end && chunk.end > band.start);
    if (over.length < 2 || chunk.runs === undefined) {
      chunks.push(chunk);
      continue;
    }
    // Each run goes with the last column that starts at or before it.
    let part: Chunk | undefined;
    let partBand: Band | undefined;
    for (const run of chunk.runs) {
      const band = over.findLast((candidate) => candidate.start <= run.start + 1) ?? over[0];
      if (part === undefined || band !== partBand) {
        part = { text: run.text.trim(), start: run.start, end: run.end };
        partBand = band;
        chunks.push(part);
        continue;
      }
      part.text += (run.spaced ? ' ' : '') + run.text;
      part.end = Math.max(part.end, run.end);
    }
    changed ||= chunks.length > 0 && chunks.at(-1) !== chunk;
  }
  return changed ? { ...line, chunks } : line;
}

/** What the region is, from the words placed in it: the national motto makes it the header block, `Nơi nhận` in its left column the signature block. */
function notice(region: Growing, line: Line, bands: Band[]): void {
  line.chunks.forEach((chunk, k) => {
    if (NATIONAL_TITLE.test(chunk.text)) region.kind = 'header';
    else if (RECIPIENTS.test(chunk.text) && bands[k] === region.bands[0] && region.kind === 'table') region.kind = 'signature';
    if (SYMBOL_LINE.test(chunk.text)) region.symbol = true;
    if (PLACE_DATE.test(chunk.text)) region.date = true;
  });
}

/**
 * The band of each chunk of a line, left to right (a new band for a chunk clear of all), or
 * undefined when a chunk spans two bands, two chunks share one, or a widened band would reach
 * its neighbour.
 */
function placeChunks(region: Growing, line: Line): Band[] | undefined {
  const placed: Band[] = [];
  const extent = new Map<Band, Band>();
  for (const chunk of line.chunks) {
    let found: Band | undefined;
    for (const band of region.bands) {
      if (chunk.start < band.end && chunk.end > band.start) {
        if (found !== undefined) return undefined;
        found = band;
      }
    }
    found ??= { start: chunk.start, end: chunk.end };
    if (extent.has(found)) return undefined;
    const widened = { start: Math.min(found.start, chunk.start), end: Math.max(found.end, chunk.end) };
    extent.set(found, widened);
    placed.push(found);
  }
  const all = [...new Set([...region.bands, ...placed])];
  if (all.length > MAX_COLUMNS) return undefined;
  const spans = all.map((band) => extent.get(band) ?? band).sort((a, b) => a.start - b.start);
  for (let k = 1; k < spans.length; k++) if (spans[k].start <= spans[k - 1].end) return undefined;
  return placed;
}

/** The font size of most lines: the body text's. */
function commonSize(lines: Line[]): number {
  const count = new Map<number, number>();
  let best = lines[0]?.size ?? 10;
  for (const line of lines) {
    const seen = (count.get(line.size) ?? 0) + 1;
    count.set(line.size, seen);
    if (seen > (count.get(best) ?? 0)) best = line.size;
  }
  return best;
}

/**
 * The page's line spacing at a font size: the smallest baseline step between two lines of a
 * paragraph (one chunk each, one above the other). Lines of a wrapped cell are this far apart.
 */
function linePitch(lines: Line[], size: number): number | undefined {
  let pitch: number | undefined;
  for (let k = 1; k < lines.length; k++) {
    const [above, below] = [lines[k - 1], lines[k]];
    if (above.chunks.length !== 1 || below.chunks.length !== 1 || above.size !== size || below.size !== size) continue;
    // Lines of two columns side by side interleave closer than any paragraph's lines.
    const [a, b] = [above.chunks[0], below.chunks[0]];
    if (a.start >= b.end || b.start >= a.end) continue;
    const step = above.y - below.y;
    if (step >= size * 0.9 && (pitch === undefined || step < pitch)) pitch = step;
  }
  return pitch;
}

/**
 * The region's lines as rows of cells (each the lines of its text). A row starts where the gap
 * between lines is wider than the line spacing of the table's type: layout engines place the
 * lines of one paragraph exactly one spacing apart, and a row boundary adds at least a border.
 * Without a paragraph of that size on the page, the table's own gaps tell: the smallest is the
 * spacing when some are wider, and when all are alike each line is a row.
 */
function rowsOf(region: Region, pageLines: Line[]): string[][][] {
  const size = region.lines[0]?.line.size ?? 10;
  // The spacing of the page's paragraphs, not of the table's own lines: two one-line cells of two rows,
  // one under the other, are no paragraph.
  const own = new Set(region.lines.map(({ line }) => line));
  let pitch = linePitch(pageLines.filter((line) => !own.has(line)), size);
  if (pitch === undefined) {
    const gaps = region.lines.slice(1).map(({ line }, k) => region.lines[k].line.y - line.y);
    const smallest = Math.min(...gaps);
    pitch = Math.max(...gaps) > smallest + ROW_SLACK ? smallest : -Infinity;
  }
  const rows: string[][][] = [];
  let row: string[][] = [];
  region.lines.forEach(({ line, columns }, k) => {
    if (k > 0 && region.lines[k - 1].line.y - line.y > pitch + ROW_SLACK) {
      rows.push(row);
      row = [];
    }
    if (row.length === 0) row = region.columns.map(() => []);
    line.chunks.forEach((chunk, c) => row[columns[c]].push(chunk.text));
  });
  if (row.length > 0) rows.push(row);
  return rows;
}

/** GFM table rows, the first as the header. */
function tableRows(table: TableBlock): string[] {
  const cell = (pieces: string[]) => joinWrapped(pieces).replace(/\|/g, '\\|');
  const format = (cells: string[][]) => `| ${cells.map(cell).join(' | ')} |`;
  return [format(table.rows[0]), `|${table.columns.map(() => ' --- ').join('|')}|`, ...table.rows.slice(1).map(format)];
}

/** Lines of a wrapped cell joined as the parser joins wrapped lines: `05/12/` + `2026` stays one token. */
function joinWrapped(pieces: string[]): string {
  let text = pieces[0] ?? '';
  for (let k = 1; k < pieces.length; k++) {
    const piece = pieces[k];
    text += JOIN_TIGHT.test(pieces[k - 1].slice(-2)) && /^[A-ZĐ0-9]/.test(piece) ? piece : ` ${piece}`;
  }
  return text;
}
