// Meaning for what the block grammar recognised: a CST visitor turns blocks into tree nodes and
// into the logical lines the inline grammar and the DocumentBuilder read (one per paragraph,
// heading, item or table row, wrapped lines re-joined).
import type { CstNode, IToken } from 'chevrotain';
import type { SourceText } from '../decode/source-text.js';
import { blockGrammar, payloadOf } from './block-grammar.js';
import { CommentLine, PageMarkerLine, ThematicBreakLine, type LinePayload } from './block-tokens.js';
import { LINE_MARKER } from './marker-text.js';
import { HEADING_MARKER, joinSeparator } from './reflow.js';
import type {
  BlockContent,
  Blockquote,
  Code,
  Heading,
  Html,
  List,
  ListItem,
  Marker,
  Paragraph,
  PhrasingContent,
  Root,
  Table,
  TableCell,
  TableRow,
} from './tree.js';

/** A piece of a logical line: `text` starts at `start` in the normalised text; `separator` goes before it. */
export interface Piece {
  text: string;
  start: number;
  separator: string;
  /** A `<br>` inside a table cell came before this piece (Word writes a cell's paragraphs so). */
  breakBefore?: boolean;
}

export interface LogicalLine {
  pieces: Piece[];
  headingDepth: number;
  /** Columns of indentation before a list item's marker (a nested Markdown list). */
  indent?: number;
  /** Index of the first piece of each cell, for lines that are table rows. */
  cellPieces?: number[];
  cellCount?: number;
  isHeaderRow?: boolean;
  header?: string[];
  /** A line of a blockquote (`> `). */
  quoted?: true;
}

interface Built {
  offset: number;
  nodes: (BlockContent | ListItem)[];
  lines: LogicalLine[];
}

const LETTERS = 'abcdđeghiklmnopqrstuvxy';
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
const MARKER = LINE_MARKER;

export interface BlockContext {
  source: SourceText;
  format: 'markdown' | 'text';
  /** The normalised text with comments blanked, as lexed. */
  body: string;
  comments: { start: number; end: number }[];
  /** Tree nodes are made only when asked: the lint reads the logical lines alone. */
  withTree: boolean;
}

const BaseVisitor = blockGrammar.getBaseCstVisitorConstructor();
const BLOCK_RULES = ['frontMatter', 'fence', 'heading', 'table', 'quote', 'listItem', 'paragraph'] as const;
const WORD_BLOCK_RULES = ['heading', 'table', 'quote', 'listItem', 'paragraph'] as const;

// The CST children of each rule, by token name, LABEL or subrule name (see block-grammar.ts).
interface DocumentCtx {
  frontMatter?: CstNode[];
  GapLine?: IToken[];
  fence?: CstNode[];
  heading?: CstNode[];
  table?: CstNode[];
  quote?: CstNode[];
  listItem?: CstNode[];
  paragraph?: CstNode[];
  SetextUnderline?: IToken[];
}
interface LinesCtx {
  lines: IToken[];
  SetextUnderline?: IToken[];
}

/** Stateless but for the context of the parse in progress, set by `buildBlocks`. */
class BlockVisitor extends BaseVisitor {
  context!: BlockContext;

  constructor() {
    super();
    this.validateVisitor();
  }

  document(ctx: DocumentCtx): Built[] {
    const built: Built[] = [];
    const withTree = this.context.withTree;
    // Without the tree only the blocks that carry words matter: they alone give logical lines.
    const keys = withTree ? BLOCK_RULES : WORD_BLOCK_RULES;
    for (const key of keys) {
      for (const node of ctx[key] ?? []) built.push(this.visit(node));
    }
    if (!withTree) return built.sort((a, b) => a.offset - b.offset);
    for (const token of ctx.GapLine ?? []) {
      if (token.tokenType === CommentLine) built.push(this.comments(token));
      else if (token.tokenType === ThematicBreakLine) built.push(this.leaf(token, 'thematicBreak'));
      else if (token.tokenType === PageMarkerLine) continue;
    }
    for (const token of ctx.SetextUnderline ?? []) built.push(this.leaf(token, 'thematicBreak'));
    // CST children are grouped by rule; blocks never overlap, so their first lines order them.
    return built.sort((a, b) => a.offset - b.offset);
  }

