import { PlanLintInputError } from '../shared/errors.js';
import { assertInputSize, MAX_INPUT_BYTES } from './decode.js';
import { layoutPdf, type PdfItem, type PdfPage } from './pdf-layout.js';
import { createSourceText, type SourceText } from './source-text.js';

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** How much of a PDF is read: a plan has tens of pages; a PDF past these is refused, not truncated. */
export interface PdfLimits {
  pages: number;
  /** Runs of text on one page: a dense page has a thousand or two. */
  itemsPerPage: number;
  /** Runs of text in the whole PDF: pdf.js takes ~0.2 ms for each run a nested form repeats. */
  items: number;
  /** UTF-8 bytes of extracted text, the cap of text files. */
  textBytes: number;
}

export const PDF_LIMITS: PdfLimits = { pages: 1000, itemsPerPage: 10_000, items: 100_000, textBytes: MAX_INPUT_BYTES };

export interface PdfDecodeOptions {
  limits?: Partial<PdfLimits>;
  /** Filled while reading: the work done, so tests can show it stays bounded. */
  stats?: { pages: number; items: number };
}

/**
 * A text PDF → the text the parser reads (pdf-layout.ts): lines by baseline, tables as GFM tables,
 * header and signature blocks column by column, running headers, footers and page numbers dropped.
 * Positions in reports point into this text, which is what `plan-lint convert` prints.
 */
export async function decodePdf(bytes: Uint8Array, filePath = '<input>', options: PdfDecodeOptions = {}): Promise<SourceText> {
  assertInputSize(bytes, filePath);
  if (!startsWithPdfHeader(bytes)) {
    throw new PlanLintInputError(
      'pdf-invalid',
      'not a PDF file (no %PDF- header); export the plan again as PDF, or rename the file to what it is.',
      { filePath },
    );
  }
  const limits = { ...PDF_LIMITS, ...options.limits };
  const stats = options.stats ?? { pages: 0, items: 0 };
  // The legacy build is the one pdfjs-dist supports on Node; loaded only when a PDF is read.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  const pages: PdfPage[] = [];
  try {
    const document = await task.promise;
    if (document.numPages > limits.pages) {
      throw tooLarge(filePath, `it has ${document.numPages.toLocaleString('en')} pages; plan-lint reads PDFs of up to ${limits.pages.toLocaleString('en')} pages`);
    }
    let textBytes = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      stats.pages++;
      const items: PdfItem[] = [];
      // Streamed, so that a page whose content repeats text without end (nested forms) is stopped
      // at the cap: pdf.js waits for each chunk to be read before it extracts much more. On a cap
      // the stream is left unread and the document destroyed, which ends the extraction (a
      // cancelled stream can make pdf.js 4.9 close it twice, an uncaught error).
      const reader = page.streamTextContent().getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const item of (value as { items: unknown[] }).items) {
          stats.items++;
          if (items.length >= limits.itemsPerPage) {
            throw tooLarge(filePath, `page ${number} has more than ${limits.itemsPerPage.toLocaleString('en')} runs of text`);
          }
          if (stats.items > limits.items) {
            throw tooLarge(filePath, `it has more than ${limits.items.toLocaleString('en')} runs of text (by page ${number})`);
          }
          if (!isTextItem(item) || item.str === '') continue;
          textBytes += Buffer.byteLength(item.str);
          if (textBytes > limits.textBytes) {
            const mb = limits.textBytes / 1048576;
            throw tooLarge(filePath, `its text is over ${mb} MB (by page ${number}); plan-lint reads plans up to ${mb} MB`);
          }
          items.push({
            // Structure is recognised by words (pdf-layout.ts), and some producers write decomposed marks.
            str: item.str.normalize('NFC'),
            x: item.transform[4],
            y: item.transform[5],
            width: item.width,
            size: Math.abs(item.height) || Math.abs(item.transform[3]) || 10,
          });
        }
      }
      pages.push({ items });
      page.cleanup();
    }
    await document.destroy();
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw error instanceof PlanLintInputError ? error : pdfError(error, filePath);
  }
  const text = layoutPdf(pages);
  if (text === '') {
    throw new PlanLintInputError(
      'pdf-no-text',
      'the PDF has no text layer (a scanned image?); plan-lint reads text PDFs. Run OCR on it, or lint the Word or text version of the plan.',
      { filePath },
    );
  }
  return createSourceText(text + '\n');
}

function tooLarge(filePath: string, why: string): PlanLintInputError {
  return new PlanLintInputError('pdf-too-large', `cannot read this PDF: ${why}. Check that it is a plan, or lint its Word or text version.`, { filePath });
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  // The header may follow a little garbage (the spec allows it within the first 1024 bytes).
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && typeof (item as PdfTextItem).str === 'string';
}

function pdfError(error: unknown, filePath: string): PlanLintInputError {
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message.split('\n')[0].slice(0, 160) : String(error);
  if (name === 'PasswordException') {
    return new PlanLintInputError(
      'pdf-encrypted',
      'the PDF is password-protected; save an unprotected copy (or the Word/text version) and lint that.',
      { filePath },
    );
  }
  return new PlanLintInputError(
    'pdf-invalid',
    `cannot read this PDF (${detail || name || 'unknown error'}); it may be damaged. Export the plan again as PDF.`,
    { filePath },
  );
}
