import { DOCX_LIMITS, DocxLimitError, MC_NS, isOn, parseXml, wordAttr, type Budget } from './xml.js';

export interface Paragraph {
  kind: 'paragraph';
  styleId?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  /** The paragraph's text; `\n` where Word has a line break (`w:br`, `w:cr`). */
  text: string;
  /** Paragraphs of text boxes anchored in this paragraph, shown after it. */
  boxes?: Block[];
  /** Where its text is in the XML (readBlocks with `withOrigins`). */
  xml?: ParagraphXml;
}

/**
 * XML positions are indexes in the decoded part (the string saxes reads), each just past the `>`
 * of a tag; a tag's `<` is the last `<` before that (an attribute value cannot hold one).
 */
export interface ParagraphXml {
  /** Past `<w:p …>`, then past its `</w:pPr>`: where paragraph content may be inserted. */
  contentEnd: number;
  /** The pieces of its text, in order. */
  pieces: Piece[];
  /** A paragraph of a text box: the body paragraph that holds the box. */
  host?: ParagraphXml;
}

export interface RunXml {
  /** `w` in `<w:r>`: new elements are written with the run's own prefix. */
  prefix: string;
  /** Past `<w:r …>`. */
  open: number;
  /** Past the run's `</w:rPr>`, when it has properties. */
  propsEnd?: number;
  /** Past `</w:r>`. */
  close: number;
}

/** A stretch of a paragraph's text and the element it came from. */
export interface Piece {
  /** Offset of the stretch in the paragraph's text. */
  at: number;
  length: number;
  run?: RunXml;
  /** `w:t`: text, one character of the text per character (entities and CRLF aside); otherwise an element (tab, break, symbol…). */
  isText: boolean;
  /** Past the element's start tag. */
  open: number;
  /** Past its end tag (the start tag, when it closes itself). */
  close: number;
}

export interface Cell {
  blocks: Block[];
  /** Grid columns the cell covers (`gridSpan`). */
  span: number;
  /** `vMerge`: 'continue' is the lower part of a vertically merged cell (shown empty). */
  vMerge?: 'restart' | 'continue';
}

export interface Table {
  kind: 'table';
  rows: Cell[][];
}

export type Block = Paragraph | Table;

/** Notes (footnotes or endnotes) by id, as blocks. */
export type Notes = Map<string, Block[]>;

// Elements whose content Word does not show: deleted and moved-away revisions, field
// instructions, and the fallback copy of a drawing (the same text box again, for old readers).
const HIDDEN = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText']);

interface Frame {
  blocks: Block[];
}

/**
 * document.xml (or footnotes.xml / endnotes.xml) → blocks, in one streaming pass. `onNoteRef`
 * turns a footnote/endnote reference into the text shown in its place. `maxText` bounds the text
 * kept over the whole document (DocxLimitError past it).
 */
