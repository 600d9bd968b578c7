import { docxSourceMap, resolvePartPath, type DocxSourceMap } from '../../decode/docx.js';
import type { Paragraph, ParagraphXml, Piece, RunXml } from '../../decode/docx/document.js';
import type { Fragment } from '../../decode/docx/markdown.js';
import { W_NS, loadXmlParser } from '../../decode/docx/xml.js';
import { listZipEntries, readZipEntry } from '../../decode/docx/zip.js';
import { normalizeWithMap } from '../../decode/source-text.js';
import { MAX_UNPACKED_BYTES } from '../../decode/zip-guard.js';
import type { Diagnostic, Locale } from '../../engine/diagnostic.js';
import { rewriteZip, zipEntryNames } from './zip-rewrite.js';

export interface ReviewOptions {
  /** The language of the labels around each message (the messages are already in the lint's language). */
  locale?: Locale;
}

export interface ReviewCopy {
  /** The review copy's bytes (.docx). */
  bytes: Uint8Array;
  /** Comments written: one per diagnostic. */
  comments: number;
}

const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const AUTHOR = 'plan-lint';
const INITIALS = 'PL';

/**
 * A Word plan's review copy: the same package with one Word comment per diagnostic, anchored on
 * the text the diagnostic is about (`commentRangeStart` … `commentRangeEnd`, then the reference),
 * a run split only where a comment starts or ends. Only the main document, the comments part, the
 * document's relationships and `[Content_Types].xml` change; every other entry is copied byte for
 * byte, and the document's text is the same. `diagnostics` are those of linting this very file
 * (their offsets are in the Markdown decodeDocx makes of it). Bytes in, bytes out: no file system.
 */
