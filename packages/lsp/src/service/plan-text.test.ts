import { describe, expect, it } from 'vitest';
import { formatDate } from '@plan-lint/core';
import { describeDate, epochDay } from './plan-text.js';

describe('dates in hovers and completions', () => {
  it("are written as every other message writes them (core's formatDate): dd/mm/yyyy", () => {
    expect(formatDate('2021-12-28')).toBe('28/12/2021');
    expect(formatDate('2021-03-03')).toBe('03/03/2021');
    expect(formatDate('2024-06')).toBe('06/2024');
    expect(formatDate('--11-15')).toBe('15/11');
    expect(formatDate(undefined)).toBe('');
  });
  it('describeDate writes a whole date so, and a partial one as written', () => {
    expect(describeDate({ type: 'date', day: 5, month: 3, year: 2024, iso: '2024-03-05', raw: '5/3/2024', valid: true })).toBe('05/03/2024');
    expect(describeDate({ type: 'date', month: 3, year: 2024, iso: '2024-03', raw: 'tháng 3/2024', valid: true })).toBe('tháng 3/2024');
  });
});

describe('epochDay', () => {
  const date = (day: number | undefined, month: number, year?: number) => ({ type: 'date' as const, day, month, year, iso: '', raw: '', valid: true });
  it('counts days between dates, a month without a day as its last day', () => {
    expect(epochDay(date(10, 6, 2024))! - epochDay(date(5, 6, 2024))!).toBe(5);
    expect(epochDay(date(undefined, 2, 2024))! - epochDay(date(1, 2, 2024))!).toBe(28);
    expect(epochDay(date(1, 3), 2024)! - epochDay(date(28, 2, 2024))!).toBe(2);
    expect(epochDay(date(1, 3))).toBeUndefined();
  });
});
