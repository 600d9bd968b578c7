import { inflateRaw, isOutputCapError } from './docx/deflate.js';
import { PlanLintInputError } from '../shared/errors.js';

/**
 * What a Word file may unpack to. A plan's document.xml is a few megabytes; 128 MB is far above
 * any real .docx and far below what makes the reader run out of memory (a 1 MB zip bomb that
 * unpacks to 1 GB took 56 s and 2.2 GB of memory before this check, test/hostile).
 */
export const MAX_UNPACKED_BYTES = 128 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Inflates every entry of a ZIP package with a cap on the total output, before the Word reader
 * sees it: the sizes a ZIP declares can lie, the inflater's output cannot. Throws a
 * PlanLintInputError when the package unpacks to more than MAX_UNPACKED_BYTES.
 */
export function assertZipWithinLimits(bytes: Uint8Array, filePath: string, limit = MAX_UNPACKED_BYTES): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  // A package the guard cannot read is left to the Word reader, which reports it as damaged.
  if (eocd === -1) return;
  let entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let remaining = limit;
  while (entries-- > 0 && offset + 46 <= view.byteLength && view.getUint32(offset, true) === CENTRAL) {
    const method = view.getUint16(offset + 10, true);
    // The declared size refuses an honest bomb at once (0xFFFFFFFF: a ZIP64 entry, 4 GB or more).
    const declared = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const local = view.getUint32(offset + 42, true);
    offset += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL) continue;
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    // The compressed data runs at most to the end of the file; inflate stops at its own end.
    const data = bytes.subarray(Math.min(dataStart, bytes.length));
    let size: number;
    if (declared > remaining) {
      size = declared;
    } else if (method === 0) {
      size = Math.min(view.getUint32(local + 18, true), data.length);
    } else if (method === 8) {
      try {
        size = inflateRaw(data, remaining + 1).length;
      } catch (error) {
        if (isOutputCapError(error)) size = remaining + 1;
        else continue; // Damaged data: the Word reader reports it.
      }
    } else {
      continue;
    }
    remaining -= size;
    if (remaining < 0) {
      throw new PlanLintInputError(
        'docx-too-large',
        `the Word file unpacks to more than ${limit / 1048576} MB (a ZIP bomb, or a document full of media); plan-lint does not open it. Save the plan's text as .docx or .md and lint that.`,
        { filePath },
      );
    }
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 65535);
  for (let at = last; at >= first; at--) if (view.getUint32(at, true) === EOCD) return at;
  return -1;
}
