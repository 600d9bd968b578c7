import { describe, expect, test } from 'vitest';
import { normalizeWithMap } from './source-text.js';

const COMBINING = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;

/** The one-character-at-a-time version that normalizeWithMap replaced: the reference it must match. */
function referenceNormalizeWithMap(original: string): { text: string; map: number[] } {
  const parts: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < original.length) {
    const ch = original.charCodeAt(i);
    if (ch === 13) {
      parts.push('\n');
      map.push(i);
      i += original.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    let end = i + 1;
    if (ch >= 0xd800 && ch <= 0xdbff && end < original.length) end++;
    while (end < original.length && COMBINING.test(original[end])) end++;
    const cluster = original.slice(i, end);
    const composed = end - i > 1 ? cluster.normalize('NFC') : cluster;
    parts.push(composed);
    for (let k = 0; k < composed.length; k++) map.push(k === 0 ? i : Math.min(i + k, end - 1));
    i = end;
  }
  map.push(original.length);
  return { text: parts.join(''), map };
}

function check(original: string) {
  const fast = normalizeWithMap(original);
  const reference = referenceNormalizeWithMap(original);
  expect(fast.text).toBe(reference.text);
  expect(Array.from(fast.map)).toEqual(reference.map);
}

// Characters that exercise every branch: CR/LF, marks of each range, surrogate pairs and lone
// surrogates, a composition exclusion that NFC lengthens (U+0958), a CJK compatibility ideograph
// that NFC replaces (U+2F800), Vietnamese letters in NFC and NFD.
const PIECES = [
  'a', 'K', ' ', '\n', '\r', '\r\n', '\u0301', '\u0323', '\u0302', '\u1dc4', '\u20d7', '\ufe20',
  '\ud83d\ude00', '\ud83d', '\ude00', '\u0958', '\ud87e\udc00', 'ế', 'ế'.normalize('NFD'), 'ạ', 'Đ', '\u212b', '\u034f',
];

describe('normalizeWithMap', () => {
  test('matches the character-by-character reference on hand-picked cases', () => {
    for (const text of ['', 'abc', '\u0301', '\u0301\u0301a', 'a\r\u0301b', 'a\r\n\u0301', '\ud83d\u0301', '\ud83d\r\n', '\ud83d', 'x\u0958\u0301y', 'Kế hoạch'.normalize('NFD') + '\r\n']) {
      check(text);
    }
  });

  test('matches the reference on random mixes of marks, line ends and surrogates', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const length = Math.floor(random() * 24);
      for (let k = 0; k < length; k++) text += PIECES[Math.floor(random() * PIECES.length)];
      check(text);
    }
  });

  test('an NFD Vietnamese line becomes NFC with offsets into the original', () => {
    const original = 'Kế hoạch'.normalize('NFD');
    const { text, map } = normalizeWithMap(original);
    expect(text).toBe('Kế hoạch');
    expect(original.slice(map[text.indexOf('h')], map[text.length])).toBe('hoạch'.normalize('NFD'));
  });
});
