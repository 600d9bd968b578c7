// Dates whose day and month are spelled out read as the dates in figures they say, mapped back to
// the words; numbers in words elsewhere stay text.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../parse/index.js';
import { createSourceText } from './source-text.js';
import { numberInWords, withSpelledDatesRead } from './spelled-dates.js';

const UNITS = ['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** 1–31 in words as Vietnamese says them: `mười lăm`, `hai mươi mốt`, `hai mươi tư`. */
function inWords(value: number): string {
  if (value < 10) return UNITS[value - 1];
  if (value === 10) return 'mười';
  if (value < 20) return `mười ${value === 15 ? 'lăm' : UNITS[value - 11]}`;
  const tens = value < 30 ? 'hai mươi' : 'ba mươi';
  const unit = value % 10;
  if (unit === 0) return tens;
  return `${tens} ${unit === 1 ? 'mốt' : unit === 4 ? 'tư' : unit === 5 ? 'lăm' : UNITS[unit - 1]}`;
}

describe('numbers in words', () => {
  it('read 1–31 as they are said', () => {
    for (let value = 1; value <= 31; value++) expect([inWords(value), numberInWords(inWords(value))]).toEqual([inWords(value), value]);
    expect(numberInWords('hai mươi bốn')).toBe(24);
    expect(numberInWords('Mười Hai')).toBe(12);
  });

  it('are no day when they are not said so', () => {
    for (const words of ['mười năm', 'mốt', 'lăm', 'hai mươi một', 'ba mươi hai', 'mười mười', 'hai ba', 'hai mươi lăm sáu']) expect([words, numberInWords(words)]).toEqual([words, undefined]);
  });
});

describe('spelled-out dates', () => {
  const read = (text: string) => withSpelledDatesRead(createSourceText(text)).text;

  it('read as figures: a day and month, a month and year, after `mồng`', () => {
    expect(read('từ ngày mười lăm tháng mười một đến ngày mười lăm tháng mười hai năm 2027.')).toBe('từ ngày 15 tháng 11 đến ngày 15 tháng 12 năm 2027.');
    expect(read('Ngày hai mươi mốt tháng 6 năm 2027; tháng mười hai năm 2027; ngày mồng năm tháng năm năm 2027')).toBe(
      'Ngày 21 tháng 6 năm 2027; tháng 12 năm 2027; ngày 5 tháng 5 năm 2027',
    );
  });

  it('map back to the words', () => {
    const text = 'Báo cáo trước ngày hai mươi tám tháng mười hai năm 2027.';
    const source = withSpelledDatesRead(createSourceText(text));
    const start = source.text.indexOf('28');
    const position = source.positionOf(start, source.text.indexOf(' năm 2027'));
    expect(text.slice(position.start.offset, position.end.offset)).toBe('hai mươi tám tháng mười hai');
  });

  it('leave numbers in words elsewhere, and impossible dates, alone', () => {
    for (const text of ['Mỗi ngày hai buổi; năm học 2027 - 2028; mười lăm học sinh.', 'ngày ba mươi hai tháng mười', 'ngày mồng mười lăm tháng sáu', 'tháng mười ba năm 2027', 'ngày mười lăm tháng mười ba']) {
      const source = createSourceText(text);
      expect(withSpelledDatesRead(source)).toBe(source);
    }
  });

  it('give a plan the deadlines and month its figures give', () => {
    const plan = (month: string, due: string) =>
      parsePlan(
        [
          'KẾ HOẠCH',
          'Công tác bình đẳng giới năm 2027',
          '',
          `1. Tổ chức Tháng hành động vì bình đẳng giới ${month}.`,
          `2. Gửi báo cáo kết quả Tháng hành động về Sở trước ${due}.`,
          '',
        ].join('\n'),
        { format: 'markdown' },
      );
    const facts = (month: string, due: string) => {
      const document = plan(month, due);
      return {
        month: document.actionMonths.flatMap((mention) => (mention.range ? [`${mention.range.from.iso}..${mention.range.to.iso}`] : [])),
        deadlines: document.deadlines.map((deadline) => `${deadline.kind} ${deadline.relation} ${deadline.due?.iso}`),
      };
    };
    const figures = facts('từ ngày 15/11/2027 đến ngày 15/12/2027', 'ngày 18/12/2027');
    expect(figures).toEqual({ month: ['2027-11-15..2027-12-15'], deadlines: ['action-month-report before 2027-12-18'] });
    expect(facts('từ ngày mười lăm tháng mười một đến ngày mười lăm tháng mười hai năm 2027', 'ngày mười tám tháng mười hai năm 2027')).toEqual(figures);
    expect(facts('từ ngày 15 tháng 11 đến ngày mười lăm tháng 12 năm 2027', 'ngày 18 tháng mười hai năm 2027')).toEqual(figures);
  });
});
