import type { SourceText } from '../decode/source-text.js';
import type { Position } from '../parse/ast.js';
import type { FixRecord } from '../report/diagnostic.js';

/**
 * Offsets between the normalised text (`source.text`, which facts scan) and the original text (which
 * positions and fixes use). `toOriginalOffset` is monotonic, so the way back is a binary search.
 */
export class TextIndex {
  readonly text: string;
  private readonly identity: boolean;

  constructor(readonly source: SourceText) {
    this.text = source.text;
    this.identity = source.text === source.original;
  }

  /** The first normalised offset whose original offset is at or after `original`. */
  toNormalized(original: number): number {
    if (this.identity) return original;
    let low = 0;
    let high = this.text.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.source.toOriginalOffset(mid) < original) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  position(start: number, end: number): Position {
    return this.source.positionOf(start, end);
  }

  /** The normalised text a node covers. */
  textOf(position: Position | undefined): string {
    if (!position) return '';
    return this.text.slice(this.toNormalized(position.start.offset), this.toNormalized(position.end.offset));
  }

  /** A fix that replaces normalised `[start, end)` with `text`, as an edit of the original. */
  fix(start: number, end: number, text: string): FixRecord {
    return { range: [this.source.toOriginalOffset(start), this.source.toOriginalOffset(end)], text };
  }
}

/** The old and the new placement of the tone mark (`hoà`/`hòa`, `thuỷ`/`thủy`): one spelling for comparing. */
const TONE_PLACEMENT: Record<string, string> = { uỷ: 'ủy', oà: 'òa', oá: 'óa', oả: 'ỏa', oã: 'õa', oạ: 'ọa', uý: 'úy', uỳ: 'ùy' };
// One pass does what one replace per pair did: a match's second letter is never an `o` or `u`, so
// matches never overlap and a replacement never makes a new one.
const OLD_TONE_PLACEMENT = /uỷ|oà|oá|oả|oã|oạ|uý|uỳ/g;

/** Longer strings are computed each time, never kept (names and symbols are short). */
const MAX_REMEMBERED_LENGTH = 200;

/**
 * A string function that remembers its results: a corpus of 1,000 plans has 24,000 citations but
 * 10 type words and 25 issuers. Bounded (it starts again past `limit` entries), and it keeps a copy
 * of each string, never the string itself, which may be a slice that keeps a whole plan's text alive.
 */
export function remembered(compute: (value: string) => string, limit = 2048): (value: string) => string {
  const results = new Map<string, string>();
  return (value) => {
    if (value.length > MAX_REMEMBERED_LENGTH) return compute(value);
    let result = results.get(value);
    if (result === undefined) {
      result = compute(value);
      if (results.size >= limit) results.clear();
      results.set([...value].join(''), [...result].join(''));
    }
    return result;
  };
}

/** `Uỷ`/`Ủy`, tone marks on `oa`/`oe`/`uy`, spaces and case: the spellings one name takes in plans. */
export const normalizeName = remembered((value) =>
  value
    .normalize('NFC')
    .toLowerCase()
    .replace(OLD_TONE_PLACEMENT, (pair) => TONE_PLACEMENT[pair])
    .replace(/\s*&\s*/g, '&')
    .replace(/\s+/g, ' ')
    .trim(),
);

/** Symbols compared without spaces around `-` and `/` (`1790/QĐ -TTg` = `1790/QĐ-TTg`), NFC, `Đ` kept. */
export const normalizeSymbol = remembered((value) => value.normalize('NFC').replace(/\s*([-/])\s*/g, '$1').replace(/\s+/g, ''));

export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (full) return `${full[3]}/${full[2]}/${full[1]}`;
  const dayMonth = /^--(\d{2})-(\d{2})$/.exec(iso);
  if (dayMonth) return `${dayMonth[2]}/${dayMonth[1]}`;
  const monthYear = /^(\d{4})-(\d{2})$/.exec(iso);
  if (monthYear) return `${monthYear[2]}/${monthYear[1]}`;
  return iso;
}

/** 2024-06-05 only: a date with a day, month and year. */
export function isFullIso(iso: string | undefined): iso is string {
  return typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso);
}
