import { randomBytes } from 'node:crypto';
import { chmod, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that a crash or kill leaves either the old file or the complete new one: the
 * data goes to a temporary file in the same folder (same file system, so rename is atomic), is
 * flushed to disk, gets the original's mode, and then replaces the original by rename. The data
 * may come as pieces of text (a report written a file at a time).
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  const dir = path.dirname(filePath);
  const temp = path.join(dir, `.${path.basename(filePath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await stat(filePath)).mode & 0o7777;
  } catch {
    mode = undefined; // A new file gets the default mode.
  }
  const handle = await open(temp, 'wx', mode ?? 0o666);
  try {
    try {
      if (data instanceof Uint8Array) await handle.writeFile(data);
      else if (typeof data === 'string') await writeUtf8(handle, [data], data.length);
      else await writeUtf8(handle, data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open() applied the umask: set the original mode exactly.
    if (mode !== undefined) await chmod(temp, mode);
    // Test hook for the "killed before the rename" case (test/cli): the original must stay intact.
    if (process.env.PLAN_LINT_TEST_FAIL_RENAME === '1') throw new Error('rename failed (PLAN_LINT_TEST_FAIL_RENAME)');
    await rename(temp, filePath);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

// UTF-16 units encoded at a time; the buffer holds the UTF-8 of any such run (at most 3 bytes a unit).
const CHUNK = 1 << 20;

/**
 * Writes strings as UTF-8 through one reused buffer, a megabyte at a time. Writing a 29 MB JSON
 * report as one string made Node allocate a 29 MB buffer for it and V8 collect the whole heap:
 * 570 ms of a 1,000-plan run. A surrogate pair split between two pieces is joined again.
 */
async function writeUtf8(handle: FileHandle, pieces: Iterable<string>, sizeHint = CHUNK): Promise<void> {
  const encoder = new TextEncoder();
  const buffer = new Uint8Array((Math.min(sizeHint, CHUNK) + 1) * 3);
  let used = 0;
  const flush = async () => {
    for (let offset = 0; offset < used; ) offset += (await handle.write(buffer, offset, used - offset)).bytesWritten;
    used = 0;
  };
  let carry = '';
  for (const next of pieces) {
    let piece = carry + next;
    carry = '';
    if (isHighSurrogate(piece.charCodeAt(piece.length - 1))) {
      carry = piece.slice(-1);
      piece = piece.slice(0, -1);
    }
    for (let start = 0; start < piece.length; ) {
      let end = Math.min(start + CHUNK, piece.length);
      if (end < piece.length && isHighSurrogate(piece.charCodeAt(end - 1))) end++;
      if (used + (end - start) * 3 > buffer.length) await flush();
      const run = start === 0 && end === piece.length ? piece : piece.slice(start, end);
      const { read, written } = encoder.encodeInto(run, buffer.subarray(used));
      used += written;
      start += read;
    }
  }
  if (carry) {
    if (used + 3 > buffer.length) await flush();
    used += encoder.encodeInto(carry, buffer.subarray(used)).written;
  }
  await flush();
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
