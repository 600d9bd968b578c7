import { startsBetween } from './blocks.js';
import type { TextIndex } from './text.js';
import type { RepeatedWordFact } from './types.js';
import { MAX_WORD_SYLLABLES, syllableKey, wordLookup, type WordLookup } from './vietnamese-words.js';

/** Characters that end a word: whitespace and punctuation. */
const SEPARATOR_CHARS = ' \t\n\r\u00a0.,;:!?()[]{}"\'“”‘’/\\-–—…*•+=<>|#%&@$^~`_';
/**
 * Separator lookup by char code, one entry per UTF-16 unit (64 KB), so that the scan over every
 * character of the plan is a single table read with no range test (a Set lookup cost 3× as much).
 */
const SEPARATOR = new Uint8Array(0x10000);
for (const ch of SEPARATOR_CHARS) SEPARATOR[ch.charCodeAt(0)] = 1;
// Private-use characters (an export's icon fonts) end a word too.
SEPARATOR.fill(1, 0xe000, 0xf8ff + 1);

const MAX_PHRASE = 4;
/**
 * Vietnamese reduplications that are words of their own ("người người", "nhà nhà" = everyone, every
 * home). They are repeats only before a number: "ngày ngày 28/7/2022" (seed 003) is a slip.
 */
const REDUPLICATIVE = new Set(['người', 'nhà', 'ngày', 'tháng', 'năm', 'từ', 'ai', 'đâu', 'đời', 'chiều', 'xa', 'đêm', 'lớp', 'từng', 'đồng']);
const REDUPLICATIVE_KEYS = new Set([...REDUPLICATIVE].map((word) => syllableKey(word)));
/** `lại` after a verb: the verb done again (`tổ chức lại`, `kiểm tra lại`). */
const AGAIN_KEY = syllableKey('lại');

/**
 * The words of the plan being checked, in buffers kept between calls (a plan has ~5,000 words; one
 * object and one substring per word were most of this check's cost): where each starts and ends, and
 * a key that tells most unequal neighbours apart with one comparison (see wordKey).
 */
let wordStarts = new Int32Array(8192);
let wordEnds = new Int32Array(8192);
let wordKeys = new Int32Array(8192);
/** Word boundaries of the plan being checked (see extractRepeatedWordFacts): up to one per char. */
let wordBoundaries = new Int32Array(1 << 16);

/** Follows the last word's key, MAX_PHRASE times, so that looking ahead needs no bounds check: no word's key. */
const NO_WORD = -1;

function ensureCapacity(count: number): void {
  if (count <= wordStarts.length) return;
  const grow = (from: Int32Array) => {
    const grown = new Int32Array(Math.max(count, from.length * 2));
    grown.set(from);
    return grown;
  };
  wordStarts = grow(wordStarts);
  wordEnds = grow(wordEnds);
  wordKeys = grow(wordKeys);
}

/**
 * The word's length (capped) and the first UTF-16 unit of its lowercase: two words of equal lowercase
 * and length have equal keys, so unequal keys prove them different. (Lowercasing maps each code point
 * on its own, Σ aside, and Σ first in a word is σ, as it is alone.)
 */
function wordKey(text: string, start: number, end: number, table: Uint16Array): number {
  const first = text.charCodeAt(start);
  let lower = first < table.length ? table[first] : 0;
  if (lower === 0) lower = String.fromCodePoint(text.codePointAt(start)!).toLowerCase().charCodeAt(0);
  return (Math.min(end - start, 0x7fff) << 16) | lower;
}

/**
 * The lowercase of each char below U+2000 that lowercases to one char whatever surrounds it, else 0:
 * ASCII, the Vietnamese letters (Latin-1, Latin Extended-A/B, Latin Extended Additional), Greek,
 * Cyrillic. İ (two chars) and Σ (σ or ς by context) are 0, and so is every char above the table.
 * Built on first use: ~8,000 single-char lowercasings.
 */
let simpleLower: Uint16Array | undefined;

function lowerTable(): Uint16Array {
  if (simpleLower) return simpleLower;
  const table = new Uint16Array(0x2000);
  for (let code = 1; code < table.length; code++) {
    const lower = String.fromCharCode(code).toLowerCase();
    if (lower.length === 1 && code !== 0x3a3) table[code] = lower.charCodeAt(0);
  }
  return (simpleLower = table);
}

