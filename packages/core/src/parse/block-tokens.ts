// Tokens of the block grammar: one token per physical line (newline included), classified once.
// Each pattern reads the line's content through `readLine` (trimmed, Markdown heading/quote prefix
// and wrapping emphasis removed), which is worked out once per line and handed to the token as its
// payload; the patterns only decide the class. Order matters: the first class that fits wins.
import { createToken, createTokenInstance, Lexer, type CustomPatternMatcherFunc, type IToken, type TokenType } from 'chevrotain';
import { skipDefinitionChecks } from './definition-checks.js';
import { LINE_MARKER } from './marker-text.js';

export interface LinePayload {
  /** Offsets of the content in the text handed to the lexer (comments and front matter blanked). */
  start: number;
  end: number;
  text: string;
  /** ATX heading depth (Markdown), 0 otherwise. */
  headingDepth: number;
  /** Columns of indentation before the content (tabs count 4). */
  indent: number;
  /** Markdown `> ` line. */
  quoted: boolean;
  /** Markdown hard break at the line end: two spaces or a backslash. */
  hardBreak: boolean;
  /** Index of the line's class in CLASSES. */
  kind: number;
}

/** What the lexer needs to know besides the text: set by `lexLines` before each run. */
export const lineContext = {
  format: 'text' as 'markdown' | 'text',
  /** Comment ranges of the text (start of `<!--`, end after `-->`), in text order. */
  comments: [] as { start: number; end: number }[],
  frontMatterEnd: -1,
};

