import { randomBytes } from 'node:crypto';
import { chmod, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that a crash or kill leaves either the old file or the complete new one: the
 * data goes to a temporary file in the same folder (same file system, so rename is atomic), is
 * flushed to disk, gets the original's mode, and then replaces the original by rename.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array): Promise<void> {
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
      await handle.writeFile(data);
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
