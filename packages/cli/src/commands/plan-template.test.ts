import { describe, expect, it } from 'vitest';
import { vietnameseDateLine } from './plan-template.js';

describe('vietnameseDateLine (Nghị định 30/2020, Phụ lục I, II.4)', () => {
  it.each([
    [new Date(2026, 0, 6), 'ngày 06 tháng 01 năm 2026'],
    [new Date(2026, 1, 9), 'ngày 09 tháng 02 năm 2026'],
    [new Date(2026, 2, 5), 'ngày 05 tháng 3 năm 2026'],
    [new Date(2026, 5, 29), 'ngày 29 tháng 6 năm 2026'],
    [new Date(2026, 11, 10), 'ngày 10 tháng 12 năm 2026'],
  ])('%s → %s: a leading zero for days below 10 and months 1 and 2 only', (date, expected) => {
    expect(vietnameseDateLine(date)).toBe(expected);
  });
});
