import { lastIndexAtOrBelowNear } from '../shared/search.js';

/** A place in the ORIGINAL decoded text (unist: lines and columns from 1, offset from 0). */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Position {
  start: Point;
  end: Point;
}

/**
 * The text plan-lint parses, and the way back to the file the user sees.
 * `text` is NFC with `\n` line ends; `original` is the decoded file (BOM removed,
 * CRLF/CR and NFD kept). Every offset in `text` maps to an offset in `original`.
 */
export interface SourceText {
  text: string;
  original: string;
  hasBom: boolean;
  /** The line ending the file mostly uses, so that fixes keep it. */
  eol: '\n' | '\r\n' | '\r';
  /** Maps an offset of `text` to an offset of `original`. */
  toOriginalOffset(offset: number): number;
  /** 1-based line/column of an offset of `original`. */
  pointAt(originalOffset: number): Point;
  /** Offset of `original` at a 1-based line/column (columns clamp to the line). */
  offsetAt(line: number, column: number): number;
  /** Position in `original` of a `[start, end)` range of `text`. */
  positionOf(start: number, end: number): Position;
  lineCount: number;
}

const COMBINING = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;

export function createSourceText(original: string, hasBom = false): SourceText {
  const needsNewlines = original.includes('\r');
  const needsNfc = !isNormalizedNfc(original);
  let text = original;
  let normToOrig: Int32Array | undefined;
  if (needsNewlines || needsNfc) {
    const built = normalizeWithMap(original);
    text = built.text;
    normToOrig = built.map;
  }
  const lineStarts = computeLineStarts(original);
  const crlf = needsNewlines ? countOf(original, '\r\n') : 0;
  const lf = needsNewlines ? countOf(original, '\n') - crlf : lineStarts.length - 1;
  const cr = needsNewlines ? countOf(original, '\r') - crlf : 0;
  const eol: SourceText['eol'] = crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';

  const toOriginalOffset = (offset: number): number => {
    if (!normToOrig) return Math.max(0, Math.min(offset, original.length));
    if (offset <= 0) return 0;
    if (offset >= normToOrig.length) return original.length;
    return normToOrig[offset];
  };
  // Points are asked for mostly in text order: start from the line found last time.
  let lineHint = 0;
  const pointAt = (originalOffset: number): Point => {
    const offset = Math.max(0, Math.min(originalOffset, original.length));
    const low = lastIndexAtOrBelowNear(lineStarts, offset, lineHint);
    lineHint = low;
    return { line: low + 1, column: offset - lineStarts[low] + 1, offset };
  };
  const offsetAt = (line: number, column: number): number => {
    const index = Math.max(0, Math.min(line - 1, lineStarts.length - 1));
    const start = lineStarts[index];
    const next = index + 1 < lineStarts.length ? lineStarts[index + 1] : original.length;
    let lineEnd = next;
    while (lineEnd > start && (original[lineEnd - 1] === '\n' || original[lineEnd - 1] === '\r')) lineEnd--;
    return Math.min(start + Math.max(0, column - 1), lineEnd);
  };
  return {
    text,
    original,
    hasBom,
    eol,
    toOriginalOffset,
    pointAt,
    offsetAt,
    positionOf: (start, end) => ({
      start: pointAt(toOriginalOffset(start)),
      end: pointAt(toOriginalOffset(end)),
    }),
    lineCount: lineStarts.length,
  };
}

function isNormalizedNfc(value: string): boolean {
  // No combining mark means nothing to compose. Both tests are checked; the NFC one goes first
  // because V8's normalize() returns early on NFC text and is cheaper than scanning for marks.
  return value.normalize('NFC') === value || !COMBINING.test(value);
}

function countOf(haystack: string, needle: string): number {
  let count = 0;
  let index = haystack.indexOf(needle);
  while (index !== -1) {
    count++;
    index = haystack.indexOf(needle, index + needle.length);
  }
  return count;
}

function computeLineStarts(value: string): number[] {
  const starts = [0];
  if (!value.includes('\r')) {
    // LF only (nearly every file): indexOf skips between line ends much faster than a loop.
    for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (value.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * CRLF/CR → LF and NFC, keeping for every output offset the original offset it came from.
 * Normalisation works cluster by cluster (a starter and its combining marks), so each
 * composed character maps to the start of the cluster it replaced.
 *
 * Most characters are a cluster of their own that NFC leaves alone: they are copied a run at a
 * time (one slice, an identity stretch of the map) instead of one string per character, which
 * made this the slowest step of decoding NFD files (about 15 MB/s).
 */
export function normalizeWithMap(original: string): { text: string; map: Int32Array } {
  const length = original.length;
  const parts: string[] = [];
  let map = new Int32Array(length + 1);
  let out = 0;
  let i = 0;
  while (i < length) {
    const special = nextSpecialCluster(original, i);
    if (special > i) {
      parts.push(original.slice(i, special));
      for (let k = i; k < special; k++) map[out++] = k;
      i = special;
      if (i >= length) break;
    }
    const ch = original.charCodeAt(i);
    if (ch === 13) {
      parts.push('\n');
      map[out++] = i;
      i += original.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    let end = i + 1;
    if (ch >= 0xd800 && ch <= 0xdbff && end < length) end++;
    while (end < length && isCombiningMark(original.charCodeAt(end))) end++;
    const cluster = original.slice(i, end);
    const composed = end - i > 1 ? cluster.normalize('NFC') : cluster;
    parts.push(composed);
    // NFC can lengthen a cluster (composition exclusions such as U+0958 decompose): grow the map then.
    const needed = out + composed.length + (length - end) + 1;
    if (needed > map.length) {
      const grown = new Int32Array(needed + 16);
      grown.set(map.subarray(0, out));
      map = grown;
    }
    for (let k = 0; k < composed.length; k++) map[out++] = k === 0 ? i : Math.min(i + k, end - 1);
    i = end;
  }
  map[out] = length;
  return { text: parts.join(''), map: map.subarray(0, out + 1) };
}

/**
 * The first offset from `from` on where a cluster starts that is not a lone character copied as it
 * is: a CR, a high surrogate, or a character followed by a combining mark (a mark at `from` itself
 * starts a cluster of marks). `original.length` when there is none.
 */
function nextSpecialCluster(original: string, from: number): number {
  for (let p = from; p < original.length; p++) {
    const ch = original.charCodeAt(p);
    if (ch === 13 || (ch >= 0xd800 && ch <= 0xdbff)) return p;
    if (isCombiningMark(ch)) return p > from ? p - 1 : p;
  }
  return original.length;
}

/** The marks COMBINING matches, by code unit. */
function isCombiningMark(ch: number): boolean {
  return (
    ch >= 0x0300 &&
    (ch <= 0x036f || (ch >= 0x1dc0 && ch <= 0x1dff) || (ch >= 0x20d0 && ch <= 0x20ff) || (ch >= 0xfe20 && ch <= 0xfe2f))
  );
}