  frontMatter(ctx: { FrontMatterLine: IToken[] }): Built {
    const first = ctx.FrontMatterLine[0];
    const last = ctx.FrontMatterLine.at(-1)!;
    const raw = this.context.source.text.slice(first.startOffset, tokenEnd(last)).replace(/\n$/, '');
    const value = raw.replace(/^---\n/, '').replace(/\n---\s*$/, '');
    return { offset: first.startOffset, nodes: [{ type: 'frontmatter', value, position: this.position(first.startOffset, first.startOffset + raw.length) }], lines: [] };
  }

  heading(ctx: { AtxHeadingLine: IToken[] }): Built {
    const token = ctx.AtxHeadingLine[0];
    const line = payloadOf(token);
    const pieces = [{ text: line.text, start: line.start, separator: '' }];
    if (!this.context.withTree) return { offset: token.startOffset, nodes: [], lines: [{ pieces, headingDepth: line.headingDepth }] };
    const node: Heading = {
      type: 'heading',
      depth: line.headingDepth,
      source: 'atx',
      children: [this.text(pieces)],
      position: this.position(token.startOffset, lineEnd(token)),
    };
    const marker = readMarker(line.text);
    if (marker) node.marker = marker;
    return { offset: token.startOffset, nodes: [node], lines: [{ pieces, headingDepth: line.headingDepth }] };
  }

  paragraph(ctx: LinesCtx): Built {
    const { pieces, children } = this.joined(ctx.lines);
    const first = ctx.lines[0];
    const underline = ctx.SetextUnderline?.[0];
    if (!this.context.withTree) {
      const depth = underline ? (payloadOf(underline).text.startsWith('=') ? 1 : 2) : 0;
      return { offset: first.startOffset, nodes: [], lines: [{ pieces, headingDepth: depth }] };
    }
    const last = underline ?? ctx.lines.at(-1)!;
    const position = this.position(first.startOffset, lineEnd(last));
    if (underline) {
      const depth = payloadOf(underline).text.startsWith('=') ? 1 : 2;
      const node: Heading = { type: 'heading', depth, source: 'setext', children, position };
      return { offset: first.startOffset, nodes: [node], lines: [{ pieces, headingDepth: depth }] };
    }
    const node: Paragraph = { type: 'paragraph', children, position };
    return { offset: first.startOffset, nodes: [node], lines: [{ pieces, headingDepth: 0 }] };
  }

  listItem(ctx: LinesCtx): Built {
    const { pieces } = this.joined(ctx.lines);
    const first = ctx.lines[0];
    const indent = payloadOf(first).indent;
    if (!this.context.withTree) return { offset: first.startOffset, nodes: [], lines: [{ pieces, headingDepth: 0, indent }] };
    const position = this.position(first.startOffset, lineEnd(ctx.lines.at(-1)!));
    const head = pieces[0].text;
    const found = MARKER.exec(head)!;
    const marker = readMarker(head)!;
    // The item's words without the marker: the first piece starts after it.
    const words = [{ ...pieces[0], text: head.slice(found[0].length), start: pieces[0].start + found[0].length }, ...pieces.slice(1)];
    const content = words[0].text.length === 0 && words.length === 1 ? [] : this.phrasing(words, ctx.lines);
    if (marker.style !== 'bullet' && marker.style !== 'letter' && isHeadingLike(marker, words)) {
      const depth = Math.min(6, marker.style === 'roman' ? 1 : marker.style === 'arabic' ? 2 : marker.value.length + 1);
      const node: Heading = { type: 'heading', depth, source: 'numbering', marker, children: content, position };
      return { offset: first.startOffset, nodes: [node], lines: [{ pieces, headingDepth: 0, indent }] };
    }
    const paragraph: Paragraph = { type: 'paragraph', children: content, position: this.position(words[0].start, lineEnd(ctx.lines.at(-1)!)) };
    const item: ListItem = { type: 'listItem', marker, children: [paragraph], position, data: { indent } };
    return { offset: first.startOffset, nodes: [item], lines: [{ pieces, headingDepth: 0, indent }] };
  }

