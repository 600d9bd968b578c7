import type { TextIndex } from './text.js';
import type { Flaggable } from './types.js';

/** Characters that end a word: whitespace and punctuation. Scanning by char code is ~5× faster than a \p{L} regex here. */
const SEPARATORS = new Set(' \t\n\r\u00a0.,;:!?()[]{}"\'“”‘’/\\-–—…*•+=<>|#%&@$^~`_'.split('').map((ch) => ch.charCodeAt(0)));
const MAX_PHRASE = 4;
/**
 * Vietnamese reduplications that are words of their own ("người người", "nhà nhà" = everyone, every
 * home). They are repeats only before a number: "ngày ngày 28/7/2022" (seed 003) is a slip.
 */
const REDUPLICATIVE = new Set(['người', 'nhà', 'ngày', 'tháng', 'năm', 'từ', 'ai', 'đâu', 'đời', 'chiều', 'xa', 'đêm', 'lớp', 'từng', 'đồng']);

interface Token {
  start: number;
  end: number;
  raw: string;
}

/** Case-insensitive equality; lowercasing Vietnamese goes through ICU, so only pairs of equal length pay for it. */
function sameWord(a: Token, b: Token): boolean {
  if (a.raw === b.raw) return true;
  return a.raw.length === b.raw.length && a.raw.toLowerCase() === b.raw.toLowerCase();
}

/**
 * duplicate-word: a word or phrase repeated back to back, with only spaces or a line break between
 * ("Thực hiện Thực hiện", "của của"). The fix deletes the repeat and the space before it.
 */
export function extractRepeatedWordFacts(index: TextIndex): Flaggable[] {
  const text = index.text;
  const tokens: Token[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const separator = SEPARATORS.has(code) || (code >= 0xe000 && code <= 0xf8ff);
    if (!separator && start === -1) start = i;
    else if (separator && start !== -1) {
      tokens.push({ start, end: i, raw: text.slice(start, i) });
      start = -1;
    }
  }
  const onlySpaceBetween = (a: Token, b: Token) => /^[ \t\u00a0]*\n?[ \t\u00a0]*$/.test(text.slice(a.end, b.start));
  const findings: Flaggable[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    for (let n = MAX_PHRASE; n >= 1; n--) {
      if (i + 2 * n > tokens.length) continue;
      let same = true;
      for (let k = 0; k < n && same; k++) {
        const a = tokens[i + k];
        const b = tokens[i + n + k];
        same = sameWord(a, b) && onlySpaceBetween(tokens[i + n + k - 1], b) && (k === 0 || onlySpaceBetween(tokens[i + k - 1], a));
      }
      if (!same) continue;
      const first = tokens[i];
      const lower = first.raw.toLowerCase();
      if (n === 1 && (lower.length < 2 || /^\d/.test(lower))) continue;
      if (/^\d+$/.test(lower)) continue;
      if (n === 1 && REDUPLICATIVE.has(lower)) {
        const after = /^\s*(\S)/.exec(text.slice(tokens[i + 1].end, tokens[i + 1].end + 8));
        if (!after || !/\d/.test(after[1])) continue;
      }
      matched = n;
      break;
    }
    if (matched === 0) {
      i++;
      continue;
    }
    const firstEnd = tokens[i + matched - 1].end;
    const repeatStart = tokens[i + matched].start;
    const repeatEnd = tokens[i + 2 * matched - 1].end;
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