export async function reviewDocx(bytes: Uint8Array, diagnostics: readonly Diagnostic[], options: ReviewOptions = {}): Promise<ReviewCopy> {
  await loadXmlParser();
  const locale = options.locale ?? 'vi';
  const map = docxSourceMap(bytes);
  const entries = listZipEntries(bytes);
  const names = zipEntryNames(bytes);
  const nameOf = (part: string) => names.find((name) => name.replace(/^\//, '').toLowerCase() === part.toLowerCase());
  const read = (part: string): string | undefined => {
    const entry = entries.get(part.toLowerCase());
    const data = entry ? readZipEntry(bytes, entry, MAX_UNPACKED_BYTES) : undefined;
    return data ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(data) : undefined;
  };

  const documentName = nameOf(map.documentPart);
  const documentText = read(map.documentPart);
  if (documentName === undefined || documentText === undefined) throw new Error(`no main document part (${map.documentPart})`);
  // saxes read the part without its BOM: positions count from after it.
  const bom = documentText.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const xml = bom ? documentText.slice(1) : documentText;

  const folder = map.documentPart.includes('/') ? map.documentPart.slice(0, map.documentPart.lastIndexOf('/') + 1) : '';
  const relsPart = `${folder}_rels/${map.documentPart.slice(folder.length)}.rels`;
  const rels = read(relsPart);
  const existingTarget = rels === undefined ? undefined : commentsTarget(rels);
  let commentsPart = existingTarget === undefined ? undefined : resolvePartPath(folder, existingTarget);
  const existingComments = commentsPart === undefined ? undefined : read(commentsPart);

  const ordered = [...diagnostics].sort((a, b) => a.position.start.offset - b.position.start.offset || a.position.end.offset - b.position.end.offset);
  let nextId = Math.max(maxCommentId(xml), existingComments ? maxCommentId(existingComments) : -1) + 1;
  const locator = new Locator(map, xml);
  const inserts = new Inserts(xml);
  const comments: string[] = [];
  for (const diagnostic of ordered) {
    const id = nextId++;
    const { start, end } = locator.sites(diagnostic.position.start.offset, diagnostic.position.end.offset);
    inserts.comment(id, start, end);
    comments.push(commentXml(id, diagnostic, locator.linted, locale));
  }

  const replaced = new Map<string, Uint8Array>();
  const added: { name: string; data: Uint8Array }[] = [];
  const encode = (text: string) => new TextEncoder().encode(text);
  replaced.set(documentName, encode(bom + inserts.apply()));

  if (existingComments !== undefined && commentsPart !== undefined) {
    replaced.set(nameOf(commentsPart)!, encode(appendComments(existingComments, comments)));
  } else {
    // A relationship may name a comments part the package lacks: it is created at that name.
    if (commentsPart === undefined) {
      commentsPart = `${folder}comments.xml`;
      for (let k = 1; entries.has(commentsPart.toLowerCase()); k++) commentsPart = `${folder}comments${k}.xml`;
      const target = commentsPart.slice(folder.length);
      if (rels === undefined) added.push({ name: relsPart, data: encode(newRelationships(target)) });
      else replaced.set(nameOf(relsPart)!, encode(addRelationship(rels, target)));
    }
    added.push({ name: commentsPart, data: encode(newComments(comments)) });
  }

  const typesName = nameOf('[Content_Types].xml');
  const types = read('[Content_Types].xml');
  if (typesName === undefined || types === undefined) throw new Error('no [Content_Types].xml');
  const withTypes = addContentTypes(types, `/${commentsPart}`, rels === undefined);
  if (withTypes !== types) replaced.set(typesName, encode(withTypes));

  return { bytes: rewriteZip(bytes, replaced, added), comments: comments.length };
}

/** A place in a paragraph's text: before or after its character `at`. */
interface Point {
  paragraph?: Paragraph;
  at: number;
  after: boolean;
}

/** Where marks go in document.xml: between runs, or inside a run (split there), or into an empty `<w:p/>`. */
export interface Site {
  offset: number;
  kind: 'between' | 'split' | 'empty-paragraph';
  run?: RunXml;
  /** A split inside a `w:t`: past its start tag. */
  textOpen?: number;
  /** The `w` prefix to write new elements with. */
  prefix: string;
}

/** Diagnostic offsets (in the linted, NFC text) → sites in document.xml. */
class Locator {
  /** The text the diagnostics' offsets refer to. */
  readonly linted: string;
  private readonly toWritten?: Int32Array;
  private readonly starts: number[] = [];
  private readonly fragments: Fragment[];
  private readonly firstParagraph?: Paragraph;

  constructor(
    map: DocxSourceMap,
    private readonly xml: string,
  ) {
    const nfc = map.text.normalize('NFC');
    this.linted = nfc;
    if (nfc !== map.text) this.toWritten = normalizeWithMap(map.text).map;
    this.fragments = map.fragments;
    let offset = 0;
    for (const fragment of map.fragments) {
      this.starts.push(offset);
      offset += fragment.text.length;
      if (!this.firstParagraph && fragment.paragraph?.xml) this.firstParagraph = fragment.paragraph;
    }
  }

  sites(startOffset: number, endOffset: number): { start: Site; end: Site } {
    const written = (offset: number) => {
      const clamped = Math.max(0, Math.min(offset, this.linted.length));
      return this.toWritten ? this.toWritten[clamped] : clamped;
    };
    const from = written(startOffset);
    const to = Math.max(from, written(endOffset));
    const first = this.firstCopied(from, to);
    if (!first) {
      // Only text the writer made (a numbering marker, a pipe): the start of its paragraph or cell.
      const site = this.site(this.placeOf(from));
      return { start: site, end: site };
    }
    const last = this.lastCopied(from, to)!;
    const start = this.site(first);
    const end = this.site(last);
    return { start, end: end.offset < start.offset ? start : end };
  }

  private indexAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private firstCopied(from: number, to: number): Point | undefined {
    for (let i = this.indexAt(from); i < this.fragments.length && this.starts[i] < to; i++) {
      const fragment = this.fragments[i];
      if (fragment.copied && fragment.text.length > 0) return { paragraph: fragment.paragraph, at: fragment.at + Math.max(0, from - this.starts[i]), after: false };
    }
    return undefined;
  }

  private lastCopied(from: number, to: number): Point | undefined {
    for (let i = this.indexAt(to - 1); i >= 0 && this.starts[i] + this.fragments[i].text.length > from; i--) {
      const fragment = this.fragments[i];
      if (fragment.copied && fragment.text.length > 0) {
        const endInFragment = Math.min(to, this.starts[i] + fragment.text.length) - this.starts[i];
        return { paragraph: fragment.paragraph, at: fragment.at + endInFragment - 1, after: true };
      }
    }
    return undefined;
  }

  /** The place of made text: its own paragraph, else that of the next stretch that has one. */
  private placeOf(offset: number): Point {
    const index = this.indexAt(offset);
    for (let i = index; i < this.fragments.length; i++) {
      const fragment = this.fragments[i];
      if (fragment.paragraph) return { paragraph: fragment.paragraph, at: fragment.at, after: false };
    }
    for (let i = index - 1; i >= 0; i--) {
      const fragment = this.fragments[i];
      if (fragment.paragraph) return { paragraph: fragment.paragraph, at: fragment.at + (fragment.copied ? fragment.text.length - 1 : 0), after: fragment.copied };
    }
    return { paragraph: this.firstParagraph, at: 0, after: false };
  }

  private site(point: Point): Site {
    const paragraph = point.paragraph?.xml ? point.paragraph : this.firstParagraph;
    const px = paragraph?.xml;
    if (!px) throw new Error('the document has no paragraph to comment on');
    // A text box's text is commented at the start of the paragraph that holds the box.
    if (px.host) return this.paragraphStart(px.host);
    const pieces = px.pieces;
    if (pieces.length === 0) return this.paragraphStart(px);
    const lastPiece = pieces[pieces.length - 1];
    if (point.at >= lastPiece.at + lastPiece.length) return this.afterPiece(lastPiece, lastPiece.length);
    const piece = pieceAt(pieces, Math.max(0, point.at));
    if (!piece.isText) return point.after ? this.afterPiece(piece, piece.length) : this.beforePiece(piece);
    const k = Math.max(0, point.at - piece.at) + (point.after ? 1 : 0);
    if (k === 0) return this.beforePiece(piece);
    if (k >= piece.length) return this.afterPiece(piece, k);
    return { offset: rawOffset(this.xml, piece.open, k), kind: 'split', run: piece.run, textOpen: piece.open, prefix: piece.run?.prefix ?? 'w' };
  }

  private paragraphStart(px: ParagraphXml): Site {
    const offset = px.contentEnd;
    // `<w:p/>` has no inside: it is opened up.
    const tagStart = this.xml.lastIndexOf('<', offset - 1);
    if (this.xml.charCodeAt(offset - 2) === 0x2f && /^<(?:[\w.-]+:)?p[\s/]/.test(this.xml.slice(tagStart, tagStart + 64))) {
      return { offset, kind: 'empty-paragraph', prefix: prefixOfTag(this.xml, offset) };
    }
    return { offset, kind: 'between', prefix: prefixOfTag(this.xml, offset) };
  }

  private beforePiece(piece: Piece): Site {
    const start = this.xml.lastIndexOf('<', piece.open - 1);
    const run = piece.run;
    if (!run) return { offset: start, kind: 'between', prefix: 'w' };
    const runStart = this.xml.lastIndexOf('<', run.open - 1);
    // Nothing of the run before it: the marks go before the run, which stays whole.
    if (this.xml.slice(run.propsEnd ?? run.open, start).trim() === '') return { offset: runStart, kind: 'between', prefix: run.prefix };
    return { offset: start, kind: 'split', run, prefix: run.prefix };
  }

  private afterPiece(piece: Piece, k: number): Site {
    if (piece.isText && k < piece.length) {
      return { offset: rawOffset(this.xml, piece.open, k), kind: 'split', run: piece.run, textOpen: piece.open, prefix: piece.run?.prefix ?? 'w' };
    }
    const run = piece.run;
    if (!run) return { offset: piece.close, kind: 'between', prefix: 'w' };
    const runEnd = this.xml.lastIndexOf('<', run.close - 1);
    if (this.xml.slice(piece.close, runEnd).trim() === '') return { offset: run.close, kind: 'between', prefix: run.prefix };
    return { offset: piece.close, kind: 'split', run, prefix: run.prefix };
  }
}

function pieceAt(pieces: Piece[], at: number): Piece {
  let low = 0;
  let high = pieces.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pieces[mid].at <= at) low = mid;
    else high = mid - 1;
  }
  return pieces[low];
}