  table(ctx: { rows: IToken[] }): Built {
    const rows: { token: IToken; cells: Piece[][]; last: IToken }[] = [];
    let headerRows = 0;
    let align: Table['align'];
    for (const token of ctx.rows) {
      const line = payloadOf(token);
      if (isDelimiter(line.text)) {
        // The rows above the first delimiter row are the header (GFM has one).
        if (align === undefined && rows.length > 0) {
          headerRows = rows.length;
          align = splitRow(line.text, line.start).map((cell) => alignment(cell.map((piece) => piece.text).join('')));
        }
        continue;
      }
      const cells = splitRow(line.text, line.start);
      const previous = rows.at(-1);
      // Text exports wrap a long cell onto the next line, leaving the first column empty there.
      if (this.context.format === 'text' && previous && rows.length > headerRows && isContinuation(cells)) {
        cells.forEach((cell, index) => {
          if (isEmptyCell(cell)) return;
          const target = previous.cells[index];
          if (!target) {
            previous.cells[index] = cell;
            return;
          }
          if (isEmptyCell(target)) target.length = 0;
          const before = target.at(-1)?.text ?? '';
          target.push({ ...cell[0], separator: target.length ? joinSeparator(before, cell[0].text) : '' }, ...cell.slice(1));
        });
        previous.last = token;
        continue;
      }
      rows.push({ token, cells, last: token });
    }
    // pandoc gives a Word table without a header row an empty one, and its first row (`**Bộ phận** |
    // **Nhiệm vụ**`) heads the table as the reader sees it.
    if (headerRows === 1 && rows.length > 1 && rows[0].cells.every(isEmptyCell)) headerRows = 2;
    const withTree = this.context.withTree;
    const cellTexts = (cells: Piece[][]) => cells.map((cell) => cell.map((piece) => piece.separator + piece.text).join(''));
    let header = headerRows > 0 ? cellTexts(rows[headerRows - 1].cells) : undefined;
    // A two-level header (Word's merged `Thời gian` over `Bắt đầu | Hoàn thành`): both rows head the
    // table, and each column is named by both (`Thời gian Hoàn thành`).
    const below = header && rows.length > headerRows + 1 ? subHeader(header, cellTexts(rows[headerRows].cells)) : undefined;
    if (below) {
      header = below;
      headerRows++;
    }
    const lines: LogicalLine[] = [];
    const nodes: TableRow[] = rows.map((row, index) => {
      const pieces: Piece[] = [];
      const cellPieces: number[] = [];
      const children: TableCell[] = row.cells.map((cell, k) => {
        cellPieces.push(pieces.length);
        const separator = k === 0 ? '' : ' | ';
        cell.forEach((piece, p) => pieces.push(p === 0 ? { ...piece, separator } : piece));
        const first = cell[0];
        const last = cell.at(-1)!;
        if (!withTree) return undefined as unknown as TableCell;
        return {
          type: 'tableCell',
          children: isEmptyCell(cell) ? [] : this.cellPhrasing(cell),
          position: this.position(first.start, last.start + last.text.length),
        };
      });
      const isHeader = index < headerRows;
      lines.push({ pieces, headingDepth: 0, cellPieces, cellCount: row.cells.length, isHeaderRow: isHeader, header });
      if (!withTree) return undefined as unknown as TableRow;
      return { type: 'tableRow', isHeader, children, position: this.position(row.token.startOffset, lineEnd(row.last)) };
    });
    const first = ctx.rows[0];
    if (!withTree) return { offset: first.startOffset, nodes: [], lines };
    const table: Table = { type: 'table', children: nodes, position: this.position(first.startOffset, lineEnd(ctx.rows.at(-1)!)) };
    if (align) table.align = align;
    return { offset: first.startOffset, nodes: [table], lines };
  }

  quote(ctx: { QuoteLine: IToken[] }): Built {
    const tokens = ctx.QuoteLine;
    const children: BlockContent[] = [];
    const lines: LogicalLine[] = [];
    let group: IToken[] = [];
    const flush = () => {
      if (group.length === 0) return;
      const { pieces, children: phrasing } = this.joined(group);
      if (this.context.withTree) children.push({ type: 'paragraph', children: phrasing, position: this.position(group[0].startOffset, lineEnd(group.at(-1)!)) });
      lines.push({ pieces, headingDepth: 0, quoted: true });
      group = [];
    };
    for (const token of tokens) {
      if (payloadOf(token).text.length === 0) flush();
      else group.push(token);
    }
    flush();
    const node: Blockquote = { type: 'blockquote', children, position: this.position(tokens[0].startOffset, lineEnd(tokens.at(-1)!)) };
    return { offset: tokens[0].startOffset, nodes: [node], lines };
  }

  fence(ctx: { open: IToken[]; body?: IToken[]; close?: IToken[] }): Built {
    const open = ctx.open[0];
    const last = ctx.close?.[0] ?? ctx.body?.at(-1) ?? open;
    const value = (ctx.body ?? []).map((token) => token.image).join('').replace(/\n$/, '');
    const lang = payloadOf(open).text.slice(3).trim();
    const node: Code = { type: 'code', value, position: this.position(open.startOffset, lineEnd(last)) };
    if (lang) node.lang = lang;
    return { offset: open.startOffset, nodes: [node], lines: [] };
  }

