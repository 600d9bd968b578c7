import type { SaxesParser as Parser, SaxesTagNS } from 'saxes';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_STRICT_NS = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export type Tag = SaxesTagNS;

export interface XmlHandlers {
  open(tag: Tag, isWord: boolean): void;
  close(tag: Tag, isWord: boolean): void;
  text(value: string): void;
  /**
   * Given, once, a function that returns where the parser is in the decoded XML (a JavaScript
   * string index): just past the `>` of the tag in open() and close(). For the Word reader's source map.
   */
  attach?(position: () => number): void;
}

/**
 * What one Word document may cost to read, whatever its size on disk: a 184 KB .docx can hold
 * 60 MB of XML made of millions of empty paragraphs, and building anything per element for all
 * of them ran V8 out of memory. A real plan has a few thousand paragraphs and well under 100,000
 * elements; these are ten times and more above that.
 */
export const DOCX_LIMITS = { elements: 1_000_000, paragraphs: 100_000 };

export class DocxLimitError extends Error {
  constructor(readonly what: 'elements' | 'paragraphs' | 'text', readonly limit: number) {
    super(`more than ${limit.toLocaleString('en')} ${what === 'text' ? 'characters of text' : `XML ${what === 'elements' ? 'elements' : 'paragraphs'}`}`);
  }
}

/** Work counted over all the parts of one document. */
export interface Budget {
  elements: number;
  paragraphs: number;
}

export function newBudget(): Budget {
  return { elements: DOCX_LIMITS.elements, paragraphs: DOCX_LIMITS.paragraphs };
}

const CHUNK = 256 * 1024;

// saxes is loaded with the first Word file, not at each start of the CLI (most runs read no .docx).
let SaxesParser: typeof Parser | undefined;

export async function loadXmlParser(): Promise<void> {
  SaxesParser ??= (await import('saxes')).SaxesParser;
}

/**
 * Streams a part through saxes: events, no tree, so memory does not grow with the XML. The bytes
 * are decoded a chunk at a time. saxes keeps no DTD: a DOCTYPE is skipped, an entity it does not
 * know is an error, and nothing is ever fetched (no XXE).
 */
export function parseXml(bytes: Uint8Array, handlers: XmlHandlers, budget: Budget): void {
  if (!SaxesParser) throw new Error('loadXmlParser() first');
  const parser = new SaxesParser({ xmlns: true, position: false });
  handlers.attach?.(() => parser.position);
  parser.on('opentag', (tag) => {
    if (--budget.elements < 0) throw new DocxLimitError('elements', DOCX_LIMITS.elements);
    handlers.open(tag, isWordNs(tag.uri));
  });
  parser.on('closetag', (tag) => handlers.close(tag, isWordNs(tag.uri)));
  parser.on('text', handlers.text);
  parser.on('error', (error) => {
    throw error;
  });
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < bytes.length; at += CHUNK) {
    parser.write(decoder.decode(bytes.subarray(at, at + CHUNK), { stream: at + CHUNK < bytes.length }));
  }
  parser.close();
}

function isWordNs(uri: string): boolean {
  return uri === W_NS || uri === W_STRICT_NS;
}

/** A `w:` attribute's value by local name (`val`, `id`, …). */
export function wordAttr(tag: Tag, local: string): string | undefined {
  for (const key in tag.attributes) {
    const attribute = tag.attributes[key];
    if (attribute.local === local && (attribute.uri === W_NS || attribute.uri === W_STRICT_NS || attribute.uri === '')) return attribute.value;
  }
  return undefined;
}

/** An on/off property (`<w:b/>`, `<w:vanish w:val="false"/>`). */
export function isOn(tag: Tag): boolean {
  const value = wordAttr(tag, 'val');
  return value === undefined || !/^(0|false|off)$/i.test(value);
}
