import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const encode = (text: string) => new TextEncoder().encode(text);

describe('decodeBytes: the fast UTF-8 path decodes exactly as TextDecoder', () => {
  const samples = [
    'plain ASCII\nline two\n',
    'Kế hoạch số 12/KH-UBND ngày 05/3/2024\n',
    'Nghi\u0323 đi\u0323nh (NFD)\r\nCRLF\r\n',
    '\ufeffone BOM, Tiếng Việt\n',
    '\ufeff\ufefftwo BOMs: the second is text\n',
    '\ufeff\ufeff',
    'emoji 😀 and 𝔸, U+FFFF \uffff, private use \ue000\n',
    'a',
    'é',
  ];
  for (const sample of samples) {
    it(JSON.stringify(sample.slice(0, 24)), () => {
      const bytes = encode(sample);
      const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      const expected = strict.decode(hasBom ? bytes.subarray(3) : bytes);
      const source = decodeBytes(bytes);
      expect(source.original).toBe(expected);
      expect(source.hasBom).toBe(hasBom);
    });
  }

  it('decodes a view into a larger buffer (byteOffset kept)', () => {
    const whole = encode('xxxxTiếng Việtyyyy');
    const view = whole.subarray(4, whole.length - 4);
    expect(decodeBytes(view).original).toBe('Tiếng Việt');
  });

  it('still refuses invalid UTF-8: a lone surrogate, an overlong form, a truncated sequence', () => {
    for (const bad of [[0x61, 0xed, 0xa0, 0x80], [0xc0, 0xaf], [0x41, 0xe1, 0xba]]) {
      expect(() => decodeBytes(new Uint8Array(bad))).toThrow(/invalid UTF-8/);
    }
  });
});