/**
 * Case-insensitive equality of `text[aStart, aEnd)` and `text[bStart, bEnd)`, exactly as comparing their
 * `toLowerCase()` would say. Char by char through the table; a char the table does not know (İ, Σ,
 * an emoji) sends the pair through `toLowerCase()` (ICU) as before.
 */
function sameWord(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  const length = aEnd - aStart;
  if (length !== bEnd - bStart) return false;
  const table = lowerTable();
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

/** `[ \t]*,[ \t]*`: one comma between two words on a line. */
function commaBetween(text: string, from: number, to: number): boolean {
  let commas = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0xa0) continue;
    if (code === 0x2c && commas === 0) {
      commas++;
      continue;
    }
    return false;
  }
  return commas === 1;
}

/**
 * Function words (conjunctions, prepositions, particles, modal verbs): a repeat of one is a slip even
 * where the dictionary cannot say so ("của của", "với với", "và và"). Not "được", "bị", "có" or the
 * directional verbs: "người nhặt được được hưởng", "thiết bị bị hư hỏng" are correct.
 */
const FUNCTION_WORDS = new Set(
  ['của', 'và', 'với', 'cho', 'các', 'những', 'là', 'trong', 'theo', 'để', 'tại', 'về', 'đã', 'sẽ', 'đang', 'thì', 'mà', 'nhưng', 'hoặc', 'hay', 'này', 'đó', 'ở', 'đến', 'tới', 'bằng', 'nên', 'vì', 'do', 'nếu', 'như', 'cũng', 'vẫn', 'rất', 'đều', 'sự', 'việc', 'nhằm', 'mọi', 'mỗi', 'khi', 'bởi', 'tuy', 'thuộc', 'giữa', 'phải', 'cần', 'chưa'].map(
    (word) => syllableKey(word),
  ),
);

/** How sure a repeat is a slip: not one at all (words that share a syllable, or idiomatic), certain (fixed automatically), or a suggestion. */
type Verdict = 'word' | 'certain' | 'maybe';

/**
 * Judges the repeat of `n` words at `i` (found by the scan) with the dictionary. A single syllable
 * repeated where it closes a word on the left and opens one on the right is two words ("học sinh
 * sinh hoạt", "Ban giám hiệu hiệu trưởng"), and so is a reduplication the dictionary lists ("năm
 * năm", "người người"). With a word on one side only the dictionary cannot tell: in the laws both
 * "trực tiếp tiếp người đại diện" (correct) and "kết quả quả đánh giá" (a slip) occur, so that is a
 * suggestion. Only a repeat the dictionary settles is certain: a multi-syllable dictionary word
 * ("Thực hiện Thực hiện"), a function word with no word on either side ("của của"), a reduplication
 * before a number ("ngày ngày 28/7/2022"). Every other repeat is a suggestion, never an automatic fix.
 */
function judgeRepeat(
  text: string,
  i: number,
  n: number,
  words: number,
  keyOf: (word: number) => string,
  spaceBefore: (word: number) => boolean,
  starts: Int32Array,
  ends: Int32Array,
): Verdict {
  const lookup = wordLookup();
  if (n >= 2) {
    if (!lookup) return 'maybe';
    const keys: string[] = [];
    for (let k = 0; k < n; k++) keys.push(keyOf(i + k));
    return lookup.isWord(keys) ? 'certain' : 'maybe';
  }
  const key = keyOf(i);
  const beforeNumber = /^\s*\d/.test(text.slice(ends[i + 1], ends[i + 1] + 8));
  // The scan lets the listed reduplications through only before a number.
  if (REDUPLICATIVE_KEYS.has(key)) return 'certain';
  // A lowercase syllable then the same one capitalised: a name begins ("Trưởng phòng Phòng Giáo dục",
  // "tại trụ sở Sở Tư pháp").
  if (isLowerStart(text, starts[i]) && isUpperStart(text, starts[i + 1])) return 'word';
  if (!lookup) return 'maybe';
  // The list's reduplications ("người người", "năm năm"), but not of a function word ("là là", "này này").
  if (!FUNCTION_WORDS.has(key) && lookup.isWord([key, key])) return beforeNumber ? 'certain' : 'word';
  const left = closesWord(lookup, i, keyOf, spaceBefore);
  const right = opensWord(lookup, i + 1, words, keyOf, spaceBefore);
  if (left && right) return 'word';
  if (!left && !right && FUNCTION_WORDS.has(key)) return 'certain';
  return 'maybe';
}

function isLowerStart(text: string, at: number): boolean {
  const first = String.fromCodePoint(text.codePointAt(at)!);
  return first !== first.toUpperCase();
}

