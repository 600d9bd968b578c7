// Layout: normalised text → logical text, one logical line (block) per `\n`.
// Markdown markup, page markers, HTML comments and hard wraps are removed here, so that a
// Markdown plan and the same plan exported as hard-wrapped text give the same token stream.
import { lastIndexAtOrBelowNear } from '../shared/search.js';

export interface LayoutBlock {
  /** Offsets in the logical text. */
  start: number;
  end: number;
  /** Markdown heading depth (1–6), 0 otherwise. */
  headingDepth: number;
}

export interface RawDirective {
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
  directives: RawDirective[];
  frontMatter?: { start: number; end: number; body: string };
}

interface PhysicalLine {
  /** Content after trimming, and where it starts in the normalised text. */
  text: string;
  start: number;
  headingDepth: number;
  isBlank: boolean;
}

const PAGE_MARKER = /^[-–]?\s*\d{1,3}\s*[-–]?$/;
const RULE_LINE = /^[-–—_=*]{3,}$/;
const MARKER_START =
  /^(?:[IVXL]{1,6}\.\s|\d{1,2}(?:\.\d{1,2})*\.?\s|[a-zđ]\)\s|[-+*•o\u2022\u25cf\u25aa\u25e6\u2013\u2212\u27a2\u2713\uf000-\uf8ff]\s|Nơi nhận)/;
