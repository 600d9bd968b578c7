// node:zlib for the browser bundle: the raw inflate and deflate core's ZIP module uses (the Word
// reader, the ZIP guard, the review copy), by fflate. Node's `maxOutputLength` is kept: input is
// fed in slices and the output counted, so a ZIP bomb stops at the cap instead of filling memory
// (with the error Node throws, ERR_BUFFER_TOO_LARGE).
import { deflateSync, Inflate } from 'fflate';

const SLICE = 16 * 1024;

export function inflateRawSync(data: Uint8Array, options: { maxOutputLength?: number } = {}): Uint8Array {
  const max = options.maxOutputLength ?? Number.MAX_SAFE_INTEGER;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > max) {
      throw Object.assign(new RangeError(`Cannot create a Buffer larger than ${max} bytes`), { code: 'ERR_BUFFER_TOO_LARGE' });
    }
    chunks.push(chunk);
  });
  if (data.length === 0) inflate.push(data, true);
  for (let at = 0; at < data.length; at += SLICE) inflate.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Raw DEFLATE (fflate's deflateSync writes no zlib header), at zlib's default level as Node's. */
export function deflateRawSync(data: Uint8Array, options: { level?: number } = {}): Uint8Array {
  return deflateSync(data, { level: (options.level ?? 6) as 6 });
}

export default { inflateRawSync, deflateRawSync };
