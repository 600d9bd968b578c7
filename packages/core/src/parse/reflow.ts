// The reflow rules: whether a line was wrapped by an export (and continues the line before it) or
// starts a block of its own. They gate the block grammar's paragraphs and items; unchanged from the
// line-based layout they came from, so plans keep their findings.
import { PAGE_MARKER } from './block-tokens.js';
import { hasSpacedColumns } from './line.js';
import { BULLET, LETTER_SPACED, NUMBER_PAREN_SPACED, NUMBER_SPACED, ROMAN_SPACED } from './marker-text.js';

const MARKER_START = new RegExp(`^(?:(?:${ROMAN_SPACED}|${NUMBER_SPACED}|${NUMBER_PAREN_SPACED}|${LETTER_SPACED}|${BULLET})\\s|Nơi nhận)`);
export const HEADING_MARKER = new RegExp(`^(?:${ROMAN_SPACED}|${NUMBER_SPACED})\\s`);
const TERMINAL = /[.;:!?…]["”)]?$/;
const JOIN_TIGHT = /[A-Za-zĐđ0-9][-/]$/;
const TIGHT_NEXT = /^[A-ZĐ0-9]/;

/** `Căn cứ …;` / `Thực hiện …;`: a clause of the legal basis, each a paragraph of its own (Nghị định 30/2020). */
export const BASIS_LEAD = /^(Căn cứ|Thực hiện)(?=\s)/;

/** The separator between two joined lines: none inside a split number, date or symbol (`15/` + `11/2025`). */
export function joinSeparator(previous: string, next: string): string {
  return JOIN_TIGHT.test(previous.slice(-2)) && TIGHT_NEXT.test(next) ? '' : ' ';
}

/** The width a text export wrapped at: a line near it that ends mid-sentence was wrapped. */
export function estimateWrapWidth(lengths: Int32Array): number {
  if (lengths.length === 0) return Infinity;
  // A typed array sorts numbers natively, without a comparison callback per step.
  lengths.sort();
  return lengths[Math.floor(lengths.length * 0.8)] ?? Infinity;
}

export function isLowerLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

export function isUpperLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** At least `min` letters and no lower-case one: `KẾ HOẠCH`, `HIỆU TRƯỞNG`. */
export function isAllCaps(value: string, min = 3): boolean {
  // Most lines have an ASCII lower-case letter: answer those without walking the string.
  if (/[a-z]/.test(value)) return false;
  let letters = 0;
  for (const ch of value) {
    if (isLowerLetter(ch)) return false;
    if (isUpperLetter(ch)) letters++;
  }
  return letters >= min;
}

const DATE_WORD_END = /(?:^|\s)(?:[Nn]gày|[Tt]háng)$/;
const BARE_NUMBER_START = /^\d{1,2}\s+(\S)/;

/**
 * Whether `next`, which reads as a list item, is the rest of a sentence the wrap split at a number
 * without the `.` or `)` of a list number: the rest of a date (`… đến ngày 15 tháng` + `12 năm 2026`;
 * a line cannot end on `ngày` or `tháng`), or a count that goes on in lower case (`Báo cáo sơ kết` +
 * `6 tháng: …`). In Markdown a blank line between is a break the author wrote, so only text exports
 * are joined across one.
 */
export function continuesAtNumber(previous: string, next: string, format: 'markdown' | 'text', blankBetween: boolean): boolean {
  if (format === 'markdown' && blankBetween) return false;
  const number = BARE_NUMBER_START.exec(next);
  if (!number) return false;
  return DATE_WORD_END.test(previous) || (!TERMINAL.test(previous) && isLowerLetter(number[1]));
}

/** Whether `next` continues `previous` (a wrapped line) rather than starting a block. */
export function continuesLine(
  previous: string,
  next: string,
  wrapWidth: number,
  format: 'markdown' | 'text',
  blankBetween: boolean,
  inHeading: boolean,
): boolean {
  if (TERMINAL.test(previous)) return false;
  if (MARKER_START.test(next)) return false;
  // A clause of the legal basis opens a paragraph, even after a title a text export left unpunctuated.
  if (BASIS_LEAD.test(next)) return false;
  // Two columns side by side (the header's issuer and Quốc hiệu, the closing's recipients and signer,
  // as pdftotext -layout writes them): pieces of two blocks, never a sentence the export wrapped.
  if (hasSpacedColumns(previous) || hasSpacedColumns(next)) return false;
  if (PAGE_MARKER.test(next)) return false;
  const previousCaps = isAllCaps(previous);
  const nextCaps = isAllCaps(next);
  // A numbered heading is short: it was wrapped only if the next word would not have fitted
  // on its line (the reflow test, with 10 % slack since exports wrap by rendered width).
  // Body lines wrap raggedly, so any line near the wrap width counts as wrapped.
  const nextWord = next.split(/\s/, 1)[0].length;
  const full = inHeading ? previous.length + 1 + nextWord > wrapWidth * 0.95 : previous.length >= wrapWidth * 0.75;
  if (previousCaps !== nextCaps && !(previousCaps && full)) return false;
  if (previousCaps && nextCaps) return full;
  if (/[-/,(&]$/.test(previous) || isLowerLetter(next[0]) || /^[0-9(]/.test(next)) return true;
  if (format === 'markdown') return !blankBetween;
  return full;
}
