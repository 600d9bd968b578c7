// The block grammar: recognises blocks among line tokens (block-tokens.ts). Which wrapped line
// continues a paragraph or an item is decided by gates that look at the lines' words (the reflow
// rules of `continuesLine`); the visitor in block-builder.ts gives the blocks their meaning.
import { CstParser, type DSLMethodOptsWithErr, type IOrAlt, type IToken } from 'chevrotain';
import {
  AtxHeadingLine,
  BlankLine,
  blockTokens,
  PageMarkerLine,
  ThematicBreakLine,
  CommentLine,
  FenceLine,
  FrontMatterLine,
  GapLine,
  ListItemLine,
  QuoteLine,
  SetextUnderline,
  TableDelimiterLine,
  TableRowLine,
  TextLine,
  AnyLine,
  type LinePayload,
} from './block-tokens.js';
import { skipDefinitionChecks } from './definition-checks.js';
import { continuesAtNumber, continuesLine, HEADING_MARKER } from './reflow.js';

// Consume options shared by every call (a literal in the rule would be allocated at each line).
const LINES = { LABEL: 'lines' };
const ROWS = { LABEL: 'rows' };
const GAPS = { LABEL: 'gaps' };

export class BlockGrammar extends CstParser {
  /** Set before each parse: how lines are joined depends on the format and, for text, the wrap width. */
  format: 'markdown' | 'text' = 'text';
  wrapWidth = Infinity;

  constructor() {
    super(blockTokens, { maxLookahead: 2, recoveryEnabled: false, skipValidations: skipDefinitionChecks });
    this.performSelfAnalysis();
  }

  document = this.RULE('document', () => {
    this.MANY(() => this.OR(this.block));
  });

  // Built once, not inside the rules: written inline, an OR's alternatives (an array, its objects
  // and their closures) are allocated again at every block (Chevrotain's performance guide).
  private readonly block: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.frontMatter) },
    { ALT: () => this.CONSUME(GapLine) },
    { ALT: () => this.SUBRULE(this.fence) },
    { ALT: () => this.SUBRULE(this.heading) },
    { ALT: () => this.SUBRULE(this.table) },
    { ALT: () => this.SUBRULE(this.quote) },
    { ALT: () => this.SUBRULE(this.listItem) },
    { ALT: () => this.SUBRULE(this.paragraph) },
    // `---` that underlines nothing: a thematic break.
    { ALT: () => this.CONSUME(SetextUnderline) },
  ];

  private readonly tableLine: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(TableRowLine, ROWS) },
    { ALT: () => this.CONSUME(TableDelimiterLine, ROWS) },
  ];

  frontMatter = this.RULE('frontMatter', () => {
    this.AT_LEAST_ONE(() => this.CONSUME(FrontMatterLine));
  });

  heading = this.RULE('heading', () => {
    this.CONSUME(AtxHeadingLine);
  });

  // A paragraph: a first line and the wrapped lines that continue it; in Markdown, `===`/`---`
  // under it makes it a setext heading.
  paragraph = this.RULE('paragraph', () => {
    const first = this.CONSUME(TextLine, LINES);
    this.continuation(first);
    this.OPTION(this.setextUnderline);
  });

  // A numbered or bulleted line (`I.`, `1.1.`, `a)`, `-`, `•` …) and the wrapped lines that continue it.
  listItem = this.RULE('listItem', () => {
    const first = this.CONSUME(ListItemLine, LINES);
    this.continuation(first);
  });

  // Rows, with the delimiter row after the header when there is one (GFM).
  table = this.RULE('table', () => {
    this.AT_LEAST_ONE(() => this.OR(this.tableLine));
  });

  quote = this.RULE('quote', () => {
    this.AT_LEAST_ONE(() => this.CONSUME(QuoteLine));
  });

  fence = this.RULE('fence', () => {
    this.CONSUME(FenceLine, { LABEL: 'open' });
    this.MANY({ GATE: () => this.LA(1).tokenType !== FenceLine, DEF: () => this.CONSUME(AnyLine, { LABEL: 'body' }) });
    this.OPTION(() => this.CONSUME2(FenceLine, { LABEL: 'close' }));
  });

  private continuation(first: IToken): void {
    this.blockFirst = first;
    this.MANY(this.wrappedLine);
  }

  /** The first line of the block `continuation` is extending (read by the cached gate below). */
  private blockFirst: IToken | undefined;

  // Built once, like the alternatives above: a paragraph or item would otherwise allocate them.
  private readonly wrappedLine: DSLMethodOptsWithErr<unknown> = {
    GATE: () => this.continues(this.blockFirst!),
    DEF: () => {
      this.MANY2(this.gapLine);
      // A number opening a wrapped line is the split date's (`… ngày 15 tháng` + `12 năm 2026`), not a list number.
      this.OR(this.wrappedLineKinds);
    },
  };

  private readonly wrappedLineKinds: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME2(TextLine, LINES) },
    { ALT: () => this.CONSUME2(ListItemLine, LINES) },
    { ALT: () => this.CONSUME2(QuoteLine, LINES) },
  ];

  private readonly gapLine = () => this.CONSUME2(GapLine, GAPS);

  private readonly setextUnderline: DSLMethodOptsWithErr<unknown> = { GATE: () => this.format === 'markdown', DEF: () => this.CONSUME(SetextUnderline) };

  /** Whether the next text line (after blank lines and page numbers, in text) continues the block. */
  private continues(first: IToken): boolean {
    let i = 1;
    if (this.format === 'text') while (this.LA(i).tokenType !== TextLine && isGap(this.LA(i))) i++;
    const next = this.LA(i);
    const previous = payloadOf(this.LA(0));
    if (next.tokenType === ListItemLine) return continuesAtNumber(previous.text, payloadOf(next).text, this.format, i > 1);
    // `> ` right under a wrapped line, no blank line between: pandoc's Markdown of a Word paragraph
    // indented past its list item (`1.  Hưởng ứng … (15/11/2026 --` + `    > 15/12/2026):`). A quote
    // of its own starts after a blank line or under a quote line.
    if (next.tokenType === QuoteLine && i === 1 && !payloadOf(first).quoted) {
      return continuesLine(previous.text, payloadOf(next).text, this.wrapWidth, this.format, false, HEADING_MARKER.test(payloadOf(first).text));
    }
    if (next.tokenType !== TextLine) return false;
    return continuesLine(
      previous.text,
      payloadOf(next).text,
      this.wrapWidth,
      this.format,
      i > 1,
      HEADING_MARKER.test(payloadOf(first).text),
    );
  }
}

function isGap(token: IToken): boolean {
  return GAP_TYPES.has(token.tokenType);
}
const GAP_TYPES = new Set([BlankLine, PageMarkerLine, ThematicBreakLine, CommentLine]);

export function payloadOf(token: IToken): LinePayload {
  return token.payload as LinePayload;
}

export { CommentLine };
export const blockGrammar = new BlockGrammar();