/**
 * The XML offset of character `k` of a `w:t`'s text (which starts at `from`): entities and CRLF
 * are one character of the text each (an astral character reference, two code units).
 */
function rawOffset(xml: string, from: number, k: number): number {
  let at = from;
  let count = 0;
  while (count < k && at < xml.length) {
    const ch = xml.charCodeAt(at);
    if (ch === 0x26) {
      const end = xml.indexOf(';', at);
      const entity = xml.slice(at + 1, end);
      const code = entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : entity.startsWith('#') ? parseInt(entity.slice(1), 10) : 0;
      count += code > 0xffff ? 2 : 1;
      at = end + 1;
    } else if (ch === 0x0d) {
      count++;
      at += xml.charCodeAt(at + 1) === 0x0a ? 2 : 1;
    } else {
      count++;
      at++;
    }
  }
  return at;
}

function prefixOfTag(xml: string, end: number): string {
  const start = xml.lastIndexOf('<', end - 1);
  const match = /^<([\w.-]+):/.exec(xml.slice(start, start + 64));
  return match ? match[1] : '';
}

interface Insert {
  site: Site;
  /** Ids whose range ends here (their start is before). */
  ends: number[];
  starts: number[];
  /** Ids whose range starts and ends here. */
  points: number[];
}

/** The marks to write into document.xml, by offset. */
class Inserts {
  private readonly byOffset = new Map<number, Insert>();
  /** `w:t` start tags that need xml:space="preserve" once split. */
  private readonly preserve = new Set<number>();