function isUpperStart(text: string, at: number): boolean {
  const first = String.fromCodePoint(text.codePointAt(at)!);
  return first !== first.toLowerCase();
}

/** Whether word `last` ends a dictionary word of 2-4 syllables written with spaces only between them. */
function closesWord(lookup: WordLookup, last: number, keyOf: (word: number) => string, spaceBefore: (word: number) => boolean): boolean {
  const keys = [keyOf(last)];
  for (let first = last - 1; first >= 0 && keys.length < MAX_WORD_SYLLABLES && spaceBefore(first + 1); first--) {
    keys.unshift(keyOf(first));
    if (lookup.isWord(keys)) return true;
  }
  return false;
}

/** Whether word `first` opens a dictionary word of 2-4 syllables written with spaces only between them. */
function opensWord(lookup: WordLookup, first: number, words: number, keyOf: (word: number) => string, spaceBefore: (word: number) => boolean): boolean {
  const keys = [keyOf(first)];
  for (let last = first + 1; last < words && keys.length < MAX_WORD_SYLLABLES && spaceBefore(last); last++) {
    keys.push(keyOf(last));
    if (lookup.isWord(keys)) return true;
  }
  return false;
}

/**
 * Every word or phrase written twice back to back, with only spaces or a line break between ("Thực
 * hiện Thực hiện", "của của"), with the dictionary's opinion (judgeRepeat): two words sharing a
 * syllable, a slip, or unsure. duplicate-word judges; the edit deletes the repeat and the space before it.
 */