export function readBlocks(
  bytes: Uint8Array,
  budget: Budget,
  textBudget: { left: number; total: number },
  onNoteRef?: (kind: 'footnote' | 'endnote', id: string, where: { paragraph: Paragraph; at: number }) => string,
  withOrigins = false,
): { body: Block[]; notes: Notes } {
  const body: Block[] = [];
  const notes: Notes = new Map();
  // Containers: the body, each table cell, each text box, each note.
  const frames: Frame[] = [{ blocks: body }];
  const paragraphs: { paragraph: Paragraph; parts: string[]; length: number; hiddenRun: boolean }[] = [];
  const tables: Table[] = [];
  const cells: Cell[] = [];
  let skip = 0;
  let inText = false;
  // A `w:t`'s text, kept until its end tag: one piece per `w:t` however saxes cuts the text.
  let textOfT = '';
  let inParagraphProps = 0;
  let inRunProps = false;
  // With origins only: where the parser is, the open runs and the last element piece.
  let position = (): number => 0;
  const runs: RunXml[] = [];
  let textOpen = 0;
  let elementPiece: Piece | undefined;
  let textBoxes = 0;

  const top = () => paragraphs[paragraphs.length - 1];
  const emit = (value: string, isText = false, open = 0) => {
    const current = top();
    if (!current || current.hiddenRun) return;
    textBudget.left -= value.length;
    if (textBudget.left < 0) throw new DocxLimitError('text', textBudget.total);
    if (withOrigins && current.paragraph.xml) {
      const piece: Piece = { at: current.length, length: value.length, run: runs[runs.length - 1], isText, open: isText ? open : position(), close: position() };
      current.paragraph.xml.pieces.push(piece);
      if (!isText) elementPiece = piece;
    }
    current.parts.push(value);
    current.length += value.length;
  };

  parseXml(
    bytes,
    {
      attach: withOrigins
        ? (where) => {
            position = where;
          }
        : undefined,
      open(tag, isWord) {
        elementPiece = undefined;
        if (skip > 0) {
          skip++;
          return;
        }
        if (!isWord) {
          if (tag.uri === MC_NS && tag.local === 'Fallback') skip = 1;
          return;
        }
        const name = tag.local;
        if (HIDDEN.has(name)) {
          skip = 1;
          return;
        }
        switch (name) {
          case 'p': {
            if (--budget.paragraphs < 0) throw new DocxLimitError('paragraphs', DOCX_LIMITS.paragraphs);
            const paragraph: Paragraph = { kind: 'paragraph', text: '' };
            if (withOrigins) {
              paragraph.xml = { contentEnd: position(), pieces: [] };
              if (textBoxes > 0 && paragraphs.length > 0) paragraph.xml.host = paragraphs[0].paragraph.xml;
            }
            paragraphs.push({ paragraph, parts: [], length: 0, hiddenRun: false });
            break;
          }
          case 'pPr':
            inParagraphProps++;
            break;
          case 'rPr':
            inRunProps = true;
            break;
          case 'pStyle':
            if (inParagraphProps && top()) top().paragraph.styleId = wordAttr(tag, 'val');
            break;
          case 'numId':
            if (inParagraphProps && top()) top().paragraph.numId = wordAttr(tag, 'val');
            break;
          case 'ilvl':
            if (inParagraphProps && top()) top().paragraph.ilvl = Number(wordAttr(tag, 'val')) || 0;
            break;
          case 'outlineLvl':
            if (inParagraphProps && top()) top().paragraph.outlineLevel = Number(wordAttr(tag, 'val'));
            break;
          case 'vanish':
            // Hidden text (a run's own property; the paragraph mark's is not the text's).
            if (inRunProps && !inParagraphProps && top() && isOn(tag)) top().hiddenRun = true;
            break;
          case 'r':
            if (top()) top().hiddenRun = false;
            if (withOrigins) runs.push({ prefix: tag.prefix, open: position(), close: position() });
            break;
          case 't':
            inText = true;
            textOfT = '';
            textOpen = position();
            break;
          // An absolute tab (`w:ptab`, templates use it between the symbol and the place and date) is a tab too.
          case 'tab':
          case 'ptab':
            if (!inParagraphProps) emit('\t');
            break;
          case 'br': {
            // A page or column break ends nothing in a plan's text; a line break is a break.
            const type = wordAttr(tag, 'type');
            emit(type === 'page' || type === 'column' ? ' ' : '\n');
            break;
          }
          case 'cr':
            emit('\n');
            break;
          case 'noBreakHyphen':
            emit('-');
            break;
          case 'sym': {
            const code = wordAttr(tag, 'char');
            if (code && /^[0-9a-f]{1,4}$/i.test(code)) emit(String.fromCharCode(parseInt(code, 16)));
            break;
          }
          case 'footnoteReference':
          case 'endnoteReference': {
            const current = top();
            if (onNoteRef && current && !current.hiddenRun) {
              emit(onNoteRef(name === 'footnoteReference' ? 'footnote' : 'endnote', wordAttr(tag, 'id') ?? '', { paragraph: current.paragraph, at: current.length }));
            }
            break;
          }
          case 'footnote':
          case 'endnote': {
            const type = wordAttr(tag, 'type');
            const blocks: Block[] = [];
            // Separators are Word's own furniture, not notes.
            if (type === undefined || type === 'normal') notes.set(wordAttr(tag, 'id') ?? '', blocks);
            frames.push({ blocks });
            break;
          }
          case 'txbxContent':
            frames.push({ blocks: [] });
            textBoxes++;
            break;
          case 'tbl':
            tables.push({ kind: 'table', rows: [] });
            break;
          case 'tr':
            tables[tables.length - 1]?.rows.push([]);
            break;
          case 'tc': {
            const cell: Cell = { blocks: [], span: 1 };
            const table = tables[tables.length - 1];
            table?.rows[table.rows.length - 1]?.push(cell);
            cells.push(cell);
            frames.push({ blocks: cell.blocks });
            break;
          }
          case 'gridSpan': {
            const cell = cells[cells.length - 1];
            if (cell) cell.span = Math.max(1, Math.min(64, Number(wordAttr(tag, 'val')) || 1));
            break;
          }
          case 'vMerge': {
            const cell = cells[cells.length - 1];
            if (cell) cell.vMerge = wordAttr(tag, 'val') === 'restart' ? 'restart' : 'continue';
            break;
          }
        }
      },
      close(tag, isWord) {
        if (skip > 0) {
          skip--;
          return;
        }
        if (!isWord) return;
        // An element that closes itself, or that held nothing: the piece ends past its end tag.
        if (elementPiece && withOrigins) elementPiece.close = position();
        elementPiece = undefined;
        switch (tag.local) {
          case 't':
            inText = false;
            if (textOfT !== '') emit(textOfT, true, textOpen);
            textOfT = '';
            break;
          case 'pPr':
            inParagraphProps--;
            if (withOrigins && inParagraphProps === 0 && top()?.paragraph.xml) top().paragraph.xml!.contentEnd = position();
            break;
          case 'rPr':
            inRunProps = false;
            if (withOrigins && !inParagraphProps && runs.length > 0) runs[runs.length - 1].propsEnd = position();
            break;
          case 'r':
            if (withOrigins) {
              const run = runs.pop();
              if (run) run.close = position();
            }
            break;
          case 'p': {
            const done = paragraphs.pop();
            if (!done) break;
            done.paragraph.text = done.parts.join('');
            frames[frames.length - 1].blocks.push(done.paragraph);
            break;
          }
          case 'txbxContent': {
            textBoxes--;
            const frame = frames.length > 1 ? frames.pop()! : undefined;
            const anchor = top()?.paragraph;
            if (frame && frame.blocks.length > 0) {
              if (anchor) (anchor.boxes ??= []).push(...frame.blocks);
              else frames[frames.length - 1].blocks.push(...frame.blocks);
            }
            break;
          }
          case 'footnote':
          case 'endnote':
          case 'tc':
            if (frames.length > 1) frames.pop();
            if (tag.local === 'tc') cells.pop();
            break;
          case 'tbl': {
            const table = tables.pop();
            if (table && table.rows.length > 0) frames[frames.length - 1].blocks.push(table);
            break;
          }
        }
      },
      text(value) {
        if (inText && skip === 0) textOfT += value;
      },
    },
    budget,
  );
  return { body, notes };
}
