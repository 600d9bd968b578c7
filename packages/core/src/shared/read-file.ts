import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { PlanLintInputError } from './errors.js';

const MIB = 1024 * 1024;

/**
 * A size over a limit, written so that the excess shows: "50.0 MB", but "20 MB + 5 bytes" where
 * one decimal would round it down to the limit ("20.0 MB" for a file over 20 MB reads as a bug).
 */
export function sizeOverLimit(size: number, limit: number): string {
  const rounded = (size / MIB).toFixed(1);
  if (Number(rounded) > limit / MIB) return `${rounded} MB`;
  const excess = size - limit;
  return `${formatMegabytes(limit)} + ${excess} byte${excess === 1 ? '' : 's'}`;
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / MIB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'a special file';
}

export interface BoundedRead {
  /** The most bytes the file may have. */
  maxBytes: number;
  /** Input-error code for a file over `maxBytes`. */
  tooLargeCode: string;
  /** The English message for a file over the limit; `size` is "50.0 MB" or "20 MB + 5 bytes", undefined when the file grew past the limit while read. */
  tooLarge: (size: string) => string;
  where?: { filePath?: string; line?: number; column?: number };
}

/** A regular file within the bound, or the error that says why not (a folder throws EISDIR, for callers' own wording). */
function checkStat(stat: Stats, filePath: string, bounds: BoundedRead): void {
  if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${filePath}'`), { code: 'EISDIR' });
  if (!stat.isFile()) {
    throw new PlanLintInputError(
      'not-a-file',
      `${bounds.where ? filePath : 'file'} is ${kindOf(stat)}, not a regular file: plan-lint reads only regular files (a pipe or a device could hang the run or never end); name the file itself.`,
      bounds.where ?? { filePath },
    );
  }
  if (stat.size > bounds.maxBytes) throw new PlanLintInputError(bounds.tooLargeCode, bounds.tooLarge(sizeOverLimit(stat.size, bounds.maxBytes)), bounds.where ?? { filePath });
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait forever for a writer. It changes
// nothing for a regular file. Windows has no such flag (nor FIFOs a path can name).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A full read buffer, doubled up to one byte over the bound (the byte that tells a file grew). */
function grown(buffer: Buffer<ArrayBuffer>, used: number, bounds: BoundedRead): Buffer<ArrayBuffer> {
  const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, bounds.maxBytes + 1));
  buffer.copy(bigger, 0, 0, used);
  return bigger;
}

/**
 * The bytes of a file plan-lint reads (plan, parent, config, pack, waivers, lockfile…), whoever
 * named it: only a regular file (a FIFO hung the run, /dev/zero ate 21 GB), refused from its size
 * before it is read, and never more than `maxBytes` + 1 bytes read should it grow meanwhile.
 * A folder throws EISDIR, and other system errors pass through, for callers' own wording.
 */
export function readBoundedFile(filePath: string, bounds: BoundedRead): Buffer {
  const fd = openSync(filePath, OPEN_FLAGS);
  try {
    const stat = fstatSync(fd);
    checkStat(stat, filePath, bounds);
    // One byte more than allowed: a file that grew since the stat is caught without reading it all.
    let buffer = Buffer.allocUnsafe(Math.min(stat.size, bounds.maxBytes) + 1);
    let used = 0;
    for (;;) {
      if (used === buffer.length) buffer = grown(buffer, used, bounds);
      const read = readSync(fd, buffer, used, buffer.length - used, null);
      if (read === 0) return buffer.subarray(0, used);
      used += read;
      if (used > bounds.maxBytes) {
        throw new PlanLintInputError(bounds.tooLargeCode, bounds.tooLarge(`more than ${formatMegabytes(bounds.maxBytes)}`), bounds.where ?? { filePath });
      }
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * readBoundedFile without blocking the thread: for callers that yield while they read (the
 * language server, which must see an edit that arrives meanwhile, reads configs and packs so).
 */
export async function readBoundedFileAsync(filePath: string, bounds: BoundedRead): Promise<Buffer> {
  const handle = await open(filePath, OPEN_FLAGS);
  try {
    const stat = await handle.stat();
    checkStat(stat, filePath, bounds);
    let buffer = Buffer.allocUnsafe(Math.min(stat.size, bounds.maxBytes) + 1);
    let used = 0;
    for (;;) {
      if (used === buffer.length) buffer = grown(buffer, used, bounds);
      const { bytesRead } = await handle.read(buffer, used, buffer.length - used, null);
      if (bytesRead === 0) return buffer.subarray(0, used);
      used += bytesRead;
      if (used > bounds.maxBytes) {
        throw new PlanLintInputError(bounds.tooLargeCode, bounds.tooLarge(`more than ${formatMegabytes(bounds.maxBytes)}`), bounds.where ?? { filePath });
      }
    }
  } finally {
    await handle.close();
  }
}

/** The most bytes of the JSON files beside the plans (config, waivers, lockfile, package.json): far more than any real one. */
export const MAX_JSON_FILE_BYTES = 8 * MIB;

/** Reads a small JSON-ish text file (config, waivers, lockfile, package.json) within MAX_JSON_FILE_BYTES, as UTF-8. */
export function readJsonText(filePath: string, what: string, where?: BoundedRead['where']): string {
  return readBoundedFile(filePath, {
    maxBytes: MAX_JSON_FILE_BYTES,
    tooLargeCode: 'json-too-large',
    tooLarge: (size) => `${what} is ${size}; plan-lint reads such files up to ${formatMegabytes(MAX_JSON_FILE_BYTES)}. Check that this is the right file.`,
    where,
  }).toString('utf8');
}

/** readJsonText, yielding while it reads (see readBoundedFileAsync). */
export async function readJsonTextAsync(filePath: string, what: string, where?: BoundedRead['where']): Promise<string> {
  const bytes = await readBoundedFileAsync(filePath, {
    maxBytes: MAX_JSON_FILE_BYTES,
    tooLargeCode: 'json-too-large',
    tooLarge: (size) => `${what} is ${size}; plan-lint reads such files up to ${formatMegabytes(MAX_JSON_FILE_BYTES)}. Check that this is the right file.`,
    where,
  });
  return bytes.toString('utf8');
}

/** JSON text without the UTF-8 byte-order mark Windows Notepad writes: JSON.parse and the parser reject it. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