export function extractRepeatedWordFacts(index: TextIndex, blockStarts: Int32Array): RepeatedWordFact[] {
  const text = index.text;
  const table = lowerTable();
  const length = text.length;
  // Where words start and end, in one pass with no branch per char (a branch at each word's start
  // and end was mispredicted often enough to cost a third of the scan): every char's offset is
  // written, and kept (the count moves on) only where separator-ness changes. So the boundaries
  // alternate: a word's start, its end, the next word's start…
  if (wordBoundaries.length < length + 2) wordBoundaries = new Int32Array(length + 2);
  const boundaries = wordBoundaries;
  const separator = SEPARATOR;
  let count = 0;
  let previous = 1; // Before the text, as after a separator.
  for (let at = 0; at < length; at++) {
    const current = separator[text.charCodeAt(at)];
    boundaries[count] = at;
    count += previous ^ current;
    previous = current;
  }
  if (previous === 0) boundaries[count++] = length;
  const words = count >> 1;
  ensureCapacity(words + 1 + MAX_PHRASE);
  // Locals, not the module's buffers: these loops run ~4 times per word.
  const starts = wordStarts;
  const ends = wordEnds;
  const keys = wordKeys;
  for (let word = 0; word < words; word++) {
    const start = boundaries[2 * word];
    const end = boundaries[2 * word + 1];
    starts[word] = start;
    ends[word] = end;
    keys[word] = wordKey(text, start, end, table);
  }
  for (let k = 0; k < MAX_PHRASE; k++) keys[words + k] = NO_WORD;
  const same = (a: number, b: number) => keys[a] === keys[b] && sameWord(text, starts[a], ends[a], starts[b], ends[b]);
  const spaceBefore = (w: number) => onlySpaceBetween(text, ends[w - 1], starts[w]);
  const commaBefore = (w: number) => commaBetween(text, ends[w - 1], starts[w]);
  const keyOf = (w: number) => syllableKey(text.slice(starts[w], ends[w]));
  const findings: RepeatedWordFact[] = [];
  let i = 0;
  while (i < words) {
    const key = keys[i];
    // Most words: none of the next MAX_PHRASE (4) words can be the same word (the NO_WORD keys end the list).
    if (key !== keys[i + 1] && key !== keys[i + 2] && key !== keys[i + 3] && key !== keys[i + 4]) {
      i++;
      continue;
    }
    let matched = 0;
    for (let n = Math.min(MAX_PHRASE, (words - i) >> 1); n >= 1; n--) {
      // The phrase of n words at i, then again at i + n, with only spaces (one line break) between words.
      let repeated = true;
      // A comma may part a phrase of two syllables or more from its repeat (`đơn vị, đơn vị`, seed 003),
      // never the words of a phrase; one syllable each side of a comma ends one word and starts the
      // next (`bình đẳng giới, giới tính`).
      for (let k = 0; k < n && repeated; k++) {
        repeated = same(i + k, i + n + k) && (spaceBefore(i + n + k) || (k === 0 && n >= 2 && commaBefore(i + n))) && (k === 0 || spaceBefore(i + k));
      }
      if (!repeated) continue;
      const lower = text.slice(starts[i], ends[i]).toLowerCase();
      if (n === 1 && (lower.length < 2 || /^\d/.test(lower))) continue;
      if (/^\d+$/.test(lower)) continue;
      if (n === 1 && REDUPLICATIVE.has(lower)) {
        const after = /^\s*(\S)/.exec(text.slice(ends[i + 1], ends[i + 1] + 8));
        if (!after || !/\d/.test(after[1])) continue;
      }
      matched = n;
      break;
    }
    // A heading and the paragraph under it, or two paragraphs, say a word each ("III. KINH PHÍ" then
    // "Kinh phí thực hiện …", with no blank line in a PDF's text): not a repeat.
    if (matched === 0 || startsBetween(blockStarts, starts[i], ends[i + 2 * matched - 1] - 1)) {
      i++;
      continue;
    }
    const firstEnd = ends[i + matched - 1];
    const repeatStart = starts[i + matched];
    const repeatEnd = ends[i + 2 * matched - 1];
    const phrase = text.slice(repeatStart, repeatEnd);
    // Parted by a comma, a repeat may be meant (`từng bước, từng bước`): only ever a suggestion; and
    // `tổ chức, tổ chức lại` (a verb, then the verb again with `lại`, "re-") says two things.
    const byComma = !spaceBefore(i + matched);
    if (byComma && i + 2 * matched < words && spaceBefore(i + 2 * matched) && keyOf(i + 2 * matched) === AGAIN_KEY) {
      i++;
      continue;
    }
    // Items of a list that share words: `trung học phổ thông, phổ thông dân tộc nội trú` (the first ends a
    // longer word), `giáo dục giới, giáo dục giới tính` (the second runs into one). A slip repeats a whole
    // phrase (`các đơn vị, đơn vị, trường học`).
    const lookup = byComma ? wordLookup() : undefined;
    if (lookup && (wordEndingBefore(lookup, i, i + matched - 1, keyOf, spaceBefore) || wordRunningPast(lookup, i + matched, i + 2 * matched - 1, words, keyOf, spaceBefore))) {
      i++;
      continue;
    }
    const judged = judgeRepeat(text, i, matched, words, keyOf, spaceBefore, starts, ends);
    const opinion = byComma && judged === 'certain' ? 'maybe' : judged;
    const fix = index.fix(firstEnd, repeatEnd, '');
    findings.push({
      phrase,
      dictionary: opinion === 'word' ? 'word' : opinion === 'certain' ? 'slip' : 'unsure',
      position: index.position(repeatStart, repeatEnd),
      fix,
      suggestions: [{ messageId: 'deleteRepeat', data: { phrase }, fix }],
    });
    if (opinion === 'word') {
      // Two words sharing a syllable: the second may start the next repeat.
      i += matched;
      continue;
    }
    i += 2 * matched;
  }
  return findings;
}

/** Whether a dictionary word of 2-4 syllables ends at word `last` and starts before word `first`. */
function wordEndingBefore(lookup: WordLookup, first: number, last: number, keyOf: (word: number) => string, spaceBefore: (word: number) => boolean): boolean {
  for (let start = first - 1; start >= 0 && last - start < MAX_WORD_SYLLABLES && spaceBefore(start + 1); start--) {
    const keys: string[] = [];
    for (let k = start; k <= last; k++) keys.push(keyOf(k));
    if (lookup.isWord(keys)) return true;
  }
  return false;
}

/** Whether a dictionary word of 2-4 syllables starts among words `[first, last]` and runs past `last`. */
function wordRunningPast(lookup: WordLookup, first: number, last: number, words: number, keyOf: (word: number) => string, spaceBefore: (word: number) => boolean): boolean {
  for (let start = Math.max(first, last - MAX_WORD_SYLLABLES + 2); start <= last; start++) {
    for (let end = last + 1; end < words && end - start < MAX_WORD_SYLLABLES && spaceBefore(end); end++) {
      const keys: string[] = [];
      for (let k = start; k <= end; k++) keys.push(keyOf(k));
      if (lookup.isWord(keys)) return true;
    }
  }
  return false;
}

/** The comparison the fast path must agree with (for tests). */
export const sameWordForTest = { fast: sameWord, slow: sameWordSlow, key: (text: string, start: number, end: number) => wordKey(text, start, end, lowerTable()) };
