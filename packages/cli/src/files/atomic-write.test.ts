import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeFileAtomic } from './atomic-write.js';

describe('writeFileAtomic', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-atomic-'));

  test('a string longer than one chunk is written as the UTF-8 Buffer.from gives, pairs kept whole', async () => {
    // A surrogate pair (an emoji) straddles the 1 Mi-unit chunk boundary; Vietnamese fills the rest.
    const text = 'ế'.repeat((1 << 20) - 1) + '😀' + 'Kế hoạch\n'.repeat(50_000) + '\ud800 lone';
    const file = path.join(dir, 'report.json');
    await writeFileAtomic(file, text);
    expect(readFileSync(file).equals(Buffer.from(text))).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('pieces are written as their concatenation, even a surrogate pair split between two', async () => {
    const pieces = ['[', 'Kế hoạch'.repeat(300_000), '\ud83d', '\ude00', '', 'ạ\ud83d', '\ude00]', '\ud800'];
    const file = path.join(dir, 'pieces.json');
    await writeFileAtomic(file, pieces);
    expect(readFileSync(file).equals(Buffer.from(pieces.join('')))).toBe(true);
  });

  test('an empty string makes an empty file', async () => {
    const file = path.join(dir, 'empty.txt');
    await writeFileAtomic(file, '');
    expect(readFileSync(file).length).toBe(0);
  });
});
