import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, readFile, realpath, stat } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.js';

/** What the file was when it was read for linting: checked again before the fixed text replaces it. */
export interface ReadStamp {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export function stampOf(bytes: Uint8Array, mtimeMs: number): ReadStamp {
  return { size: bytes.length, mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Why a fix was not written; `code` picks the message's Vietnamese wording (input-messages.ts). */
export class FixNotWritten extends Error {
  constructor(
    readonly code: 'fix-read-only' | 'fix-changed' | 'fix-not-file',
    message: string,
  ) {
    super(message);
    this.name = 'FixNotWritten';
  }
}

/**
 * Writes the fixed text of a plan (issue 14 items 8–10):
 * - a read-only file (no write bit, or not writable by this user) is refused: rename would have
 *   replaced it anyway, since that needs only the folder's permission;
 * - a symbolic link is followed: the target gets the fixed text, atomically (temp file beside the
 *   target, rename onto it), and the link stays a link;
 * - a file with hard links is rewritten in place (the only way all its names see the new text;
 *   a rename would split them). That write is not atomic: a kill during it can cut the file;
 * - a file that changed since it was read (size, mtime or SHA-256) is left alone: someone saved an
 *   edit meanwhile, and it wins. Checked just before the rename (a window of microseconds remains).
 */
export async function writeFixedFile(filePath: string, text: string, stamp: ReadStamp | undefined): Promise<void> {
  const target = await realpath(filePath);
  const stats = await stat(target);
  if (!stats.isFile()) throw new FixNotWritten('fix-not-file', 'it is no longer a regular file');
  const mode = stats.mode & 0o7777;
  const writable = (mode & 0o222) !== 0 && (await access(target, constants.W_OK).then(() => true, () => false));
  if (!writable) {
    throw new FixNotWritten('fix-read-only', `the file is read-only (mode ${mode.toString(8).padStart(4, '0')}); make it writable (chmod u+w) for --fix to change it`);
  }
  const data = Buffer.from(text, 'utf8');
  const unchanged = () => assertUnchanged(target, stamp);
  if (stats.nlink > 1) {
    await unchanged();
    const handle = await open(target, 'r+');
    try {
      await handle.write(data, 0, data.length, 0);
      await handle.truncate(data.length);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return;
  }
  await writeFileAtomic(target, data, { kind: 'fix', beforeRename: unchanged });
}

async function assertUnchanged(target: string, stamp: ReadStamp | undefined): Promise<void> {
  if (!stamp) return;
  const now = await stat(target);
  const same = now.size === stamp.size && now.mtimeMs === stamp.mtimeMs && createHash('sha256').update(await readFile(target)).digest('hex') === stamp.sha256;
  if (!same) {
    throw new FixNotWritten(
      'fix-changed',
      'the file changed on disk while plan-lint ran (its size, modification time or content differ from what was linted); the newer edit is kept: run --fix again',
    );
  }
}
