import { decodeBytes } from './decode.js';
import { decodeDocx } from './docx.js';
import { decodePdf } from './pdf.js';
import type { SourceText } from './source-text.js';

/** How a file's decoded text is parsed: a Word file decodes to Markdown (decode/docx.ts), a PDF to text. */
export function formatFromPath(filePath: string | undefined): 'markdown' | 'text' {
  return filePath && /\.(md|markdown|docx)$/i.test(filePath) ? 'markdown' : 'text';
}

export interface DecodedPlan {
  source: SourceText;
  format: 'markdown' | 'text';
  /** Word and PDF: the text was converted, so the file is never rewritten (--fix). */
  isConverted: boolean;
}

/** A plan file's bytes decoded by its extension: the one place that knows .docx, .pdf, .md and text apart. */
export async function decodeByExtension(bytes: Uint8Array, filePath: string): Promise<DecodedPlan> {
  const extension = /\.[^./\\]*$/.exec(filePath)?.[0].toLowerCase();
  if (extension === '.docx') return { source: await decodeDocx(bytes, filePath), format: 'markdown', isConverted: true };
  if (extension === '.pdf') return { source: await decodePdf(bytes, filePath), format: 'text', isConverted: true };
  return { source: decodeBytes(bytes, filePath), format: formatFromPath(filePath), isConverted: false };
}
