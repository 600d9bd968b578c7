import type { SourceText } from '../decode/source-text.js';
import type { Position } from '../parse/ast.js';
import type { FixRecord } from '../fix/apply-fixes.js';
import { rememberedBy } from '../shared/remember.js';

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

/** `Uỷ`/`Ủy`, tone marks on `oa`/`oe`/`uy`, spaces and case: the spellings one name takes in plans. */
export const normalizeName = rememberedBy((value) =>
  value
    .normalize('NFC')
    .toLowerCase()
    .replace(OLD_TONE_PLACEMENT, (pair) => TONE_PLACEMENT[pair])
    .replace(/\s*&\s*/g, '&')
    .replace(/\s+/g, ' ')
    .trim(),
);

/** Symbols compared without spaces around `-` and `/` (`1790/QĐ -TTg` = `1790/QĐ-TTg`), NFC, `Đ` kept. */
export const normalizeSymbol = rememberedBy((value) => value.normalize('NFC').replace(/\s*([-/])\s*/g, '$1').replace(/\s+/g, ''));

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
