import { deflateRaw } from '../../decode/docx/deflate.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

interface CentralRecord {
  name: string;
  /** The record's bytes in the central directory. */
  start: number;
  end: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

/**
 * A copy of a ZIP package with some entries replaced and some added. Every other entry is copied
 * as it is, local header, compressed data and data descriptor, byte for byte (only its offset in
 * the central directory changes); replaced and added entries are deflated anew. Entries keep
 * their order; added ones go last. Throws on a package whose directory cannot be read.
 */
export function rewriteZip(bytes: Uint8Array, replaced: ReadonlyMap<string, Uint8Array>, added: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === -1) throw new Error('no ZIP central directory');
  const records = centralRecords(bytes, view, eocd);
  const out: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const emit = (part: Uint8Array) => {
    out.push(part);
    offset += part.length;
  };
  let stamp = { time: 0, date: 0x21 };
  for (const record of records) {
    const at = offset;
    const time = view.getUint16(record.start + 12, true);
    const date = view.getUint16(record.start + 14, true);
    const data = replaced.get(record.name);
    if (data) {
      stamp = { time, date };
      const entry = newEntry(record.name, data, { time, date, flags: record.flags, madeBy: view.getUint16(record.start + 4, true), internal: view.getUint16(record.start + 36, true), external: view.getUint32(record.start + 38, true) }, at);
      emit(entry.local);
      central.push(entry.central);
      continue;
    }
    const local = record.localOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw new Error(`damaged ZIP entry ${record.name}`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    let end = dataStart + record.compressedSize;
    // Bit 3: sizes and CRC follow the data (12 bytes, 16 with the optional signature).
    if (record.flags & 0x0008) end += end + 4 <= bytes.length && view.getUint32(end, true) === DESCRIPTOR ? 16 : 12;
    if (end > bytes.length) throw new Error(`damaged ZIP entry ${record.name}`);
    emit(bytes.subarray(local, end));
    // A copy, not a view (Buffer#slice shares the memory): only its offset field changes.
    const copy = new Uint8Array(record.end - record.start);
    copy.set(bytes.subarray(record.start, record.end));
    new DataView(copy.buffer).setUint32(42, at, true);
    central.push(copy);
  }
  for (const { name, data } of added) {
    const entry = newEntry(name, data, { ...stamp, flags: 0, madeBy: 20, internal: 0, external: 0 }, offset);
    emit(entry.local);
    central.push(entry.central);
  }
  const centralStart = offset;
  for (const record of central) emit(record);
  const commentLength = view.getUint16(eocd + 20, true);
  const end = new Uint8Array(22 + commentLength);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, EOCD, true);
  endView.setUint16(8, central.length, true);
  endView.setUint16(10, central.length, true);
  endView.setUint32(12, offset - centralStart, true);
  endView.setUint32(16, centralStart, true);
  endView.setUint16(20, commentLength, true);
  end.set(bytes.subarray(eocd + 22, eocd + 22 + commentLength), 22);
  emit(end);
  const result = new Uint8Array(offset);
  let at = 0;
  for (const part of out) {
    result.set(part, at);
    at += part.length;
  }
  return result;
}

/** The names of a package's entries as the central directory spells them. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  return eocd === -1 ? [] : centralRecords(bytes, view, eocd).map((record) => record.name);
}

function centralRecords(bytes: Uint8Array, view: DataView, eocd: number): CentralRecord[] {
  const records: CentralRecord[] = [];
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  while (count-- > 0 && offset + 46 <= view.byteLength && view.getUint32(offset, true) === CENTRAL) {
    const nameLength = view.getUint16(offset + 28, true);
    const end = offset + 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    records.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      start: offset,
      end,
      flags: view.getUint16(offset + 8, true),
      compressedSize: view.getUint32(offset + 20, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset = end;
  }
  return records;
}

function newEntry(
  name: string,
  data: Uint8Array,
  meta: { time: number; date: number; flags: number; madeBy: number; internal: number; external: number },
  localOffset: number,
): { local: Uint8Array; central: Uint8Array } {
  const nameBytes = new TextEncoder().encode(name);
  const compressed = deflateRaw(data);
  const crc = crc32(data);
  // No data descriptor, no encryption; UTF-8 names stay flagged as such.
  const flags = (meta.flags & 0x0800) | (/[^\x20-\x7e]/.test(name) ? 0x0800 : 0);
  const local = new Uint8Array(30 + nameBytes.length + compressed.length);
  const l = new DataView(local.buffer);
  l.setUint32(0, LOCAL, true);
  l.setUint16(4, 20, true);
  l.setUint16(6, flags, true);
  l.setUint16(8, 8, true);
  l.setUint16(10, meta.time, true);
  l.setUint16(12, meta.date, true);
  l.setUint32(14, crc, true);
  l.setUint32(18, compressed.length, true);
  l.setUint32(22, data.length, true);
  l.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  local.set(compressed, 30 + nameBytes.length);
  const central = new Uint8Array(46 + nameBytes.length);
  const c = new DataView(central.buffer);
  c.setUint32(0, CENTRAL, true);
  c.setUint16(4, meta.madeBy, true);
  c.setUint16(6, 20, true);
  c.setUint16(8, flags, true);
  c.setUint16(10, 8, true);
  c.setUint16(12, meta.time, true);
  c.setUint16(14, meta.date, true);
  c.setUint32(16, crc, true);
  c.setUint32(20, compressed.length, true);
  c.setUint32(24, data.length, true);
  c.setUint16(28, nameBytes.length, true);
  c.setUint16(36, meta.internal, true);
  c.setUint32(38, meta.external, true);
  c.setUint32(42, localOffset, true);
  central.set(nameBytes, 46);
  return { local, central };
}

let crcTable: Uint32Array | undefined;

function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 65535);
  for (let at = last; at >= first; at--) if (view.getUint32(at, true) === EOCD) return at;
  return -1;
}
