import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LoadedPack } from '../engine/pack-types.js';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * SHA-256 of a pack's content, for compliance records: the bytes of its file when it is a local
 * file (what a superior publishes and can hash with sha256sum), else of its JSON as loaded.
 */
export function packSha256(pack: LoadedPack): string {
  if (!/^https?:/i.test(pack.source)) {
    try {
      return sha256Hex(readFileSync(pack.source));
    } catch {
      // Fall through: a pack given as data, or a file removed since it was loaded.
    }
  }
  return sha256Hex(JSON.stringify(pack.json));
}
