import { describe, expect, it } from 'vitest';
import { epochDay, formatVietnameseDate } from './plan-text.js';

describe('formatVietnameseDate', () => {
  it('pads days below 10 and months 1 and 2 only (Nghị định 30/2020, Phụ lục I, II.4)', () => {
    expect(formatVietnameseDate('2021-12-28')).toBe('28/12/2021');
    expect(formatVietnameseDate('2021-03-03')).toBe('03/3/2021');
    expect(formatVietnameseDate('2022-01-26')).toBe('26/01/2022');
    expect(formatVietnameseDate('2024-02-05')).toBe('05/02/2024');
    expect(formatVietnameseDate('2024-06')).toBe('2024-06');
    expect(formatVietnameseDate(undefined)).toBeUndefined();
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
