// Builds packages/dict-vi/dist/vi-words.bin, the word lookup that duplicate-word reads (core's
// facts/vietnamese-words.ts), from the word lists in packages/dict-vi/words/: sorted 32-bit hashes of
// every 2-4 syllable entry, and of the single-syllable entries of the common-word list. Done at build
// time so that a plan-lint start parses nothing: the file is read as one typed array on first use.
// Runs after tsc (it uses core's built key function, so that build and run time cannot disagree).
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dataDir = path.join(root, 'packages/dict-vi');
const out = path.join(dataDir, 'dist/vi-words.bin');
const keysModule = path.join(root, 'packages/core/dist/facts/vietnamese-words.js');
const inputs = [path.join(dataDir, 'words/Viet74K.txt'), path.join(dataDir, 'words/Viet11K.txt'), keysModule, fileURLToPath(import.meta.url)];

const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};
if (mtime(out) > Math.max(...inputs.map(mtime))) process.exit(0);

const { LOOKUP_MAGIC, LOOKUP_VERSION, MAX_WORD_SYLLABLES, phraseHash, syllableKey } = await import(keysModule);

/** An entry's syllables: split at spaces and hyphens ("a-đam"); entries with anything but letters (proverbs with commas, "dại3 (bệnh)") are left out. */
function syllables(entry) {
  const trimmed = entry.trim();
  if (!trimmed || /[^\p{L}\p{M} -]/u.test(trimmed)) return [];
  return trimmed.split(/[ -]+/).filter(Boolean).map(syllableKey);
}

const words = new Set();
for (const line of readFileSync(inputs[0], 'utf8').split('\n')) {
  const keys = syllables(line);
  if (keys.length >= 2 && keys.length <= MAX_WORD_SYLLABLES) words.add(phraseHash(keys));
}
const singles = new Set();
for (const line of readFileSync(inputs[1], 'utf8').split('\n')) {
  const keys = syllables(line);
  if (keys.length === 1) singles.add(phraseHash(keys));
}
const sorted = (set) => Uint32Array.from(set).sort();
const wordHashes = sorted(words);
const singleHashes = sorted(singles);
const file = new Uint32Array(4 + wordHashes.length + singleHashes.length);
file.set([LOOKUP_MAGIC, LOOKUP_VERSION, wordHashes.length, singleHashes.length]);
file.set(wordHashes, 4);
file.set(singleHashes, 4 + wordHashes.length);
mkdirSync(path.dirname(out), { recursive: true });
// The lookup is little-endian, as every platform Node runs on here.
writeFileSync(out, new Uint8Array(file.buffer));
