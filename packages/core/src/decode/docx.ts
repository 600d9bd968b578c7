import { PlanLintInputError } from '../shared/errors.js';
import { assertInputSize } from './decode.js';
import { createSourceText, type SourceText } from './source-text.js';
import { assertZipWithinLimits } from './zip-guard.js';

/** A mammoth document element (its model is untyped: `transformDocument` hands us `any`). */
interface DocxElement {
  type: string;
  value?: string;
  breakType?: string;
  children?: DocxElement[];
  numbering?: { isOrdered: boolean; level: string | number } | null;
}

// Vietnamese letter sequence (no f, j, w, z; đ after d), as plans number their points.
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/**
 * A Word document → the plain text the parser reads: one paragraph per line, a blank line
 * between paragraphs (as mammoth's raw text does), table cells as paragraphs. Word's automatic
 * numbering is not text, so it is written back in front of the paragraph: bullets as `- `,
 * ordered levels as `1.` / `a)` / `-` (mammoth's model keeps only "ordered or not" and the level,
 * not the numbering format; typed numbering, the common case in plans, is kept as written).
 */
export async function decodeDocx(bytes: Uint8Array, filePath = '<input>'): Promise<SourceText> {
  assertInputSize(bytes, filePath);
  // ZIP files start with "PK"; anything else is not a .docx, whatever its name says.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new PlanLintInputError(
      'docx-invalid',
      'not a Word .docx file (it is not a ZIP package); save it as .docx from Word or LibreOffice, or rename it to what it is.',
      { filePath },
    );
  }
  assertZipWithinLimits(bytes, filePath);
  const mammoth = (await import('mammoth')).default;
  let text: string | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (document: DocxElement) => {
          text = renderDocument(document);
          return document;
        },
      },
    );
  } catch (error) {
    throw new PlanLintInputError(
      'docx-invalid',
      `cannot read this Word file (${describe(error)}); open it in Word or LibreOffice and save it again as .docx.`,
      { filePath },
    );
  }
  if (text === undefined || text.trim() === '') {
    throw new PlanLintInputError('docx-empty', 'the Word document contains no text.', { filePath });
  }
  return createSourceText(text.normalize('NFC'));
}

function renderDocument(document: DocxElement): string {
  const counters: number[] = [];
  const out: string[] = [];
  const visit = (element: DocxElement): void => {
    switch (element.type) {
      case 'text':
        out.push(element.value ?? '');
        return;
      case 'tab':
        out.push('\t');
        return;
      case 'break':
        out.push(element.breakType === 'line' || element.breakType === undefined ? '\n' : '\n\n');
        return;
      case 'paragraph': {
        const start = out.length;
        out.push('');
        for (const child of element.children ?? []) visit(child);
        const body = out.slice(start).join('');
        out.length = start;
        if (body.trim() === '') return;
        out.push(numberingMarker(element.numbering ?? null, counters) + body.replace(/\s+$/, '') + '\n\n');
        return;
      }
      default:
        for (const child of element.children ?? []) visit(child);
    }
  };
  visit(document);
  return out.join('').replace(/\n+$/, '\n');
}

function numberingMarker(numbering: DocxElement['numbering'], counters: number[]): string {
  if (!numbering) return '';
  const level = Number(numbering.level) || 0;
  if (!numbering.isOrdered) return '- ';
  counters.length = Math.max(counters.length, level + 1);
  counters[level] = (counters[level] ?? 0) + 1;
  counters.length = level + 1;
  const n = counters[level];
  if (level === 0) return `${n}. `;
  if (level === 1) return `${LETTERS[(n - 1) % LETTERS.length]}) `;
  return '- ';
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].slice(0, 160);
}
