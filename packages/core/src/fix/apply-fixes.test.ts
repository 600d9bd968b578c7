import { describe, expect, it } from 'vitest';
import { applyFixes } from './apply-fixes.js';

describe('applyFixes', () => {
  it('applies sorted, non-overlapping fixes and copies everything else', () => {
    const original = 'Thực hiện Thực hiện Nghị quyết 28/NĐ-CP';
    const result = applyFixes(original, [
      { range: [34, 36], text: 'NQ' },
      { range: [9, 19], text: '' },
    ]);
    expect(result.output).toBe('Thực hiện Nghị quyết 28/NQ-CP');
    expect(result.applied.map((fix) => fix.range[0])).toEqual([9, 34]);
  });

  it('skips a fix that overlaps or touches one already taken, as ESLint does', () => {
    const result = applyFixes('abcdef', [
      { range: [1, 3], text: 'X' },
      { range: [2, 4], text: 'Y' },
      { range: [3, 3], text: 'Z' },
      { range: [5, 6], text: 'W' },
    ]);
    expect(result.output).toBe('aXdeW');
    expect(result.applied).toHaveLength(2);
  });

  it('ignores fixes outside the text and fixes that change nothing', () => {
    const result = applyFixes('abc', [
      { range: [2, 9], text: '' },
      { range: [0, 1], text: 'a' },
    ]);
    expect(result.output).toBe('abc');
    expect(result.applied).toEqual([]);
  });

  it('keeps CRLF line ends and NFD text outside the fixed range', () => {
    const original = 'Lưu : VT.\r\nHIE\u0302\u0323U TRƯỞNG\r\n';
    const result = applyFixes(original, [{ range: [0, 8], text: 'Lưu: VT' }]);
    expect(result.output).toBe('Lưu: VT.\r\nHIE\u0302\u0323U TRƯỞNG\r\n');
  });
});