  private comments(token: IToken): Built {
    const nodes: Html[] = [];
    const end = tokenEnd(token);
    for (const comment of this.context.comments) {
      if (comment.start >= token.startOffset && comment.start < end) {
        nodes.push({ type: 'html', value: this.context.source.text.slice(comment.start, comment.end), position: this.position(comment.start, comment.end) });
      }
    }
    return { offset: token.startOffset, nodes, lines: [] };
  }

  private leaf(token: IToken, type: 'thematicBreak'): Built {
    return { offset: token.startOffset, nodes: [{ type, position: this.position(token.startOffset, lineEnd(token)) }], lines: [] };
  }

  /** The lines of a paragraph or item, re-joined: one piece per physical line. */
  private joined(tokens: IToken[]): { pieces: Piece[]; children: PhrasingContent[] } {
    const pieces: Piece[] = [];
    for (const token of tokens) {
      const line = payloadOf(token);
      const previous = pieces.at(-1);
      pieces.push({ text: line.text, start: line.start, separator: previous ? joinSeparator(previous.text, line.text) : '' });
    }
    return { pieces, children: this.context.withTree ? this.phrasing(pieces, tokens) : [] };
  }

  /** Text nodes, split where a line ended with a Markdown hard break. */
  private phrasing(pieces: Piece[], tokens: IToken[]): PhrasingContent[] {
    const children: PhrasingContent[] = [];
    const breaks = new Set<number>();
    tokens.forEach((token, index) => {
      if (index < tokens.length - 1 && payloadOf(token).hardBreak) breaks.add(index);
    });
    let from = 0;
    for (let index = 0; index < pieces.length; index++) {
      if (!breaks.has(index)) continue;
      children.push(this.text(pieces.slice(from, index + 1)));
      const end = pieces[index].start + pieces[index].text.length;
      children.push({ type: 'break', position: this.position(end, end) });
      from = index + 1;
    }
    if (from < pieces.length) children.push(this.text(pieces.slice(from)));
    return children;
  }

  /** A cell's text, with a break node where a `<br>` stood. */
  private cellPhrasing(cell: Piece[]): PhrasingContent[] {
    const children: PhrasingContent[] = [];
    let from = 0;
    for (let index = 1; index <= cell.length; index++) {
      if (index < cell.length && !cell[index].breakBefore) continue;
      const run = cell.slice(from, index);
      children.push(this.text([{ ...run[0], separator: '' }, ...run.slice(1)]));
      if (index < cell.length) {
        const end = run.at(-1)!.start + run.at(-1)!.text.length;
        children.push({ type: 'break', position: this.position(end, cell[index].start) });
      }
      from = index;
    }
    return children;
  }

  private text(pieces: Piece[]): PhrasingContent {
    const value = pieces.map((piece, index) => (index === 0 ? '' : piece.separator) + piece.text).join('');
    const last = pieces.at(-1)!;
    return { type: 'text', value, position: this.position(pieces[0].start, last.start + last.text.length) };
  }

  private position(start: number, end: number) {
    return this.context.source.positionOf(start, end);
  }
}

function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** The end of a line token without its newline. */
function lineEnd(token: IToken): number {
  const end = tokenEnd(token);
  return token.image.endsWith('\n') ? end - 1 : end;
}

// `<br>`, `<br/>`, `<br />`: the line breaks GFM allows inside a cell.
const BREAK_TAG = /^<br\s*\/?>/i;

/**
 * The header a row under the header completes, or undefined. It is a second header row when it
 * fills a column the header left empty (the cell a merged header spans) and says only a few words in
 * each cell, no number or date. A spanned column takes the name of the header cell to its left.
 */
export function subHeader(header: readonly string[], below: readonly string[]): string[] | undefined {
  const filled = below.filter((cell) => cell.trim() !== '');
  if (filled.length === 0 || filled.some((cell) => /\d/.test(cell) || cell.trim().split(/\s+/).length > 4)) return undefined;
  const spans = below.some((cell, k) => k > 0 && cell.trim() !== '' && (header[k] ?? '').trim() === '' && header.slice(0, k).some((top) => top.trim() !== ''));
  // A header cell wrapped onto the next line of a PDF's or a text's table (`Hoàn` / `thành`): the row under
  // it holds only the rest of header words, in lower case, its first cell empty.
  const wrapped =
    (below[0] ?? '').trim() === '' &&
    below.every((cell, k) => cell.trim() === '' || ((header[k] ?? '').trim() !== '' && isLowerStart(cell.trim())));
  if (!(spans && filled.length >= 2) && !wrapped) return undefined;
  let spanning = '';
  return below.map((cell, k) => {
    const top = (header[k] ?? '').trim();
    if (top !== '') spanning = top;
    const word = cell.trim();
    return word === '' ? top : `${top === '' ? spanning : top} ${word}`.trim();
  });
}

