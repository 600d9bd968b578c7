import { inflateRaw, isOutputCapError } from './deflate.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataStart: number;
}

/**
 * The entries of a ZIP package by name, from its central directory. Word packages are plain ZIP
 * (stored or deflated, no ZIP64 below 4 GB, which zip-guard refuses long before). A package whose
 * directory cannot be read gives an empty map; the caller reports it as damaged.
 */
export function listZipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === -1) return entries;
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  while (count-- > 0 && offset + 46 <= view.byteLength && view.getUint32(offset, true) === CENTRAL) {
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const local = view.getUint32(offset + 42, true);
    const name = decoder.decode(bytes.subarray(offset + 46, Math.min(offset + 46 + nameLength, bytes.length)));
    offset += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL) continue;
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    // Part names are case-insensitive in OPC; Word writes them as in the relationships.
    entries.set(name.replace(/^\//, '').toLowerCase(), { name, method, compressedSize, dataStart });
  }
  return entries;
}

/**
 * One entry's bytes, inflated with a cap on the output (the declared sizes can lie, the inflater's
 * output cannot). `undefined` when the entry is damaged or uses a method other than store/deflate;
 * throws a RangeError with code ERR_BUFFER_TOO_LARGE past `maxBytes`.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array | undefined {
  const end = Math.min(bytes.length, entry.dataStart + entry.compressedSize);
  // A data descriptor entry may declare 0 as its size in an odd writer: inflate then stops at its own end.
  const data = bytes.subarray(Math.min(entry.dataStart, bytes.length), entry.compressedSize > 0 ? end : bytes.length);
  if (entry.method === 0) return data;
  if (entry.method !== 8) return undefined;
  try {
    return inflateRaw(data, maxBytes);
  } catch (error) {
    if (isOutputCapError(error)) throw error;
    return undefined;
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 65535);
  for (let at = last; at >= first; at--) if (view.getUint32(at, true) === EOCD) return at;
  return -1;
}
