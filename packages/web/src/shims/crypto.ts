// node:crypto for the browser bundle: the SHA-256 digests plan-lint writes (pack and plan hashes in
// the report and compliance record), synchronous as Node's, by @noble/hashes.
import { sha256 } from '@noble/hashes/sha2.js';
import { Buffer } from 'buffer';

const encoder = new TextEncoder();

export function createHash(algorithm: string) {
  if (algorithm.toLowerCase() !== 'sha256') throw new Error(`plan-lint in the browser has no ${algorithm} digest`);
  const hash = sha256.create();
  const api = {
    update(data: string | Uint8Array) {
      hash.update(typeof data === 'string' ? encoder.encode(data) : data);
      return api;
    },
    digest(encoding?: 'hex' | 'base64') {
      const bytes = Buffer.from(hash.digest());
      return encoding ? bytes.toString(encoding) : bytes;
    },
  };
  return api;
}

export function randomUUID(): string {
  return globalThis.crypto.randomUUID();
}



export function randomBytes(size: number): Buffer {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(size)));
}
export default { createHash, randomUUID, randomBytes };