function isLowerStart(text: string): boolean {
  return text[0] !== text[0].toUpperCase() && text[0] === text[0].toLowerCase();
}

function isEmptyCell(cell: Piece[]): boolean {
  return cell.every((piece) => piece.text.length === 0);
}

function isDelimiter(text: string): boolean {
  return /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/.test(text);
}

function alignment(cell: string): 'left' | 'center' | 'right' | null {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
}

function isContinuation(cells: Piece[][]): boolean {
  return cells.length > 1 && isEmptyCell(cells[0]) && cells.some((cell) => !isEmptyCell(cell));
}

/**
 * The cells of a row `| a | b \| c |` as pieces of the normalised text: trimmed, an escaped pipe
 * `\|` kept as `|` (the backslash dropped by splitting the cell around it).
 */
export function splitRow(text: string, start: number): Piece[][] {
  const cells: Piece[][] = [];
  let from = text.charCodeAt(0) === 124 ? 1 : 0;
  let stop = text.length;
  if (stop > from && text.charCodeAt(stop - 1) === 124 && text.charCodeAt(stop - 2) !== 92) stop--;
  let cell: Piece[] = [];
  let pieceStart = from;
  let cellFrom = from;
  let afterBreak = false;
  const closePiece = (end: number, beforeBreak = false) => {
    let stopAt = end;
    if (beforeBreak) while (stopAt > pieceStart && text.charCodeAt(stopAt - 1) === 32) stopAt--;
    if (stopAt > pieceStart) {
      const piece: Piece = { text: text.slice(pieceStart, stopAt), start: start + pieceStart, separator: afterBreak ? ' ' : '' };
      if (afterBreak && cell.length > 0) piece.breakBefore = true;
      cell.push(piece);
    }
    afterBreak = false;
  };
  const closeCell = () => {
    // Trim the cell: spaces at the start of its first piece and the end of its last.
    while (cell.length && cell[0].text.trim() === '') cell.shift();
    while (cell.length && cell.at(-1)!.text.trim() === '') cell.pop();
    if (cell.length) {
      const first = cell[0];
      const lead = first.text.length - first.text.trimStart().length;
      cell[0] = { ...first, text: first.text.slice(lead), start: first.start + lead };
      const last = cell.at(-1)!;
      cell[cell.length - 1] = { ...last, text: last.text.trimEnd() };
    } else {
      // An empty cell still has a place: where it starts, after its pipe.
      cell.push({ text: '', start: start + cellFrom, separator: '' });
    }
    cells.push(cell);
    cell = [];
  };
  for (let i = from; i < stop; i++) {
    const code = text.charCodeAt(i);
    const tag = code === 60 ? BREAK_TAG.exec(text.slice(i, i + 8)) : null;
    if (tag) {
      closePiece(i, true);
      i += tag[0].length;
      while (i < stop && text.charCodeAt(i) === 32) i++;
      pieceStart = i;
      afterBreak = true;
      i--;
    } else if (code === 92 && text.charCodeAt(i + 1) === 124) {
      closePiece(i);
      pieceStart = i + 1;
      i++;
    } else if (code === 124) {
      closePiece(i);
      closeCell();
      afterBreak = false;
      pieceStart = i + 1;
      cellFrom = i + 1;
    }
  }
  closePiece(stop);
  closeCell();
  return cells;
}

/** `II.` → roman [2], `2.1.` → decimal [2, 1], `đ)` → letter [5], `-` → bullet. */
export function readMarker(text: string): Marker | undefined {
  const found = MARKER.exec(text);
  if (!found) return undefined;
  const raw = found[1] ?? found[2] ?? found[3];
  if (/^[IVXL]+\.$/.test(raw)) return { raw, style: 'roman', value: [romanValue(raw.slice(0, -1))] };
  if (/^\d{1,2}\.\d/.test(raw)) return { raw, style: 'decimal', value: raw.split('.').filter(Boolean).map(Number) };
  if (/^\d/.test(raw)) return { raw, style: 'arabic', value: [Number.parseInt(raw, 10)] };
  if (/^[a-zđ]\)$/.test(raw)) return { raw, style: 'letter', value: [LETTERS.indexOf(raw[0]) + 1] };
  return { raw, style: 'bullet', value: [] };
}

