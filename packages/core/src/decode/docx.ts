import { PlanLintInputError } from '../shared/errors.js';
import { MAX_INPUT_BYTES, assertInputSize } from './decode.js';
import { readBlocks, type Block, type Notes } from './docx/document.js';
import { MarkdownWriter, type Fragment, type NoteRef } from './docx/markdown.js';
import { Numbering } from './docx/numbering.js';
import { Styles } from './docx/styles.js';
import { DocxLimitError, loadXmlParser, newBudget, parseXml, type Budget } from './docx/xml.js';
import { listZipEntries, readZipEntry, type ZipEntry } from './docx/zip.js';
import { createSourceText, type SourceText } from './source-text.js';
import { MAX_UNPACKED_BYTES, assertZipWithinLimits } from './zip-guard.js';

const OFFICE_DOCUMENT = /\/officeDocument$/;

/**
 * A Word document → the Markdown plan-lint parses (and `plan-lint convert` prints): the OOXML
 * itself is read (document, styles, numbering, notes), so headings keep their level, automatic
 * numbering shows the markers Word shows, tables stay tables and the header and signature tables
 * become the header and closing lines. Findings point into this text.
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
  await loadXmlParser();
  let text: string;
  try {
    text = docxToMarkdown(bytes);
  } catch (error) {
    if (error instanceof PlanLintInputError) throw new PlanLintInputError(error.code, error.message, { filePath });
    if (error instanceof DocxLimitError) {
      throw new PlanLintInputError(
        'docx-too-complex',
        `the Word document is too big to read: ${error.message} (a plan has a few thousand paragraphs); plan-lint does not open it. Check that this is the plan, or save its text as .docx or .md again and lint that.`,
        { filePath },
      );
    }
    throw new PlanLintInputError(
      'docx-invalid',
      `cannot read this Word file (${describe(error)}); open it in Word or LibreOffice and save it again as .docx.`,
      { filePath },
    );
  }
  if (text.trim() === '') throw new PlanLintInputError('docx-empty', 'the Word document contains no text.', { filePath });
  return createSourceText(text.normalize('NFC'));
}

/** The Markdown of a .docx package's bytes (throws on a damaged package or past the work bounds); after loadXmlParser(). */
export function docxToMarkdown(bytes: Uint8Array): string {
  return readDocx(bytes, false).text;
}

/** The Markdown of a .docx and where each stretch of it came from in its main document part. */
export interface DocxSourceMap {
  /** The Markdown as written (before NFC: decodeDocx composes it). */
  text: string;
  /** Stretches of `text`, in order, covering it. */
  fragments: Fragment[];
  /** The main document part's name in the package (`word/document.xml`). */
  documentPart: string;
}

/** docxToMarkdown with its source map; after loadXmlParser(). */
export function docxSourceMap(bytes: Uint8Array): DocxSourceMap {
  return readDocx(bytes, true) as DocxSourceMap;
}

function readDocx(bytes: Uint8Array, withOrigins: boolean): { text: string; fragments?: Fragment[]; documentPart: string } {
  const entries = listZipEntries(bytes);
  const budget = newBudget();
  const read = (name: string | undefined): Uint8Array | undefined => {
    const entry: ZipEntry | undefined = name === undefined ? undefined : entries.get(name.toLowerCase());
    return entry ? readZipEntry(bytes, entry, MAX_UNPACKED_BYTES) : undefined;
  };
  const main = relationships(read('_rels/.rels'), '', budget).find((rel) => OFFICE_DOCUMENT.test(rel.type))?.target ?? 'word/document.xml';
  const documentXml = read(main);
  if (!documentXml) throw new Error(`no main document part (${main})`);
  const folder = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const rels = relationships(read(`${folder}_rels/${main.slice(folder.length)}.rels`), folder, budget);
  const part = (kind: string, fallback: string) => rels.find((rel) => rel.type.endsWith(`/${kind}`))?.target ?? `${folder}${fallback}`;

  const styles = Styles.parse(read(part('styles', 'styles.xml')), budget);
  const numbering = Numbering.parse(read(part('numbering', 'numbering.xml')), budget);
  const textBudget = { left: MAX_INPUT_BYTES, total: MAX_INPUT_BYTES };
  const refs: NoteRef[] = [];
  const { body } = readBlocks(
    documentXml,
    budget,
    textBudget,
    (kind, id, where) => {
      refs.push(withOrigins ? { kind, id, ...where } : { kind, id });
      return `[^${refs.length}]`;
    },
    withOrigins,
  );
  const notes = (kind: string, file: string): Notes => {
    if (!refs.length) return new Map();
    const bytesOfNotes = read(part(kind, file));
    return bytesOfNotes ? readBlocks(bytesOfNotes, budget, textBudget).notes : new Map<string, Block[]>();
  };
  const footnotes = refs.some((ref) => ref.kind === 'footnote') ? notes('footnotes', 'footnotes.xml') : new Map<string, Block[]>();
  const endnotes = refs.some((ref) => ref.kind === 'endnote') ? notes('endnotes', 'endnotes.xml') : new Map<string, Block[]>();
  const writer = new MarkdownWriter(styles, numbering);
  const text = writer.write(body, { refs, footnotes, endnotes });
  return withOrigins ? { text, fragments: writer.fragments, documentPart: main } : { text, documentPart: main };
}

/** A relationships part: each relationship's type and its target as a package path. */
function relationships(bytes: Uint8Array | undefined, folder: string, budget: Budget): { type: string; target: string }[] {
  const found: { type: string; target: string }[] = [];
  if (!bytes) return found;
  parseXml(
    bytes,
    {
      open(tag) {
        if (tag.local !== 'Relationship' || tag.attributes.TargetMode?.value === 'External') return;
        const target = tag.attributes.Target?.value;
        if (target) found.push({ type: tag.attributes.Type?.value ?? '', target: resolvePartPath(folder, target) });
      },
      close() {},
      text() {},
    },
    budget,
  );
  return found;
}

/** A relationship's target as a path in the package: relative to the part's folder, or from the root. */
export function resolvePartPath(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const piece of parts) {
    if (piece === '..') out.pop();
    else if (piece !== '.' && piece !== '') out.push(piece);
  }
  return out.join('/');
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].slice(0, 160);
}
