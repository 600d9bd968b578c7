import { randomBytes } from 'node:crypto';
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { chmod, chown, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * plan-lint's own temporary files, beside the file they will replace: `.plan-lint-fix-<pid>-<hex>.tmp`
 * for --fix, `.plan-lint-write-<pid>-<hex>.tmp` for reports and the cache. A kill before the rename
 * leaves one; the name says whose it is, and cleanStaleTemps removes it on a later run.
 */
export const TEMP_NAME = /^\.plan-lint-(fix|write)-(\d+)-[0-9a-f]{8}\.tmp$/;

export function tempPathFor(target: string, kind: 'fix' | 'write'): string {
  return path.join(path.dirname(target), `.plan-lint-${kind}-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

export interface AtomicWriteOptions {
  kind?: 'fix' | 'write';
  /** Runs after the new data is on disk, just before the rename: throwing keeps the original (the temp is removed). */
  beforeRename?: () => Promise<void>;
}

/**
 * Writes a file so that a crash or kill leaves either the old file or the complete new one: the
 * data goes to a temporary file in the same folder (same file system, so rename is atomic), is
 * flushed to disk, gets the original's mode (and owner, where allowed), and then replaces the
 * original by rename. The data may come as pieces of text (a report written a file at a time).
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array | Iterable<string>, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = tempPathFor(filePath, options.kind ?? 'write');
  let original: { mode: number; uid: number; gid: number } | undefined;
  try {
    const stats = await stat(filePath);
    original = { mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid };
  } catch {
    original = undefined; // A new file gets the default mode.
  }
  const handle = await open(temp, 'wx', original?.mode ?? 0o666);
  try {
    try {
      if (data instanceof Uint8Array) await handle.writeFile(data);
      else if (typeof data === 'string') await writeUtf8(handle, [data], data.length);
      else await writeUtf8(handle, data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (original) {
      // open() applied the umask: set the original mode exactly. Root fixing another user's file
      // keeps that user the owner; anyone else cannot change owners, and need not.
      await chmod(temp, original.mode);
      await chown(temp, original.uid, original.gid).catch(() => undefined);
    }
    await options.beforeRename?.();
    // Test hook for the "killed before the rename" case (test/cli): the original must stay intact.
    if (process.env.PLAN_LINT_TEST_FAIL_RENAME === '1') throw new Error('rename failed (PLAN_LINT_TEST_FAIL_RENAME)');
    await rename(temp, filePath);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** A temp of a plan-lint process that is gone, or older than a day (the pid may have been reused). */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes plan-lint's own temporary files left in these folders by a run that was killed: only
 * names TEMP_NAME matches, only of processes no longer running (or a day old). Returns the paths
 * removed. One readdir per folder; a folder that cannot be read is skipped.
 */
export function cleanStaleTemps(folders: Iterable<string>, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMP_NAME.exec(name);
      if (!match) continue;
      const pid = Number(match[2]);
      const full = path.join(folder, name);
      try {
        if (pid === process.pid) continue;
        const stats = statSync(full);
        if (!stats.isFile()) continue;
        if (processAlive(pid) && now - stats.mtimeMs < STALE_AFTER_MS) continue;
        unlinkSync(full);
        removed.push(full);
      } catch {
        // Gone already, or not ours to remove.
      }
    }
  }
  return removed;
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
    // A flat piece stays flat: a concatenation would be copied whole by its first charCodeAt.
    let piece = carry ? carry + next : next;
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
