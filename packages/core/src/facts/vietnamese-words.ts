import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A dictionary of Vietnamese words, asked whether a few syllables make one word ("học sinh",
 * "giám hiệu"). The word list is Hồ Ngọc Đức's (GPL), shipped as data in its own package
 * (@plan-lint/dict-vi); scripts/build-dictionary.mjs turns it at build time into sorted 32-bit hashes
 * of the keys below, read here on first use (only when a plan repeats a syllable) with no parsing.
 */

/** Tone marks as NFD writes them (grave, acute, tilde, hook, dot below), and the digit each becomes. */
const TONE_DIGIT: Record<string, string> = { '\u0300': '2', '\u0301': '1', '\u0303': '4', '\u0309': '3', '\u0323': '5' };
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * The comparison key of one syllable: lowercase, the tone taken off its vowel and written as a digit
 * at the end, so that "hoà" and "hòa", "thuỷ" and "thủy", precomposed or combining, have one key.
 */
export function syllableKey(syllable: string): string {
  const decomposed = syllable.toLowerCase().normalize('NFD');
  let tone = '';
  const bare = decomposed.replace(TONE_MARKS, (mark) => {
    tone = TONE_DIGIT[mark];
    return '';
  });
  return bare.normalize('NFC') + tone;
}

/** FNV-1a over the UTF-16 units of the syllable keys joined by spaces. The build script uses it too. */
export function phraseHash(keys: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < keys.length; k++) {
    if (k > 0) hash = Math.imul(hash ^ 0x20, 0x01000193);
    const key = keys[k];
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

/** The lookup file's layout: magic, version, counts, then the two sorted hash arrays. */
export const LOOKUP_MAGIC = 0x57564c50; // "PLVW" little-endian
export const LOOKUP_VERSION = 1;
/** Entries longer than this are not asked for (a repeat's neighbours are looked at up to 4 syllables). */
export const MAX_WORD_SYLLABLES = 4;

export interface WordLookup {
  /** Two to four syllable keys that are one dictionary word (or a set phrase the list has). */
  isWord(keys: readonly string[]): boolean;
  /** A syllable that is a common word on its own (the list's 11,000 most common words). */
  isCommonSyllable(key: string): boolean;
}

function contains(sorted: Uint32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = sorted[middle];
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Reads a lookup file's bytes; throws on a file that is not one. */
export function parseWordLookup(bytes: Uint8Array): WordLookup {
  // Uint32Array needs an aligned offset; a small file read by Node may sit inside a shared pool.
  const own = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const header = new Uint32Array(own.buffer, own.byteOffset, 4);
  if (own.byteLength < 16 || header[0] !== LOOKUP_MAGIC || header[1] !== LOOKUP_VERSION) throw new Error('not a plan-lint word lookup (or another version)');
  const words = header[2];
  const singles = header[3];
  if (own.byteLength !== 16 + 4 * (words + singles)) throw new Error('word lookup: truncated');
  const wordHashes = new Uint32Array(own.buffer, own.byteOffset + 16, words);
  const singleHashes = new Uint32Array(own.buffer, own.byteOffset + 16 + 4 * words, singles);
  return {
    isWord: (keys) => keys.length >= 2 && keys.length <= MAX_WORD_SYLLABLES && contains(wordHashes, phraseHash(keys)),
    isCommonSyllable: (key) => contains(singleHashes, phraseHash([key])),
  };
}

const LOOKUP_FILE = 'vi-words.bin';

/** Where the built lookup is: the data package as installed, else the repository's packages/dict-vi (or a copy beside a bundle). */
function findLookupFile(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(`@plan-lint/dict-vi/dist/${LOOKUP_FILE}`);
  } catch {
    // Not installed as a package (a bundle copied elsewhere): look upward.
  }
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [path.join(dir, 'packages', 'dict-vi', 'dist', LOOKUP_FILE), path.join(dir, 'dict-vi', 'dist', LOOKUP_FILE)]) {
      if (existsSync(candidate)) return candidate;
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

let loaded: WordLookup | null | undefined;

/**
 * The dictionary, read once on first use; null when the data package is missing or unreadable, in
 * which case callers decide nothing automatically that needs it.
 */
export function wordLookup(): WordLookup | null {
  if (loaded !== undefined) return loaded;
  try {
    const file = findLookupFile();
    loaded = file ? parseWordLookup(readFileSync(file)) : null;
  } catch {
    loaded = null;
  }
  return loaded;
}

/** For tests: use this lookup (or none) instead of the installed one; undefined goes back to it. */
export function setWordLookupForTest(lookup: WordLookup | null | undefined): void {
  loaded = lookup;
}