  constructor(private readonly xml: string) {}

  comment(id: number, start: Site, end: Site): void {
    if (start.offset === end.offset) {
      this.at(start).points.push(id);
      return;
    }
    this.at(start).starts.push(id);
    this.at(end).ends.push(id);
  }

  private at(site: Site): Insert {
    let insert = this.byOffset.get(site.offset);
    if (!insert) {
      insert = { site, ends: [], starts: [], points: [] };
      this.byOffset.set(site.offset, insert);
    }
    if (site.textOpen !== undefined && !/\sxml:space=/.test(this.startTag(site.textOpen))) this.preserve.add(site.textOpen);
    return insert;
  }

  private startTag(end: number): string {
    return this.xml.slice(this.xml.lastIndexOf('<', end - 1), end);
  }

  apply(): string {
    const edits: { offset: number; text: string; remove?: number }[] = [];
    for (const open of this.preserve) {
      const selfClosing = this.xml.charCodeAt(open - 2) === 0x2f;
      edits.push({ offset: open - (selfClosing ? 2 : 1), text: ' xml:space="preserve"' });
    }
    for (const [offset, insert] of this.byOffset) edits.push(this.edit(offset, insert));
    edits.sort((a, b) => a.offset - b.offset);
    const out: string[] = [];
    let at = 0;
    for (const edit of edits) {
      out.push(this.xml.slice(at, edit.offset), edit.text);
      at = edit.offset + (edit.remove ?? 0);
    }
    out.push(this.xml.slice(at));
    return out.join('');
  }

  private edit(offset: number, insert: Insert): { offset: number; text: string; remove?: number } {
    const { site } = insert;
    const q = site.prefix ? `${site.prefix}:` : '';
    // Range marks need a prefixed w:id; a document in the default namespace gets one declared.
    const mq = site.prefix ? q : 'w:';
    const ns = site.prefix ? '' : ` xmlns:w="${W_NS}"`;
    const start = (id: number) => `<${mq}commentRangeStart${ns} ${mq}id="${id}"/>`;
    const end = (id: number) => `<${mq}commentRangeEnd${ns} ${mq}id="${id}"/><${mq}r${ns}><${mq}commentReference ${mq}id="${id}"/></${mq}r>`;
    const marks = [...insert.ends.map(end), ...insert.starts.map(start), ...insert.points.map((id) => start(id) + end(id))].join('');
    if (site.kind === 'empty-paragraph') {
      const tagStart = this.xml.lastIndexOf('<', offset - 1);
      const name = /^<([\w.:-]+)/.exec(this.xml.slice(tagStart, tagStart + 64))![1];
      return { offset: offset - 2, remove: 2, text: `>${marks}</${name}>` };
    }
    if (site.kind === 'between' || !site.run) return { offset, text: marks };
    const run = site.run;
    const props = run.propsEnd !== undefined ? this.xml.slice(run.open, run.propsEnd).trim() : '';
    if (site.textOpen !== undefined) {
      return { offset, text: `</${q}t></${q}r>${marks}<${q}r>${props}<${q}t xml:space="preserve">` };
    }
    return { offset, text: `</${q}r>${marks}<${q}r>${props}` };
  }
}

function commentXml(id: number, diagnostic: Diagnostic, linted: string, locale: Locale): string {
  const en = locale === 'en';
  const lines = [diagnostic.message, `${en ? 'Rule' : 'Quy tắc'}: ${diagnostic.ruleId} (${diagnostic.pack}) — ${diagnostic.docsUrl}`];
  const replacement = (fix: { range: [number, number]; text: string }) => {
    const before = linted.slice(fix.range[0], fix.range[1]);
    if (fix.text === '') return en ? `delete “${before}”` : `xoá “${before}”`;
    if (before === '') return en ? `insert “${fix.text}”` : `thêm “${fix.text}”`;
    return en ? `replace “${before}” with “${fix.text}”` : `thay “${before}” bằng “${fix.text}”`;
  };
  if (diagnostic.fix) lines.push(`${en ? 'Correction' : 'Sửa'}: ${replacement(diagnostic.fix)}`);
  for (const suggestion of diagnostic.suggestions ?? []) {
    lines.push(`${en ? 'Suggestion' : 'Gợi ý'}: ${suggestion.message} (${replacement(suggestion.fix)})`);
  }
  const paragraphs = lines
    .map((line, index) => `<w:p>${index === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`)
    .join('');
  return `<w:comment w:id="${id}" w:author="${AUTHOR}" w:initials="${INITIALS}">${paragraphs}</w:comment>`;
}