function romanValue(raw: string): number {
  let total = 0;
  for (let i = 0; i < raw.length; i++) {
    const value = ROMAN[raw[i]] ?? 0;
    const next = ROMAN[raw[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** A numbered line is a heading when it reads as a title: short and not a clause of a list. */
function isHeadingLike(marker: Marker, words: Piece[]): boolean {
  if (marker.style === 'roman') return true;
  const length = words.reduce((sum, piece) => sum + piece.text.length + 1, 0);
  const last = words.at(-1)!.text;
  return length <= 160 && !/[;,]$/.test(last) && HEADING_MARKER.test(`${marker.raw} `);
}

/** Markers of a kind nest under markers of the kinds before it (Nghị định 30/2020, Phụ lục I, II.6.đ). */
function markerRank(marker: Marker): number {
  switch (marker.style) {
    case 'roman':
      return 1;
    case 'arabic':
      return 2;
    case 'decimal':
      return 1 + marker.value.length;
    case 'letter':
      return 5;
    default:
      return marker.raw === '-' || marker.raw === '–' || marker.raw === '−' ? 6 : marker.raw === '+' ? 7 : 8;
  }
}

/** Consecutive items become lists, nested by indentation and then by the kind of marker. */
function nestLists(blocks: (BlockContent | ListItem)[]): BlockContent[] {
  const out: BlockContent[] = [];
  type Open = { list: List; rank: number; indent: number };
  let stack: Open[] = [];
  for (const block of blocks) {
    if (block.type !== 'listItem') {
      out.push(block);
      stack = [];
      continue;
    }
    const item = block;
    const rank = markerRank(item.marker);
    const indent = (item.data?.indent as number | undefined) ?? 0;
    const deeper = (open: Open) => indent > open.indent + 1 || (Math.abs(indent - open.indent) <= 1 && rank > open.rank);
    while (stack.length && !deeper(stack.at(-1)!) && !(Math.abs(indent - stack.at(-1)!.indent) <= 1 && rank === stack.at(-1)!.rank)) stack.pop();
    const top = stack.at(-1);
    if (top && Math.abs(indent - top.indent) <= 1 && rank === top.rank) {
      top.list.children.push(item);
    } else {
      const list: List = { type: 'list', ordered: item.marker.style !== 'bullet', children: [item] };
      if (top) top.list.children.at(-1)!.children.push(list);
      else out.push(list as BlockContent);
      stack.push({ list, rank, indent });
    }
    extendPosition(stack);
  }
  return out;
}

/** A list spans its items: its position runs from its first item to its last (nested ones included). */
function extendPosition(stack: { list: List }[]): void {
  for (const { list } of stack) {
    const first = list.children[0].position;
    let last: ListItem = list.children.at(-1)!;
    while (last.children.at(-1)?.type === 'list') last = (last.children.at(-1) as List).children.at(-1)!;
    if (first && last.position) list.position = { start: first.start, end: last.position.end };
    for (const item of list.children) {
      const nested = item.children.at(-1);
      if (nested?.type === 'list' && nested.position && item.position) item.position = { start: item.position.start, end: nested.position.end };
    }
  }
}

export const blockVisitor = new BlockVisitor();
const RELEASED = {} as BlockContext;

/** The logical lines of a lexed and parsed text, and its tree when `context.withTree`. */
export function buildBlocks(cst: CstNode | undefined, context: BlockContext): { tree: Root | undefined; lines: LogicalLine[] } {
  blockVisitor.context = context;
  let built: Built[];
  try {
    built = cst ? blockVisitor.visit(cst) : [];
  } finally {
    // The shared visitor would keep this plan's text and source until the next parse (a language
    // server's memory after the plan is closed: test/lsp/memory.test.ts).
    blockVisitor.context = RELEASED;
  }
  const lines: LogicalLine[] = [];
  const blocks: (BlockContent | ListItem)[] = [];
  for (const part of built) {
    for (const node of part.nodes) blocks.push(node);
    for (const line of part.lines) lines.push(line);
  }
  if (!context.withTree) return { tree: undefined, lines };
  const end = context.source.text.length;
  const tree: Root = { type: 'root', children: nestLists(blocks), position: context.source.positionOf(0, end) };
  return { tree, lines };
}