// A page number on a line of its own: `12`, `- 3 -`, `Trang 2`, `Trang 2/5`.
export const PAGE_MARKER = /^(?:[-–]?\s*\d{1,3}\s*[-–]?|[Tt]rang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?)$/;
const RULE_LINE = /^[-–—_=*]{3,}$/;
// Numbering at the start of a line (Nghị định 30/2020, Phụ lục I, II.6.đ: mục I., khoản 1., điểm a));
// bullets include the glyphs Word and PDF exports leave (private-use symbols, ➢, ✓).
export const LIST_MARKER = LINE_MARKER;
const SETEXT = /^(?:={3,}|-{3,})$/;
const BR_AT_END = /<br\s*\/?>$/i;
const HEADING_ATTRIBUTES = /[ \t]+\{(?:[#.][^{}\n]*|[\w-]+=[^{}\n]*)\}$/;
const LEADING_EMOJI = /^(?:\p{Extended_Pictographic}|\uFE0F|\u200D)+[ \t]*/u;
const TABLE_DELIMITER = /^\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?$/;

let cachedOffset = -1;
let cachedText = '';
let cachedLine: LinePayload | undefined;
let cachedNext = 0;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x200b || code === 0xfeff;
}

/** The line at `offset` (a line start), read once and reused by every token pattern. */
export function readLine(text: string, offset: number): LinePayload {
  if (offset === cachedOffset && text === cachedText && cachedLine) return cachedLine;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  let start = offset;
  let end = lineEnd;
  let indent = 0;
  while (start < end && isSpace(text.charCodeAt(start))) {
    indent += text.charCodeAt(start) === 9 ? 4 : 1;
    start++;
  }
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  // A Markdown hard break: two spaces or a backslash ending the line, or an HTML `<br>` there (as
  // Obsidian and Typora users write a header's lines); the break itself is not the line's text.
  let hardBreak = lineContext.format === 'markdown' && (text.endsWith('  ', lineEnd) || text.charCodeAt(lineEnd - 1) === 92);
  if (lineContext.format === 'markdown' && text.charCodeAt(end - 1) === 62) {
    const br = BR_AT_END.exec(text.slice(Math.max(start, end - 8), end));
    if (br) {
      hardBreak = true;
      end -= br[0].length;
      while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    }
  }
  let headingDepth = 0;
  let quoted = false;
  if (lineContext.format === 'markdown') {
    if (text.charCodeAt(start) === 35) {
      const hashes = /^(#{1,6})[ \t]+/.exec(text.slice(start, Math.min(end, start + 8)));
      if (hashes) {
        headingDepth = hashes[1].length;
        start += hashes[0].length;
        // Closing hashes of an ATX heading.
        const closing = /[ \t]+#+$/.exec(text.slice(start, end));
        if (closing) end -= closing[0].length;
      }
    } else if (text.startsWith('> ', start)) {
      start += 2;
      quoted = true;
    }
    if (text.charCodeAt(end - 1) === 92 && hardBreak) end--;
    // A heading's attributes (pandoc, PHP Markdown Extra: `## I. MỤC ĐÍCH {#muc-1}`, `KẾ HOẠCH {#ke-hoach
    // .tieu-de}` over its `===`) are no text of it.
    if (text.charCodeAt(end - 1) === 125) {
      const attributes = HEADING_ATTRIBUTES.exec(text.slice(start, end));
      if (attributes) end -= attributes[0].length;
    }
    // An emoji before a heading's number (`## 👥 IV. TỔ CHỨC THỰC HIỆN`, as Notion exports headings).
    if (headingDepth > 0) {
      const emoji = LEADING_EMOJI.exec(text.slice(start, end));
      if (emoji) start += emoji[0].length;
    }
  } else if (text.charCodeAt(start) === 62 && (start + 1 === end || text.charCodeAt(start + 1) === 32)) {
    // `> ` opening a line of a text: a forwarded e-mail's quotation, someone else's words.
    start = Math.min(end, start + 2);
    quoted = true;
  }
  let content = text.slice(start, end);
  if (lineContext.format === 'markdown') {
    // Strong/emphasis wrapping the whole line is presentation (`**I. MỤC ĐÍCH**`); offsets inside stay exact.
    const first = content.charCodeAt(0);
    if (first === 42 || first === 95) {
      const inner = insideStrong(content);
      if (inner !== undefined) {
        content = inner;
        start += 2;
        end -= 2;
      } else {
        // An italic line (`*Căn cứ Luật …;*`, as Google Docs writes a paragraph set in italics).
        const italic = insideEmphasis(content);
        if (italic !== undefined) {
          content = italic;
          start += 1;
          end -= 1;
        }
      }
    }
  }
  cachedOffset = offset;
  cachedText = text;
  cachedNext = lineEnd === text.length ? lineEnd : lineEnd + 1;
  cachedLine = { start, end, text: content, headingDepth, indent, quoted, hardBreak, kind: 0 };
  cachedLine.kind = classify(cachedLine, offset);
  return cachedLine;
}

type Test = (line: LinePayload, offset: number) => boolean;

const commentAt = (offset: number): { start: number; end: number } | undefined => {
  // Lines are classified in text order: a moving index finds the comment that may touch this one.
  const comments = lineContext.comments;
  while (commentIndex < comments.length && comments[commentIndex].end <= offset) commentIndex++;
  return comments[commentIndex];
};
let commentIndex = 0;

// The line classes in the order they are tried: the first that fits is the line's class.
// `gap`: lines that carry no words (blank, page numbers, rules, comments), which text exports wrap across.
const CLASSES: { name: string; test: Test; gap?: boolean }[] = [
  // Front matter was blanked before lexing: its lines are one block.
  { name: 'FrontMatterLine', test: (_line, offset) => offset < lineContext.frontMatterEnd },
  // Empty once comments are blanked, and a comment starts or goes on here.
  {
    name: 'CommentLine',
    gap: true,
    test: (line, offset) => {
      if (line.text.length > 0) return false;
      const comment = commentAt(offset);
      return comment !== undefined && comment.start < cachedNext && comment.end > offset;
    },
  },
  { name: 'BlankLine', gap: true, test: (line) => line.text.length === 0 },
  // `-2-`, `- 3 -`, `12`: page numbers of a text or PDF export.
  { name: 'PageMarkerLine', gap: true, test: (line) => line.headingDepth === 0 && PAGE_MARKER.test(line.text) },
  {
    name: 'FenceLine',
    test: (line) => lineContext.format === 'markdown' && line.headingDepth === 0 && (line.text.startsWith('```') || line.text.startsWith('~~~')),
  },
  { name: 'AtxHeadingLine', test: (line) => line.headingDepth > 0 },
  // `===` / `---` under a paragraph line (Markdown); elsewhere the grammar takes it as a thematic break.
  { name: 'SetextUnderline', test: (line) => lineContext.format === 'markdown' && !line.quoted && SETEXT.test(line.text) },
  {
    name: 'ThematicBreakLine',
    gap: true,
    test: (line) => RULE_LINE.test(line.text) || (lineContext.format === 'text' && /^[–—_]+$/.test(line.text)),
  },
  // Before table rows: `| --- | :-: |` starts with a pipe too.
  { name: 'TableDelimiterLine', test: (line) => line.text.includes('|') && line.text.includes('-') && TABLE_DELIMITER.test(line.text) },
  { name: 'TableRowLine', test: (line) => line.text.charCodeAt(0) === 124 && line.text.length > 1 },
  { name: 'QuoteLine', test: (line) => line.quoted },
  { name: 'ListItemLine', test: (line) => LIST_MARKER.test(line.text) },
  { name: 'TextLine', test: () => true },
];

function classify(line: LinePayload, offset: number): number {
  for (let kind = 0; kind < CLASSES.length; kind++) if (CLASSES[kind].test(line, offset)) return kind;
  return CLASSES.length - 1;
}

const BLANK = CLASSES.findIndex((entry) => entry.name === 'BlankLine');

/** The end of the blank lines from `from` (a line start), stopping before a line a comment touches. */
function blankRunEnd(text: string, from: number): number {
  const limit = lineContext.comments[commentIndex]?.start ?? text.length;
  let end = from;
  for (let i = from; i < text.length && i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) end = i + 1;
    else if (!isSpace(code)) break;
  }
  return end;
}

/** Every line token belongs to `AnyLine`, so a fenced block can take lines of any class. */
export const AnyLine = createToken({ name: 'AnyLine', pattern: Lexer.NA });
/** Lines that carry no words. */
export const GapLine = createToken({ name: 'GapLine', pattern: Lexer.NA });

/** A whole-line token: matches from a line start through its newline when the line is of its class. */
const lineTokens = CLASSES.map(({ name, gap }, kind) => {
  const pattern: CustomPatternMatcherFunc = (text, offset) => {
    const line = readLine(text, offset);
    if (line.kind !== kind) return null;
    // A run of blank lines is one token: 100,000 empty lines cost one token, not 100,000.
    const end = kind === BLANK ? blankRunEnd(text, cachedNext) : cachedNext;
    const match = [text.slice(offset, end)] as unknown as RegExpExecArray & { payload: LinePayload };
    match.payload = line;
    return match;
  };
  return createToken({ name, pattern, line_breaks: true, categories: gap ? [AnyLine, GapLine] : [AnyLine] });
});

export const [
  FrontMatterLine,
  CommentLine,
  BlankLine,
  PageMarkerLine,
  FenceLine,
  AtxHeadingLine,
  SetextUnderline,
  ThematicBreakLine,
  TableDelimiterLine,
  TableRowLine,
  QuoteLine,
  ListItemLine,
  TextLine,
] = lineTokens;

export const blockTokens: TokenType[] = [
  AnyLine,
  GapLine,
  FrontMatterLine,
  CommentLine,
  BlankLine,
  PageMarkerLine,
  FenceLine,
  AtxHeadingLine,
  SetextUnderline,
  ThematicBreakLine,
  TableDelimiterLine,
  TableRowLine,
  QuoteLine,
  ListItemLine,
  TextLine,
];

const lexer = new Lexer(blockTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  skipValidations: skipDefinitionChecks,
});

/** What both line lexers need set before a run. */
function prepare(format: 'markdown' | 'text', comments: { start: number; end: number }[], frontMatterEnd: number): void {
  lineContext.format = format;
  lineContext.comments = comments;
  lineContext.frontMatterEnd = frontMatterEnd;
  commentIndex = 0;
  cachedOffset = -1;
}

function release(): void {
  cachedLine = undefined;
  cachedText = '';
}

/**
 * The lines of `text` as tokens; comments and front matter must already be blanked to spaces.
 * Every line is classified once by `readLine`, so the token is known without trying the 13
 * patterns in turn as Chevrotain's Lexer does: tokens are made with Chevrotain's public
 * `createTokenInstance`, and a differential test (block-tokens.test.ts) shows they equal the
 * Lexer's, which `lexLinesWithLexer` keeps as the reference.
 */
export function lexLines(
  text: string,
  format: 'markdown' | 'text',
  comments: { start: number; end: number }[],
  frontMatterEnd: number,
): { tokens: IToken[] } {
  prepare(format, comments, frontMatterEnd);
  const tokens: IToken[] = [];
  let offset = 0;
  while (offset < text.length) {
    const line = readLine(text, offset);
    const end = line.kind === BLANK ? blankRunEnd(text, cachedNext) : cachedNext;
    const token = createTokenInstance(lineTokens[line.kind], text.slice(offset, end), offset, end - 1, NaN, NaN, NaN, NaN);
    token.payload = line;
    tokens.push(token);
    offset = end;
  }
  release();
  return { tokens };
}

/** The reference: the same tokens through Chevrotain's Lexer and the token patterns above. */
export function lexLinesWithLexer(
  text: string,
  format: 'markdown' | 'text',
  comments: { start: number; end: number }[],
  frontMatterEnd: number,
) {
  prepare(format, comments, frontMatterEnd);
  const result = lexer.tokenize(text);
  release();
  return result;
}

/**
 * The text inside a strong span that wraps all of `text` (`**I. MỤC ĐÍCH**` → `I. MỤC ĐÍCH`), else
 * undefined: two spans that start and end it (`***Nơi nhận:*** **KT. HIỆU TRƯỞNG**`) are not one.
 */
/** The text inside `*…*` or `_…_` that wraps a whole line and holds no other emphasis; else undefined. */
function insideEmphasis(text: string): string | undefined {
  const wrapped = /^([*_])(?![*_\s])(.+)(?<![*_\s])\1$/.exec(text);
  return wrapped && !wrapped[2].includes('*') && !wrapped[2].includes('_') ? wrapped[2] : undefined;
}

export function insideStrong(text: string): string | undefined {
  const wrapped = /^(\*\*|__)(.+)\1$/.exec(text);
  return wrapped && !wrapped[2].includes(wrapped[1]) ? wrapped[2] : undefined;
}