function newComments(comments: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">${comments.join('')}</w:comments>`;
}

/** Comments added to an existing comments part, written with its own prefix for the Word namespace. */
function appendComments(existing: string, comments: string[]): string {
  const root = /<([\w.-]+:)?comments\b[^>]*>/.exec(existing);
  const declared = root ? new RegExp(`xmlns:([\\w.-]+)="${W_NS.replace(/[.]/g, '\\.')}"`).exec(root[0]) : null;
  let added = comments.join('');
  if (!declared) {
    // The Word namespace is not bound to a prefix there: each comment declares `w` itself.
    added = comments.map((comment) => comment.replace(/^<w:comment /, `<w:comment xmlns:w="${W_NS}" `)).join('');
  } else if (declared[1] !== 'w') {
    added = added.replace(/<(\/?)w:/g, `<$1${declared[1]}:`).replace(/ w:(id|author|initials)=/g, ` ${declared[1]}:$1=`);
  }
  if (root && root[0].endsWith('/>')) {
    const name = root[0].slice(1).split(/[\s/>]/)[0];
    return existing.replace(root[0], `${root[0].slice(0, -2)}>${added}</${name}>`);
  }
  const close = existing.lastIndexOf('</');
  return existing.slice(0, close) + added + existing.slice(close);
}

function commentsTarget(rels: string): string | undefined {
  for (const match of rels.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const tag = match[0];
    if (attr(tag, 'Type') === COMMENTS_TYPE && attr(tag, 'TargetMode') !== 'External') return attr(tag, 'Target');
  }
  return undefined;
}

function addRelationship(rels: string, target: string): string {
  const ids = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((match) => match[1]));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const root = /<([\w.-]+:)?Relationships\b/.exec(rels);
  const q = root?.[1] ?? '';
  const relationship = `<${q}Relationship Id="rId${n}" Type="${COMMENTS_TYPE}" Target="${escapeXml(target)}"/>`;
  const close = rels.lastIndexOf('</');
  if (close === -1) return rels.replace(/\/>\s*$/, `>${relationship}</${q}Relationships>`);
  return rels.slice(0, close) + relationship + rels.slice(close);
}

function newRelationships(target: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${COMMENTS_TYPE}" Target="${escapeXml(target)}"/></Relationships>`;
}

function addContentTypes(types: string, partName: string, needsRels: boolean): string {
  const root = /<([\w.-]+:)?Types\b/.exec(types);
  const q = root?.[1] ?? '';
  let added = '';
  const overridden = [...types.matchAll(/<(?:[\w.-]+:)?Override\b[^>]*>/g)].some((match) => attr(match[0], 'PartName')?.toLowerCase() === partName.toLowerCase());
  if (!overridden) added += `<${q}Override PartName="${escapeXml(partName)}" ContentType="${COMMENTS_CONTENT_TYPE}"/>`;
  const relsDefault = [...types.matchAll(/<(?:[\w.-]+:)?Default\b[^>]*>/g)].some((match) => attr(match[0], 'Extension')?.toLowerCase() === 'rels');
  if (needsRels && !relsDefault) added += `<${q}Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`;
  if (added === '') return types;
  const close = types.lastIndexOf('</');
  return types.slice(0, close) + added + types.slice(close);
}

function attr(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag) ?? new RegExp(`\\s${name}='([^']*)'`).exec(tag);
  return match ? unescapeXml(match[1]) : undefined;
}

function maxCommentId(xml: string): number {
  let max = -1;
  for (const match of xml.matchAll(/<(?:[\w.-]+:)?(?:comment|commentRangeStart|commentRangeEnd|commentReference)\s[^>]*?\b(?:[\w.-]+:)?id="(-?\d+)"/g)) {
    max = Math.max(max, Number(match[1]));
  }
  return max;
}

function escapeXml(text: string): string {
  // Characters XML 1.0 cannot hold are dropped (a message never needs them).
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
}
