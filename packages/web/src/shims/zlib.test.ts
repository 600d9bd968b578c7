// The browser's raw inflate/deflate (fflate) against Node's zlib, on real Word packages and on a bomb.
import { readFileSync } from 'node:fs';
import { deflateRawSync as nodeDeflate, inflateRawSync as nodeInflate } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateRawSync, inflateRawSync } from './zlib.js';

const docx = readFileSync(new URL('../../../../fixtures/formats/plan.docx', import.meta.url));

/** Each deflated entry's stored bytes, from the ZIP's central directory. */
function deflatedEntries(bytes: Buffer): Array<{ name: string; data: Buffer }> {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = [];
  let offset = bytes.readUInt32LE(eocd + 16);
  for (let count = bytes.readUInt16LE(eocd + 10); count > 0; count--) {
    const method = bytes.readUInt16LE(offset + 10);
    const size = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const local = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (method === 8) entries.push({ name, data: bytes.subarray(start, start + size) });
  }
  return entries;
}

describe('zlib for the browser', () => {
  it('inflates every part of a Word package exactly as node:zlib does', () => {
    const entries = deflatedEntries(docx);
    expect(entries.map((entry) => entry.name)).toContain('word/document.xml');
    for (const entry of entries) expect(Buffer.from(inflateRawSync(entry.data, { maxOutputLength: 1 << 24 }))).toEqual(nodeInflate(entry.data));
  });

  it('stops a bomb at maxOutputLength with the error node:zlib throws', () => {
    const bomb = nodeDeflate(Buffer.alloc(8 * 1024 * 1024));
    let error: unknown;
    try {
      inflateRawSync(bomb, { maxOutputLength: 1024 * 1024 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RangeError);
    expect((error as { code?: string }).code).toBe('ERR_BUFFER_TOO_LARGE');
    expect(inflateRawSync(bomb, { maxOutputLength: 8 * 1024 * 1024 }).length).toBe(8 * 1024 * 1024);
  });

  it('deflates to raw DEFLATE that node:zlib reads back', () => {
    const text = Buffer.from('Kế hoạch triển khai công tác bình đẳng giới năm 2024. '.repeat(500));
    expect(nodeInflate(deflateRawSync(text))).toEqual(text);
  });

  it('throws on damaged data, as node:zlib does', () => {
    expect(() => inflateRawSync(Uint8Array.from([0xff, 0xff, 0xff, 0xff]))).toThrow();
    expect(() => nodeInflate(Uint8Array.from([0xff, 0xff, 0xff, 0xff]))).toThrow();
  });
});
