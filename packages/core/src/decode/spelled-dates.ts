import { DerivedText } from './derived-source.js';
import type { SourceText } from './source-text.js';

// A date with its day and month spelled out, as a formal text may write it: `ngày mười lăm tháng mười
// một năm 2027`, `từ ngày mồng một tháng sáu`, `tháng mười hai năm 2027`. Each is read as the date in
// figures it says (`ngày 15 tháng 11 năm 2027`), every character mapped back to the words, so that the
// grammar reads one form of date. Only a day before `tháng` and a month after it are read: a number
// in words elsewhere (`hai buổi`, `năm học`) is text.

const UNITS: Record<string, number> = { một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, nhăm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9 };

/** The number 1–31 that words like `mười lăm`, `hai mươi mốt`, `ba mươi` say, or undefined. */
export function numberInWords(words: string): number | undefined {
  const parts = words.toLowerCase().split(/\s+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 3) return undefined;
  const [first, second, third] = parts;
  // 1–9: `một`, `năm`, `chín` (not `mốt`, `lăm`, `tư`: they follow a ten).
  if (parts.length === 1) {
    if (first === 'mười') return 10;
    return first in UNITS && !['mốt', 'lăm', 'nhăm', 'tư'].includes(first) ? UNITS[first] : undefined;
  }
  // 11–19: `mười một`, `mười lăm` (`mười năm` is ten years, not fifteen).
  if (first === 'mười') {
    if (parts.length !== 2 || !(second in UNITS) || ['mốt', 'năm', 'tư'].includes(second)) return undefined;
    return 10 + UNITS[second];
  }
  // 20–31: `hai mươi`, `hai mươi mốt`, `ba mươi`, `ba mươi mốt`.
  if ((first === 'hai' || first === 'ba') && second === 'mươi') {
    const tens = first === 'hai' ? 20 : 30;
    if (third === undefined) return tens;
    if (!(third in UNITS) || third === 'một' || third === 'năm') return undefined;
    const value = tens + UNITS[third];
    return value <= 31 ? value : undefined;
  }
  return undefined;
}

const WORD = '(?:một|mốt|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|tám|chín|mười|mươi)';
// Up to three words; `năm` before a year is the year's word, not five (`tháng mười hai năm 2027`).
const WORDS = `${WORD}(?:[ \\t\\u00a0]+(?!năm[ \\t\\u00a0]+\\d)${WORD}){0,2}`;
const GAP = '[ \\t\\u00a0]+';
/**
 * `ngày [mồng] <day> tháng <month>` (the month in words or figures), or `tháng <month> năm <year>`: the
 * day in group 2 (after `mồng` in group 1), the month in words in group 3 or figures in group 4; for a
 * month alone, its words in group 5. The words end where a letter does not follow.
 */
const SPELLED = new RegExp(
  `(?<![\\p{L}])[Nn]gày${GAP}((?:mồng|mùng)${GAP})?(${WORDS})${GAP}tháng${GAP}(?:(${WORDS})|(\\d{1,2}))(?![\\p{L}\\d])` +
    `|(?<![\\p{L}])tháng${GAP}(${WORDS})(?=${GAP}năm${GAP}\\d{4})`,
  'dgiu',
);
/** Where a spelled date may start: most plans have none, and this test is cheaper than SPELLED. */
const MAYBE = /(?:gày|tháng)[ \t\u00a0]+(?:mồng|mùng|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)[ \t\u00a0]/i;

/** The source with each spelled-out date written in figures; `source` itself when it has none. */
export function withSpelledDatesRead(source: SourceText): SourceText {
  const text = source.text;
  if (!MAYBE.test(text)) return source;
  const derived = new DerivedText(source);
  let from = 0;
  let found = false;
  SPELLED.lastIndex = 0;
  for (let match = SPELLED.exec(text); match; match = SPELLED.exec(text)) {
    const [, mong, dayWords, monthWords, monthFigures, aloneWords] = match;
    const at = match.indices!;
    const replacements: Array<{ at: number; end: number; value: number }> = [];
    if (aloneWords !== undefined) {
      const month = numberInWords(aloneWords);
      if (month === undefined || month > 12) continue;
      replacements.push({ at: at[5]![0], end: at[5]![1], value: month });
    } else {
      const day = numberInWords(dayWords);
      const month = monthWords !== undefined ? numberInWords(monthWords) : Number(monthFigures);
      // `mồng` is said of days 1–10 only.
      if (day === undefined || month === undefined || month < 1 || month > 12 || (mong !== undefined && day > 10)) continue;
      // `mồng` goes with its words: `ngày mồng năm tháng sáu` reads `ngày 5 tháng 6`.
      replacements.push({ at: (at[1] ?? at[2])![0], end: at[2]![1], value: day });
      if (monthWords !== undefined) replacements.push({ at: at[3]![0], end: at[3]![1], value: month });
    }
    for (const replacement of replacements) {
      derived.copy(from, replacement.at);
      derived.write(String(replacement.value), replacement.at);
      from = replacement.end;
    }
    found = true;
  }
  if (!found) return source;
  derived.copy(from, text.length);
  return derived.finish();
}
