import type { SourceText } from './source-text.js';

/**
 * Text read from `source.text` and written anew (Markdown escapes read, an HTML table written as a
 * pipe table), with the way back: each character appended names the offset of `source.text` it
 * stands for, so that every finding still points into the file as written.
 */
export class DerivedText {
  private readonly parts: string[] = [];
  private map = new Int32Array(64);
  private length = 0;

  constructor(private readonly source: SourceText) {}

  /** `source.text[from, to)` as it is. */
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.source.text.slice(from, to));
    this.reserve(to - from);
    for (let k = from; k < to; k++) this.map[this.length++] = k;
  }

  /** `text`, every character of it standing where `at` is in the source. */
  write(text: string, at: number): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.reserve(text.length);
    for (let k = 0; k < text.length; k++) this.map[this.length++] = at;
  }

  /** The derived source; its offsets map through `source` to the file as written. */
  finish(): SourceText {
    const source = this.source;
    const originalLength = source.text.length;
    const out = this.length;
    const map = this.map;
    const toOriginalOffset = (offset: number): number =>
      source.toOriginalOffset(offset <= 0 ? 0 : offset >= out ? originalLength : map[offset]);
    return {
      ...source,
      text: this.parts.join(''),
      toOriginalOffset,
      positionOf: (start, end) => ({ start: source.pointAt(toOriginalOffset(start)), end: source.pointAt(toOriginalOffset(end)) }),
    };
  }

  private reserve(more: number): void {
    if (this.length + more <= this.map.length) return;
    const grown = new Int32Array(Math.max(this.map.length * 2, this.length + more));
    grown.set(this.map.subarray(0, this.length));
    this.map = grown;
  }
}
