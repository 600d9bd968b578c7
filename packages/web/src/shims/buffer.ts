// node:buffer for the browser bundle. No `transcode`: core's decoder then uses TextDecoder, its
// path for a Node without ICU (decode.ts), with the same result.
import { Buffer } from 'buffer';

export { Buffer };
export const transcode = undefined;
const strict = new TextDecoder('utf-8', { fatal: true });
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
export function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return false;
  return true;
}
export default { Buffer, transcode, isUtf8, isAscii };
