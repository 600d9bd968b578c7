import type { Block, Cell, Notes, Paragraph, Table } from './document.js';
import type { Numbering } from './numbering.js';
import type { Styles } from './styles.js';

interface Line {
  /** Heading depth, 0 for body text. */
  depth: number;
  /** The numbering marker Word shows, without its separator. */
  marker: string;
  text: string;
}

// The header table (issuer | Quốc hiệu, symbol | place and date) and the signature table
// (Nơi nhận | signer) are page layout: their lines are read as the header and closing lines.
const NATIONAL_MOTTO = /^(?:CỘNG\s+H[OÒ][AÀ]\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–—]\s*Tự\s+do)/iu;
const RECIPIENTS = /^Nơi\s+nhận\b/iu;

/**
 * Word blocks → the Markdown plan-lint parses and `convert` prints: headings as `#`, automatic
 * numbering as the marker Word shows, line breaks as Markdown hard breaks, tables as GFM tables
 * (a cell's paragraphs joined with `<br>`), text boxes after their paragraph, notes as GFM
 * footnotes at the end. Numbering counters advance in document order, so this walks once.
 */
export class MarkdownWriter {
  private readonly out: string[] = [];
  /** Whether the last block written is an item of an automatic list (the next item follows it tightly). */
  private lastWasItem = false;

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {}

  write(body: Block[], notes: { refs: { kind: 'footnote' | 'endnote'; id: string }[]; footnotes: Notes; endnotes: Notes }): string {
    this.blocks(body);
    notes.refs.forEach((ref, index) => {
      const blocks = (ref.kind === 'endnote' ? notes.endnotes : notes.footnotes).get(ref.id) ?? [];
      const text = this.lines(blocks)
        .map((line) => joinMarker(line).replace(/\n/g, ' '))
        .join(' ')
        .trim();
      this.push(`[^${index + 1}]: ${text}`);
    });
    return this.out.join('\n\n') + '\n';
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
      if (line.depth > 0) this.push(`${'#'.repeat(Math.min(6, line.depth))} ${joinMarker(line).replace(/\n/g, ' ')}`);
      // Two spaces before the newline: a Markdown hard break, the `break` of the document tree.
      else this.push(joinMarker(line).replace(/\n/g, '  \n'), line.marker !== '');
    }
    if (paragraph.boxes) this.blocks(paragraph.boxes);
  }

  /** One block; items of an automatic list follow each other without a blank line (a tight list, as Markdown writes it). */
  private push(block: string, isItem = false): void {
    if (isItem && this.lastWasItem) this.out[this.out.length - 1] += `\n${block}`;
    else this.out.push(block);
    this.lastWasItem = isItem;
  }

  private table(table: Table): void {
    // Counters advance row by row, cell by cell, as Word numbers them.
    const rows = table.rows.map((row) =>
      row.map((cell) => {
        const lines = this.lines(cell.blocks);
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
      for (const line of all) {
        if (line.depth > 0) this.push(`${'#'.repeat(Math.min(6, line.depth))} ${joinMarker(line).replace(/\n/g, ' ')}`);
        else for (const part of joinMarker(line).split('\n')) if (part.trim() !== '') this.push(part.trim(), line.marker !== '');
      }
      return;
    }
    const grid = rows.map((row) => {
      const cells: string[] = [];
      for (const { cell, lines } of row) {
        cells.push(cellText(lines));
        for (let k = 1; k < cell.span; k++) cells.push('');
      }
      while (cells.length < columns) cells.push('');
      return cells;
    });
    const format = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const lines = [format(grid[0]), `|${' --- |'.repeat(columns)}`, ...grid.slice(1).map(format)];
    this.push(lines.join('\n'));
  }

  /** A cell's (or a note's) blocks as lines, nested tables flattened cell by cell. */
  private lines(blocks: Block[], into: Line[] = []): Line[] {
    for (const block of blocks) {
      if (block.kind === 'table') {
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
    return { depth, marker: numbered?.marker ?? '', text: tidy(paragraph.text) };
  }
}

/** Trims each line of a paragraph and drops its empty first and last lines. */
function tidy(text: string): string {
  if (!/[\n\t ]|^$/.test(text)) return text;
  const lines = text.split('\n').map((line) => line.replace(/^[ \t\u00a0]+|[ \t\u00a0]+$/g, ''));
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

function joinMarker(line: Line): string {
  return line.marker === '' ? line.text : `${line.marker} ${line.text}`;
}

/** A GFM cell: its lines joined with `<br>`, pipes escaped, no newline. */
function cellText(lines: Line[]): string {
  return lines
    .map((line) => joinMarker(line).replace(/\|/g, '\\|').replace(/\n/g, '<br>'))
    .join('<br>')
    .replace(/\t/g, ' ');
}