const HEADING_MARKER = /^(?:[IVXL]{1,6}\.|\d{1,2}(?:\.\d{1,2})*\.?)\s/;
const TERMINAL = /[.;:!?…]["”)]?$/;
const JOIN_TIGHT = /[A-Za-zĐđ0-9][-/]$/;
// `plan-lint-config` comments configure fixtures (style.md); every other `plan-lint-…` is a directive.
const DIRECTIVE = /<!--\s*(plan-lint-(?!config\b)[\s\S]*?)-->/g;
const COMMENT = /<!--[\s\S]*?-->/g;

export function layoutText(text: string, format: 'markdown' | 'text'): Layout {
  const directives: RawDirective[] = [];
  let frontMatter: Layout['frontMatter'];
  // Comments become spaces so offsets stay put; directives are kept for the engine.
  let body = text;
  if (body.includes('<!--')) {
    body = body.replace(COMMENT, (match, offset: number) => {
      DIRECTIVE.lastIndex = 0;
      const directive = DIRECTIVE.exec(match);
      if (directive) directives.push({ start: offset, end: offset + match.length, body: directive[1].trim() });
      return match.replace(/[^\n]/g, ' ');
    });
  }
  if (format === 'markdown' && body.startsWith('---\n')) {
    const close = body.indexOf('\n---', 4);
    if (close !== -1) {
      const end = body.indexOf('\n', close + 4);
      const stop = end === -1 ? body.length : end;
      frontMatter = { start: 0, end: stop, body: body.slice(4, close) };
      body = body.slice(0, stop).replace(/[^\n]/g, ' ') + body.slice(stop);
    }
  }

  const lines = splitLines(body, format);
  const wrapWidth = format === 'text' ? estimateWrapWidth(lines) : Infinity;
  const pieces: { text: string; start: number }[][] = [];
  const depths: number[] = [];
  let current: { text: string; start: number }[] | undefined;
  let previous: PhysicalLine | undefined;
  let blankSince = false;

  for (const line of lines) {
    if (line.isBlank) {
      blankSince = true;
      if (format === 'markdown') current = undefined;
      continue;
    }
    const join =
      current !== undefined &&
      previous !== undefined &&
      previous.headingDepth === 0 &&
      line.headingDepth === 0 &&
      shouldJoin(previous.text, line.text, wrapWidth, format, blankSince, HEADING_MARKER.test(current![0].text));
    if (join && current) {
      current.push(line);
    } else {
      current = [line];
      pieces.push(current);
      depths.push(line.headingDepth);
    }
    previous = line;
    blankSince = false;
  }

  // Build the logical text and its segment map.
  const segLogical: number[] = [];
  const segNormal: number[] = [];
  const blocks: LayoutBlock[] = [];
  let out = '';
  pieces.forEach((group, index) => {
    if (out.length > 0) out += '\n';
    const blockStart = out.length;
    group.forEach((piece, k) => {
      if (k > 0) out += JOIN_TIGHT.test(group[k - 1].text.slice(-2)) && /^[A-ZĐ0-9]/.test(piece.text) ? '' : ' ';
      segLogical.push(out.length);
      segNormal.push(piece.start);
      out += piece.text;
    });
    blocks.push({ start: blockStart, end: out.length, headingDepth: depths[index] });
  });
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

  return { text: out, blocks, toNormalized, endToNormalized, directives, frontMatter };
}

function splitLines(body: string, format: 'markdown' | 'text'): PhysicalLine[] {
  const result: PhysicalLine[] = [];
  let lineStart = 0;
  while (lineStart <= body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = body.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isSpace(body.charCodeAt(start))) start++;
    while (end > start && isSpace(body.charCodeAt(end - 1))) end--;
    let headingDepth = 0;
    if (format === 'markdown') {
      // Only a line starting with `#` can be a heading: the others skip the slice and the regex.
      const hashes = body.charCodeAt(start) === 35 ? /^(#{1,6})[ \t]+/.exec(body.slice(start, Math.min(end, start + 8))) : null;
      if (hashes) {
        headingDepth = hashes[1].length;
        start += hashes[0].length;
        // Closing hashes of an ATX heading.
        const closing = /[ \t]+#+$/.exec(body.slice(start, end));
        if (closing) end -= closing[0].length;
      } else if (body.startsWith('> ', start)) {
        start += 2;
      }
    }
    let content = body.slice(start, end);
    if (format === 'markdown') {
      // Strong/emphasis markers are presentation; keep the words and their offsets.
      const stripped = stripEmphasis(content);
      if (stripped.offset > 0) {
        start += stripped.offset;
      }
      content = stripped.text;
    }
    const isBlank =
      content.length === 0 || PAGE_MARKER.test(content) || RULE_LINE.test(content) || (format === 'text' && /^[–—_]+$/.test(content));
    result.push({ text: content, start, headingDepth, isBlank });
    if (lineEnd === body.length) break;
    lineStart = lineEnd + 1;
  }
  return result;
}

function stripEmphasis(content: string): { text: string; offset: number } {
  // Only a wrapping pair (`**I. MỤC ĐÍCH**`) is removed, so offsets inside stay exact.
  const first = content.charCodeAt(0);
  if (first !== 42 && first !== 95) return { text: content, offset: 0 }; // neither `*` nor `_`
  const wrapped = /^(\*\*|__)(.+)\1$/.exec(content);
  if (wrapped) return { text: wrapped[2], offset: 2 };
  return { text: content, offset: 0 };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x200b || code === 0xfeff;
}

/** The width a text export wrapped at: a line near it that ends mid-sentence was wrapped. */
function estimateWrapWidth(lines: PhysicalLine[]): number {
  // A typed array sorts numbers natively, without a comparison callback per step.
  const lengths = Int32Array.from(lines.filter((line) => !line.isBlank), (line) => line.text.length);
  if (lengths.length === 0) return Infinity;
  lengths.sort();
  return lengths[Math.floor(lengths.length * 0.8)] ?? Infinity;
}

export function isLowerLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

export function isUpperLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** At least `min` letters and no lower-case one: `KẾ HOẠCH`, `HIỆU TRƯỞNG`. */
export function isAllCaps(value: string, min = 3): boolean {
  // Most lines have an ASCII lower-case letter: answer those without walking the string.
  if (/[a-z]/.test(value)) return false;
  let letters = 0;
  for (const ch of value) {
    if (isLowerLetter(ch)) return false;
    if (isUpperLetter(ch)) letters++;
  }
  return letters >= min;
}

function shouldJoin(
  previous: string,
  next: string,
  wrapWidth: number,
  format: 'markdown' | 'text',
  blankBetween: boolean,
  inHeading: boolean,
): boolean {
  if (TERMINAL.test(previous)) return false;
  // A table row (GFM, as Markdown plans and the Word and PDF readers write tables) is a line of its own.
  if (previous.charCodeAt(0) === 124 || next.charCodeAt(0) === 124) return false;
  if (MARKER_START.test(next)) return false;
  if (PAGE_MARKER.test(next)) return false;
  const previousCaps = isAllCaps(previous);
  const nextCaps = isAllCaps(next);
  // A numbered heading is short: it was wrapped only if the next word would not have fitted
  // on its line (the reflow test, with 10 % slack since exports wrap by rendered width).
  // Body lines wrap raggedly, so any line near the wrap width counts as wrapped.
  const nextWord = next.split(/\s/, 1)[0].length;
  const full = inHeading ? previous.length + 1 + nextWord > wrapWidth * 0.95 : previous.length >= wrapWidth * 0.75;
  if (previousCaps !== nextCaps && !(previousCaps && full)) return false;
  if (previousCaps && nextCaps) return full;
  if (/[-/,(&]$/.test(previous) || isLowerLetter(next[0]) || /^[0-9(]/.test(next)) return true;
  if (format === 'markdown') return !blankBetween;
  return full;
}
