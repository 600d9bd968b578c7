import type { TextIndex } from './text.js';
import type { Flaggable } from './types.js';

/** Characters that end a word: whitespace and punctuation. */
const SEPARATOR_CHARS = ' \t\n\r\u00a0.,;:!?()[]{}"\'“”‘’/\\-–—…*•+=<>|#%&@$^~`_';
/** Separator lookup by char code: a table read per character of the plan (a Set lookup cost 3× as much). */
const SEPARATOR = new Uint8Array(0x2030);
for (const ch of SEPARATOR_CHARS) SEPARATOR[ch.charCodeAt(0)] = 1;

function isSeparator(code: number): boolean {
  // Private-use characters (an export's icon fonts) end a word too.
  return code < SEPARATOR.length ? SEPARATOR[code] === 1 : code >= 0xe000 && code <= 0xf8ff;
}

const MAX_PHRASE = 4;
/**
 * Vietnamese reduplications that are words of their own ("người người", "nhà nhà" = everyone, every
 * home). They are repeats only before a number: "ngày ngày 28/7/2022" (seed 003) is a slip.
 */
const REDUPLICATIVE = new Set(['người', 'nhà', 'ngày', 'tháng', 'năm', 'từ', 'ai', 'đâu', 'đời', 'chiều', 'xa', 'đêm', 'lớp', 'từng', 'đồng']);

/**
 * Word boundaries as offsets, two per word (start, end), in a buffer kept between calls: a plan has
 * ~5,000 words, and one object and one substring per word were most of this check's cost.
 */
let bounds = new Int32Array(16384);

function pushBounds(count: number, start: number, end: number): void {
  if (count + 2 > bounds.length) {
    const grown = new Int32Array(bounds.length * 2);
    grown.set(bounds);
    bounds = grown;
  }
  bounds[count] = start;
  bounds[count + 1] = end;
}

/**
 * The lowercase of each char below U+2000 that lowercases to one char whatever surrounds it, else 0:
 * ASCII, the Vietnamese letters (Latin-1, Latin Extended-A/B, Latin Extended Additional), Greek,
 * Cyrillic. İ (two chars) and Σ (σ or ς by context) are 0, and so is every char above the table.
 * Built on first use: ~8,000 single-char lowercasings.
 */
let simpleLower: Uint16Array | undefined;

function simpleLowerTable(): Uint16Array {
  const table = new Uint16Array(0x2000);
  for (let code = 1; code < table.length; code++) {
    const lower = String.fromCharCode(code).toLowerCase();
    if (lower.length === 1 && code !== 0x3a3) table[code] = lower.charCodeAt(0);
  }
  return table;
}

/**
 * Case-insensitive equality of `text[aStart, aEnd)` and `text[bStart, bEnd)`, exactly as comparing their
 * `toLowerCase()` would say. Char by char through the table; a char the table does not know (İ, Σ,
 * an emoji) sends the pair through `toLowerCase()` (ICU) as before.
 */
function sameWord(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  const length = aEnd - aStart;
  if (length !== bEnd - bStart) return false;
  const table = (simpleLower ??= simpleLowerTable());
  let unknown = false;
  for (let k = 0; k < length; k++) {
    const a = text.charCodeAt(aStart + k);
    const b = text.charCodeAt(bStart + k);
    if (a === b) {
      if (a >= 0x80 && (a >= 0x2000 || table[a] === 0)) unknown = true;
      continue;
    }
    const lowerA = a < 0x2000 ? table[a] : 0;
    const lowerB = b < 0x2000 ? table[b] : 0;
    if (lowerA === 0 || lowerB === 0) return sameWordSlow(text, aStart, aEnd, bStart, bEnd);
    // The chars before lowercase to equally long strings in both words (equal, or one char each),
    // so the two lowercases line up here, and differ.
    if (lowerA !== lowerB) return false;
  }
  return unknown ? sameWordSlow(text, aStart, aEnd, bStart, bEnd) : true;
}

function sameWordSlow(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return text.slice(aStart, aEnd).toLowerCase() === text.slice(bStart, bEnd).toLowerCase();
}

/** `[ \t\u00a0]*\n?[ \t\u00a0]*`: spaces with at most one line break between two words. */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0xa0) continue;
    if (code === 0x0a && breaks === 0) {
      breaks++;
      continue;
    }
    return false;
  }
  return true;
}

/**
 * duplicate-word: a word or phrase repeated back to back, with only spaces or a line break between
 * ("Thực hiện Thực hiện", "của của"). The fix deletes the repeat and the space before it.
 */
export function extractRepeatedWordFacts(index: TextIndex): Flaggable[] {
  const text = index.text;
  let count = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const separator = isSeparator(text.charCodeAt(i));
    if (!separator) {
      if (start === -1) start = i;
    } else if (start !== -1) {
      pushBounds(count, start, i);
      count += 2;
      start = -1;
    }
  }
  if (start !== -1) {
    pushBounds(count, start, text.length);
    count += 2;
  }
  const words = count >> 1;
  const wordStart = (w: number) => bounds[2 * w];
  const wordEnd = (w: number) => bounds[2 * w + 1];
  const findings: Flaggable[] = [];
  let i = 0;
  while (i < words) {
    let matched = 0;
    for (let n = MAX_PHRASE; n >= 1; n--) {
      if (i + 2 * n > words) continue;
      let same = true;
      for (let k = 0; k < n && same; k++) {
        const a = i + k;
        const b = i + n + k;
        same =
          sameWord(text, wordStart(a), wordEnd(a), wordStart(b), wordEnd(b)) &&
          onlySpaceBetween(text, wordEnd(b - 1), wordStart(b)) &&
          (k === 0 || onlySpaceBetween(text, wordEnd(a - 1), wordStart(a)));
      }
      if (!same) continue;
      const lower = text.slice(wordStart(i), wordEnd(i)).toLowerCase();
      if (n === 1 && (lower.length < 2 || /^\d/.test(lower))) continue;
      if (/^\d+$/.test(lower)) continue;
      if (n === 1 && REDUPLICATIVE.has(lower)) {
        const after = /^\s*(\S)/.exec(text.slice(wordEnd(i + 1), wordEnd(i + 1) + 8));
        if (!after || !/\d/.test(after[1])) continue;
      }
      matched = n;
      break;
    }
    if (matched === 0) {
      i++;
      continue;
    }
    const firstEnd = wordEnd(i + matched - 1);
    const repeatStart = wordStart(i + matched);
    const repeatEnd = wordEnd(i + 2 * matched - 1);
    const phrase = text.slice(repeatStart, repeatEnd);
    findings.push({
      position: index.position(repeatStart, repeatEnd),
      issues: {
        'duplicate-word': {
          messageId: 'repeated',
          data: { phrase },
          fix: index.fix(firstEnd, repeatEnd, ''),
        },
      },
    });
    i += 2 * matched;
  }
  return findings;
}

/** The comparison the fast path must agree with (for tests). */
export const sameWordForTest = { fast: sameWord, slow: sameWordSlow };
