import { deflateRawSync } from 'node:zlib';

/**
 * A raw deflate stream that inflates to `'a'` followed by `copies` × 258 more `'a'`s, written by
 * hand with fixed Huffman codes (13 bits per 258 bytes): a 1 GB bomb costs ~6 MB of memory and no
 * compression time. RFC 1951, 3.2.6.
 */
export function deflateBomb(copies: number): Buffer {
  const bytes: number[] = [];
  let buffer = 0;
  let count = 0;
  const bits = (value: number, length: number) => {
    for (let i = 0; i < length; i++) {
      buffer |= ((value >> i) & 1) << count++;
      if (count === 8) {
        bytes.push(buffer);
        buffer = 0;
        count = 0;
      }
    }
  };
  const huffman = (code: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits((code >> i) & 1, 1);
  };
  bits(1, 1); // BFINAL
  bits(1, 2); // BTYPE = fixed Huffman
  huffman(0x30 + 0x61, 8); // literal 'a'
  for (let i = 0; i < copies; i++) {
    huffman(0b11000101, 8); // length code 285: 258 bytes
    huffman(0, 5); // distance code 0: distance 1
  }
  huffman(0, 7); // end of block (256)
  if (count > 0) bytes.push(buffer);
  return Buffer.from(bytes);
}

interface Entry {
  name: string;
  data: Buffer;
  /** Raw deflate data; `data` is then only used for its declared size unless given. */
  deflated?: Buffer;
  declaredSize?: number;
}

/** A minimal ZIP writer (no ZIP64, no CRC check by the guard): enough to build .docx packages. */
export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.deflated ?? deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); // CRC-32: not checked before the guard refuses
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A .docx whose document.xml inflates to about `megabytes` MB, declaring `declaredSize` bytes. */
export function docxBomb(megabytes: number, declaredSize?: number): Buffer {
  const copies = Math.ceil((megabytes * 1024 * 1024) / 258);
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: Buffer.alloc(0), deflated: deflateBomb(copies), declaredSize: declaredSize ?? Math.min(copies * 258 + 1, 0xfffffffe) },
  ]);
}
