import { PlanLintInputError } from '../shared/errors.js';
import { assertInputSize } from './decode.js';
import { createSourceText, type SourceText } from './source-text.js';

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/**
 * A text PDF → the plain text the parser reads: the page's text runs grouped into lines by their
 * baseline, pages separated by a blank line. Hard-wrapped lines stay wrapped (the text parser
 * joins them, as it does for text exported from PDF viewers).
 */
export async function decodePdf(bytes: Uint8Array, filePath = '<input>'): Promise<SourceText> {
  assertInputSize(bytes, filePath);
  if (!startsWithPdfHeader(bytes)) {
    throw new PlanLintInputError(
      'pdf-invalid',
      'not a PDF file (no %PDF- header); export the plan again as PDF, or rename the file to what it is.',
      { filePath },
    );
  }
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
  let pages: string[];
  try {
    const document = await task.promise;
    pages = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(linesOf((content.items as unknown[]).filter(isTextItem)).join('\n'));
      page.cleanup();
    }
    await document.destroy();
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfError(error, filePath);
  }
  const text = pages
    .map((page) => page.trim())
    .filter((page) => page !== '')
    .join('\n\n');
  if (text === '') {
    throw new PlanLintInputError(
      'pdf-no-text',
      'the PDF has no text layer (a scanned image?); plan-lint reads text PDFs. Run OCR on it, or lint the Word or text version of the plan.',
      { filePath },
    );
  }
  return createSourceText(text.normalize('NFC') + '\n');
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  // The header may follow a little garbage (the spec allows it within the first 1024 bytes).
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && typeof (item as PdfTextItem).str === 'string';
}

/**
 * Groups text runs into lines: a new line at an end-of-line mark or when the baseline moves.
 * A vertical gap clearly wider than the line spacing (≥ 1.45 × the font size; LibreOffice and
 * Word set 1.0–1.3 within a paragraph) ends a paragraph: it becomes a blank line, as in text
 * exported from Word, so a heading is not joined to the paragraph under it.
 */
function linesOf(items: PdfTextItem[]): string[] {
  const lines: string[] = [];
  let line = '';
  let baseline: number | undefined;
  let lineSize = 0;
  let previousBaseline: number | undefined;
  let lastEnd: number | undefined;
  const endLine = () => {
    if (line.trim() === '') {
      line = '';
      return;
    }
    lines.push(line.trimEnd());
    line = '';
    lastEnd = undefined;
    previousBaseline = baseline;
  };
  for (const item of items) {
    const x = item.transform[4];
    const y = item.transform[5];
    const size = Math.abs(item.height) || Math.abs(item.transform[3]) || 10;
    if (baseline !== undefined && Math.abs(y - baseline) > size * 0.5 && line !== '') endLine();
    if (item.str !== '') {
      if (line === '') {
        if (previousBaseline !== undefined && previousBaseline - y > Math.max(size, lineSize) * 1.45 && lines.length > 0) lines.push('');
        lineSize = size;
      }
      // Runs placed apart without a space character between them are separate words.
      const gap = lastEnd === undefined ? 0 : x - lastEnd;
      if (line !== '' && gap > size * 0.15 && !/\s$/.test(line) && !/^\s/.test(item.str)) line += ' ';
      line += item.str;
      baseline = y;
      lineSize = Math.max(lineSize, size);
      lastEnd = x + item.width;
    }
    if (item.hasEOL) endLine();
  }
  endLine();
  return lines;
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
