import { deflateRawSync, inflateRawSync } from 'node:zlib';

// The one place the Word reader and the review builder compress and decompress ZIP entries.
// A browser build swaps this module for one with the same two functions (fflate, say): nothing
// else in core needs node:zlib.

/**
 * Raw DEFLATE data → bytes, at most `maxOutputLength` of them. Past it, throws a RangeError
 * (node:zlib's ERR_BUFFER_TOO_LARGE is one); any other error means the data is damaged.
 */
export function inflateRaw(data: Uint8Array, maxOutputLength: number): Uint8Array {
  return inflateRawSync(data, { maxOutputLength });
}

/** Bytes → raw DEFLATE data (what a ZIP entry of method 8 holds). */
export function deflateRaw(data: Uint8Array): Uint8Array {
  return deflateRawSync(data);
}

/** Whether an error of inflateRaw is the output cap, not damaged data. */
export function isOutputCapError(error: unknown): boolean {
  return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError;
}
