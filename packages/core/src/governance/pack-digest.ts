import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LoadedPack } from '../engine/pack-types.js';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * SHA-256 of a pack's content, for compliance records: the bytes of its file when it is a local
 * file with its rules inline (what a superior publishes and can hash with sha256sum), else of its
 * JSON as loaded (a URL pack, or a pack whose rules are in folders of their own).
 */
export function packSha256(pack: LoadedPack): string {
  // A pack with rule folders is more than its file: its content as loaded is hashed, rules included.
  if (!/^https?:/i.test(pack.source) && !pack.parts?.length) {
    try {
      return sha256Hex(readFileSync(pack.source));
    } catch {
      // Fall through: a pack given as data, or a file removed since it was loaded.
    }
  }
  return sha256Hex(JSON.stringify(pack.json));
}
