import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readFlatFrontMatter } from './front-matter.js';

// Whatever the flat reader answers must be what the YAML library gives; when unsure it answers
// undefined and the YAML library decides.
const VALUES = [
  '36/KH-TH', 'Trường TH&THCS Quế Phong', 'Quế Sơn', '2021-02-12', '2021', '0123', '1234567890123456',
  '-1', '+1', '1.5', '1e3', '.5', '.inf', '.NaN', '0o17', '0x1F', '0x1G', 'null', 'Null', 'NULL', '~', 'true',
  'False', 'TRUE', 'yes', 'no', 'on', 'Kế hoạch năm 2021', 'a: b', 'a #b', 'a#b', 'a:b', 'end:', '"quoted"',
  "'single'", '[1, 2]', '{a: 1}', '- item', '&anchor x', '*alias', '!tag x', '|', '>', '@at', '`tick`', '%p',
  '? q', 'tab\there', 'x, y', 'Phụ lục (I)', '2021-02-12T10:00:00Z', '12:30', '1_000', '١٢', 'Ⅻ',
];
const KEYS = ['symbol', 'year', 'date', 'title_1', 'null', 'true', 'True', 'constructor', '__proto__', 'toString', 'x'];

function viaYaml(body: string): unknown {
  try {
    return parseYaml(body, { schema: 'core' });
  } catch {
    return 'error';
  }
}

describe('readFlatFrontMatter', () => {
  it('reads a typical plan front matter', () => {
    const body = 'symbol: 36/KH-TH\nissuer: Trường TH&THCS Quế Phong\ndate: 2021-02-12\nyear: 2021';
    expect(readFlatFrontMatter(body)).toEqual({ symbol: '36/KH-TH', issuer: 'Trường TH&THCS Quế Phong', date: '2021-02-12', year: 2021 });
  });

  it('gives what the YAML core schema gives, or leaves the body to it', () => {
    let read = 0;
    for (const key of KEYS) {
      for (const value of VALUES) {
        for (const body of [`${key}: ${value}`, `a: 1\n${key}:  ${value}`, `${key}: ${value}\n${key}: x`, `${key}: ${value} `]) {
          const flat = readFlatFrontMatter(body);
          if (flat === undefined) continue;
          read++;
          const yaml = viaYaml(body);
          expect(yaml, body).toEqual(flat);
          expect(Object.getPrototypeOf(flat)).toBe(Object.prototype);
          expect(Object.keys(flat)).toEqual(Object.keys(yaml as object));
        }
      }
    }
    // The flat reader must take the common case, or it saves nothing.
    expect(read).toBeGreaterThan(100);
  });

  it('leaves anything but flat `key: value` lines to the YAML library', () => {
    for (const body of ['', 'a: 1\n\nb: 2', '# comment\na: 1', 'a:\n  b: 1', 'list:\n  - x', 'a : 1', ' a: 1', 'a: 1\r']) {
      expect(readFlatFrontMatter(body), JSON.stringify(body)).toBeUndefined();
    }
  });
});
