import { describe, expect, it } from 'vitest';
import { PROGRESS_MIN_FILES, ProgressBar } from './progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, columns: 60, write: (chunk: string) => written.push(chunk) } as unknown as NodeJS.WriteStream, written };
}

describe('ProgressBar', () => {
  it('shows only on a terminal and for many files', () => {
    const saved = process.env.CI;
    delete process.env.CI;
    expect(ProgressBar.shouldShow(PROGRESS_MIN_FILES, fakeStream(true).stream)).toBe(true);
    expect(ProgressBar.shouldShow(PROGRESS_MIN_FILES - 1, fakeStream(true).stream)).toBe(false);
    expect(ProgressBar.shouldShow(1000, fakeStream(false).stream)).toBe(false);
    process.env.CI = 'true';
    expect(ProgressBar.shouldShow(1000, fakeStream(true).stream)).toBe(false);
    if (saved === undefined) delete process.env.CI;
    else process.env.CI = saved;
  });

  it('redraws one line and clears it at the end', () => {
    const { stream, written } = fakeStream(true);
    const bar = new ProgressBar(2, stream);
    bar.tick('a.md');
    bar.tick('plans/b.md');
    bar.finish();
    expect(written[0]).toBe(`\r\u001b[2K[${'='.repeat(15)}${' '.repeat(15)}] 1/2 a.md`);
    expect(written[written.length - 2]).toBe(`\r\u001b[2K[${'='.repeat(30)}] 2/2 plans/b.md`);
    expect(written[written.length - 1]).toBe('\r\u001b[2K');
  });
});
