// Layout: normalised text → the document tree and the logical text, one logical line (block) per
// `\n`. The block grammar (block-grammar.ts) reads the lines; here comments and front matter are set
// aside and the logical lines are laid out with a map back to the normalised text, so that a
// Markdown plan and the same plan exported as hard-wrapped text give the same token stream.
import type { SourceText } from '../decode/source-text.js';
import { sourceFromString } from '../decode/decode.js';
import { findComments } from '../shared/comments.js';
import { lastIndexAtOrBelowNear } from '../shared/search.js';
import { buildBlocks, type BlockContext, type LogicalLine } from './block-builder.js';
import { blockGrammar } from './block-grammar.js';
import { lexLines, BlankLine, CommentLine, FrontMatterLine, PageMarkerLine, ThematicBreakLine } from './block-tokens.js';
import { blankPageFurniture } from './pages.js';
import { estimateWrapWidth } from './reflow.js';
import type { Root, RowInfo } from './tree.js';

export { isAllCaps, isLowerLetter, isUpperLetter } from './reflow.js';

export interface LayoutBlock {
  /** Offsets in the logical text. */
  start: number;
  end: number;
  /** Markdown heading depth (1–6), 0 otherwise. */
  headingDepth: number;
  /** Columns of indentation before a list item's marker, when there are any. */
  indent?: number;
  /** Set when the line is a table row: its cells, in logical offsets. */
  row?: RowInfo;
  /** A line of a blockquote (`> `). */
  quoted?: true;
}

export interface RawDisableComment {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  body: string;
}

export interface Layout {
  text: string;
  blocks: LayoutBlock[];
  /** Maps an offset of the logical text to one of the normalised text. */
  toNormalized(offset: number): number;
  /** Maps an exclusive end offset. */
  endToNormalized(offset: number): number;
  disableComments: RawDisableComment[];
  frontMatter?: { start: number; end: number; body: string };
  /** What `layoutTree` needs to make the document tree, when it is first read. */
  treeRecipe: LayoutTreeRecipe;
}

/** The inputs of the block parse that gives the tree (plain data: see layoutTree). */
export interface LayoutTreeRecipe {
  body: string;
  format: 'markdown' | 'text';
  comments: { start: number; end: number }[];
  frontMatterEnd: number;
  frontMatter?: { start: number; end: number; body: string };
  context: BlockContext;
}

/**
 * The document tree of a laid-out text. Made on request (convert, inspect, a client): the lint needs
 * only the logical lines, and the tree's nodes and positions were a tenth of a parse's allocations.
 * The recipe is data, not a getter closing over the parse: V8 keeps accessor pairs in the old
 * generation, so a per-parse getter made every scavenge keep (and promote) the whole parse.
 */
export function layoutTree(recipe: LayoutTreeRecipe): Root {
  const tree = buildBlocks(parseBlocks(recipe.body, recipe.format, recipe.comments, recipe.frontMatterEnd), { ...recipe.context, withTree: true }).tree!;
  if (recipe.frontMatter && tree.children[0]?.type === 'frontmatter') tree.children[0].value = recipe.frontMatter.body;
  return tree;
}

// `plan-lint-config` comments configure fixtures; every other `plan-lint-…` comment is a disable comment.
const DISABLE_COMMENT = /^<!--\s*(plan-lint-(?!config\b)[\s\S]*?)-->$/;

/**
 * A link reference definition on a line of its own (CommonMark 4.7): a label (not a footnote's `[^1]`),
 * a colon, a destination and perhaps a quoted title, nothing after. `[1]: Luật … số 73/2006/QH11` is
 * no definition (words follow its destination), and stays text.
 */
