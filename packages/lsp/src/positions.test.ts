import { sourceFromString } from '@plan-lint/core';
import { describe, expect, it } from 'vitest';
import { PositionMap, rangesOverlap } from './positions.js';

describe('PositionMap', () => {
  it('turns 1-based core points into 0-based LSP positions', () => {
    const source = sourceFromString('dòng một\ndòng hai\n');
    const map = new PositionMap(source);
    expect(map.toLspPosition({ line: 1, column: 1, offset: 0 })).toEqual({ line: 0, character: 0 });
    expect(map.toLspRange({ start: { line: 2, column: 6, offset: 14 }, end: { line: 2, column: 9, offset: 17 } })).toEqual({
      start: { line: 1, character: 5 },
      end: { line: 1, character: 8 },
    });
  });

  it('maps original offsets of CRLF and NFD text to the characters the editor holds', () => {
    // "Thực" in NFD: ự is u + U+031B (horn) + U+0323 (dot below), two code units longer than NFC.
    const original = 'Dòng 1\r\nThu\u031B\u0323c hiện\r\n';
    const source = sourceFromString(original);
    const map = new PositionMap(source);
    const hien = original.indexOf('hiện');
    expect(map.offsetToLsp(hien)).toEqual({ line: 1, character: 7 });
    expect(map.toOffset({ line: 1, character: 7 })).toBe(hien);
    // A normalised-text range comes back to the original columns.
    const normalizedStart = source.text.indexOf('hiện');
    expect(map.toLspRange(source.positionOf(normalizedStart, normalizedStart + 4))).toEqual({
      start: { line: 1, character: 7 },
      end: { line: 1, character: 11 },
    });
  });

  it('shifts the first line by one when the editor text still starts with a BOM', () => {
    const source = sourceFromString('\uFEFFKẾ HOẠCH\nnăm 2024');
    const map = new PositionMap(source);
    expect(source.hasBom).toBe(true);
    expect(map.offsetToLsp(3)).toEqual({ line: 0, character: 4 });
    expect(map.offsetToLsp(source.original.indexOf('năm'))).toEqual({ line: 1, character: 0 });
    expect(map.toOffset({ line: 0, character: 4 })).toBe(3);
  });

  it('clamps positions past the end of a line', () => {
    const map = new PositionMap(sourceFromString('abc\ndef'));
    expect(map.toOffset({ line: 0, character: 99 })).toBe(3);
    expect(map.toOffset({ line: 7, character: 0 })).toBe(4);
  });
});

describe('rangesOverlap', () => {
  it('treats touching ranges as overlapping and separate ones as not', () => {
    const range = (a: number, b: number, c: number, d: number) => ({ start: { line: a, character: b }, end: { line: c, character: d } });
    expect(rangesOverlap(range(0, 0, 0, 5), range(0, 5, 0, 9))).toBe(true);
    expect(rangesOverlap(range(0, 0, 0, 5), range(0, 6, 0, 9))).toBe(false);
    expect(rangesOverlap(range(1, 0, 3, 0), range(2, 4, 2, 4))).toBe(true);
  });
});