const LINK_DEFINITION = /^ {0,3}\[(?!\^)[^\]\n]{1,999}\]:[ \t]*(?:<[^>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/gm;

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

export function layoutText(source: SourceText | string, format: 'markdown' | 'text'): Layout {
  const text = typeof source === 'string' ? source : source.text;
  const disableComments: RawDisableComment[] = [];
  let frontMatter: Layout['frontMatter'];
  // Comments become spaces so offsets stay put; disable comments are kept for the engine.
  const comments = text.includes('<!--') ? findComments(text) : [];
  let body = text;
  if (comments.length) {
    const parts: string[] = [];
    let last = 0;
    for (const comment of comments) {
      const raw = text.slice(comment.start, comment.end);
      const disable = DISABLE_COMMENT.exec(raw);
      if (disable) disableComments.push({ start: comment.start, end: comment.end, body: disable[1].trim() });
      parts.push(text.slice(last, comment.start), raw.replace(/[^\n]/g, ' '));
      last = comment.end;
    }
    parts.push(text.slice(last));
    body = parts.join('');
  }
  let frontMatterEnd = -1;
  if (format === 'markdown' && body.startsWith('---\n')) {
    const close = body.indexOf('\n---', 4);
    if (close !== -1) {
      const end = body.indexOf('\n', close + 4);
      const stop = end === -1 ? body.length : end;
      frontMatter = { start: 0, end: stop, body: body.slice(4, close) };
      frontMatterEnd = stop;
      body = blank(body, 0, stop);
    }
  }

  // A text export's form feeds, page numbers and running headers (pdftotext) go, as the PDF reader drops them.
  if (format === 'text') body = blankPageFurniture(body);
  // Markdown's link reference definitions (`[kh27]: https://… "Kế hoạch 27/KH-VHXH"`) are never shown:
  // their URL and title are no text of the plan.
  else if (body.includes(']:')) body = body.replace(LINK_DEFINITION, (line) => line.replace(/[^\n]/g, ' '));
  const context: BlockContext = {
    source: typeof source === 'string' ? sourceFromString(source) : source,
    format,
    body,
    comments,
    withTree: false,
  };
  const { lines } = buildBlocks(parseBlocks(body, format, comments, frontMatterEnd), context);

  const { out, blocks, segLogical, segNormal } = layOut(lines);
  segLogical.push(out.length + 1);
  segNormal.push(text.length + 1);

  // Lookups come mostly in text order: start from the segment found last time.
  let hint = 0;
  const toNormalized = (offset: number): number => {
    const low = lastIndexAtOrBelowNear(segLogical, offset, hint);
    hint = low;
    const next = segLogical[low + 1] ?? Infinity;
    // A join space (or the block's newline) maps to the end of the piece before it.
    const within = Math.min(offset - segLogical[low], Math.max(0, next - 1 - segLogical[low]));
    return Math.min(segNormal[low] + within, text.length);
  };
  const endToNormalized = (offset: number): number => (offset <= 0 ? toNormalized(0) : toNormalized(offset - 1) + 1);

  return {
    text: out,
    blocks,
    toNormalized,
    endToNormalized,
    disableComments,
    frontMatter,
    treeRecipe: { body, format, comments, frontMatterEnd, ...(frontMatter ? { frontMatter } : {}), context },
  };
}

/** The block grammar's parse of a text (comments and front matter blanked). */
function parseBlocks(body: string, format: 'markdown' | 'text', comments: { start: number; end: number }[], frontMatterEnd: number) {
  const lexed = lexLines(body, format, comments, frontMatterEnd);
  blockGrammar.format = format;
  blockGrammar.wrapWidth = format === 'text' ? wrapWidthOf(lexed.tokens) : Infinity;
  blockGrammar.input = lexed.tokens;
  const cst = blockGrammar.document();
  // The shared parser would keep this plan's line tokens until the next parse (the server's memory after a close).
  blockGrammar.input = [];
  return cst;
}

/** The logical text: one line per block, its pieces joined by their separators, and the segment map. */
function layOut(lines: LogicalLine[]) {
  const segLogical: number[] = [];
  const segNormal: number[] = [];
  const blocks: LayoutBlock[] = [];
  let out = '';
  for (const line of lines) {
    if (out.length > 0) out += '\n';
    const blockStart = out.length;
    const pieceStarts: number[] = [];
    line.pieces.forEach((piece, k) => {
      if (k > 0) out += piece.separator;
      pieceStarts.push(out.length);
      segLogical.push(out.length);
      segNormal.push(piece.start);
      out += piece.text;
    });
    const block: LayoutBlock = { start: blockStart, end: out.length, headingDepth: line.headingDepth };
    if (line.indent) block.indent = line.indent;
    if (line.quoted) block.quoted = true;
    if (line.cellPieces) {
      const starts = line.cellPieces;
      const cells = starts.map((first, k) => {
        const lastPiece = (starts[k + 1] ?? line.pieces.length) - 1;
        return { start: pieceStarts[first], end: pieceStarts[lastPiece] + line.pieces[lastPiece].text.length };
      });
      block.row = { cells, isHeader: line.isHeaderRow ?? false };
      if (line.header) block.row.header = line.header;
      const breaks = line.pieces.flatMap((piece, k) => (piece.breakBefore ? [pieceStarts[k]] : []));
      if (breaks.length > 0) block.row.breaks = breaks;
    }
    blocks.push(block);
  }
  return { out, blocks, segLogical, segNormal };
}

const WORDLESS = new Set<unknown>([FrontMatterLine, BlankLine, CommentLine, PageMarkerLine, ThematicBreakLine]);

/** Lines that carry words, measured for the wrap width of a text export. */
function wrapWidthOf(tokens: { tokenType: unknown; payload?: unknown }[]): number {
  const lengths: number[] = [];
  for (const token of tokens) {
    if (WORDLESS.has(token.tokenType)) continue;
    lengths.push((token.payload as { text: string }).text.length);
  }
  return estimateWrapWidth(Int32Array.from(lengths));
}
