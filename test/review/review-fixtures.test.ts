import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeDocx } from '../../packages/core/src/decode/docx.js';
import { parseJson, repoRoot, runCli } from '../cli/run-cli.js';
import { zipPackage } from '../support/docx-builder.js';

// Every Word fixture, linted and reviewed by the built CLI; the family's plans with their parent.
const PARENT = 'fixtures/family/parent/ke-hoach-phong.md';
const all = (readdirSync(path.join(repoRoot, 'fixtures'), { recursive: true }) as string[])
  .filter((file) => file.endsWith('.docx') && !file.endsWith('.review.docx'))
  .map((file) => path.join('fixtures', file))
  .sort();
const family = all.filter((file) => file.startsWith(path.join('fixtures', 'formats', 'family')));
const others = all.filter((file) => !family.includes(file));
const CHANGED = new Set(['word/document.xml', 'word/comments.xml', 'word/_rels/document.xml.rels', '[content_types].xml']);

interface Message {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const out = mkdtempSync(path.join(tmpdir(), 'plan-lint-review-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const groups = [
  { files: family, extra: ['--parent', PARENT] },
  { files: others, extra: [] as string[] },
];
const findings = new Map<string, Message[]>();
const reviewRuns = groups.map(({ files, extra }) => {
  const lint = parseJson<{ filePath: string; messages: Message[] }[]>(runCli(['--format', 'json', ...extra, ...files]));
  for (const result of lint) findings.set(path.relative(repoRoot, result.filePath), result.messages);
  return runCli(['review', '--output-dir', out, ...extra, ...files]);
});
const reviewOf = (file: string) => path.join(out, file.replace(/\.docx$/, '.review.docx'));

/** A ZIP package's entries, inflated, by lower-cased name (read here, apart from the code under test). */
function unzip(bytes: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = bytes.readUInt32LE(eocd + 16);
  for (let n = bytes.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = bytes.readUInt16LE(offset + 10);
    const size = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const name = bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    const local = bytes.readUInt32LE(offset + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    entries.set(name.toLowerCase(), method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return entries;
}

/** Text between each comment's range marks, as mammoth reads it: the marks become visible tokens first. */
async function anchorsByMammoth(review: Buffer): Promise<Map<string, string>> {
  const parts = unzip(review);
  const document = parts.get('word/document.xml')!.toString('utf8')
    .replace(/<w:commentRangeStart w:id="(\d+)"\/>/g, '<w:r><w:t>⟦$1⟧</w:t></w:r>')
    .replace(/<w:commentRangeEnd w:id="(\d+)"\/>/g, '<w:r><w:t>⟦/$1⟧</w:t></w:r>');
  const { value } = await mammoth.extractRawText({ buffer: repack(review, 'word/document.xml', document) });
  const anchors = new Map<string, string>();
  // Ranges may nest or cross (two findings on one title): each is read on its own.
  for (const match of value.matchAll(/⟦(\d+)⟧/g)) {
    const end = value.indexOf(`⟦/${match[1]}⟧`, match.index);
    if (end !== -1) anchors.set(match[1], value.slice(match.index + match[0].length, end).replace(/⟦\/?\d+⟧/g, ''));
  }
  return anchors;
}

/** The package with one part's text replaced: for mammoth only. */
function repack(bytes: Buffer, part: string, text: string): Buffer {
  const entries = unzip(bytes);
  return zipPackage(unzipNames(bytes).map((name) => [name, name.toLowerCase() === part ? text : entries.get(name.toLowerCase())!]));
}

function unzipNames(bytes: Buffer): string[] {
  const names: string[] = [];
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = bytes.readUInt32LE(eocd + 16);
  for (let n = bytes.readUInt16LE(eocd + 10); n > 0; n--) {
    const nameLength = bytes.readUInt16LE(offset + 28);
    names.push(bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return names;
}

/**
 * Text as a reader sees it: the GFM table syntax the Word reader writes (the pipes between cells,
 * `\|` for a pipe of the text, `<br>` between a cell's lines) and Markdown's hard breaks dropped,
 * runs of white space as one space.
 */
const visible = (text: string) =>
  text
    .replace(/<br>/g, ' ')
    .replace(/(^|\s)\|(?=\s|$)/g, ' ')
    .replace(/\\\|/g, '|')
    .replace(/\s+/g, ' ')
    .trim();

function rangeText(markdown: string, m: Message): string {
  const starts = [0];
  for (let at = markdown.indexOf('\n'); at !== -1; at = markdown.indexOf('\n', at + 1)) starts.push(at + 1);
  return markdown.slice(starts[m.line - 1] + m.column - 1, starts[m.endLine - 1] + m.endColumn - 1);
}

describe('plan-lint review on every Word fixture', () => {
  it('reviews them all and says where each copy went', () => {
    expect(all.length).toBeGreaterThanOrEqual(30);
    for (const run of reviewRuns) expect(run.stderr).toBe('');
    const stdout = reviewRuns.map((run) => run.stdout).join('');
    for (const file of all) expect(stdout).toContain(`${file} → `);
    // The fixtures hold findings of every kind the review copy must place.
    expect([...findings.values()].flat().length).toBeGreaterThanOrEqual(25);
  });

  it.each(all)('%s: one comment per finding, on the finding\'s text, authored plan-lint', async (file) => {
    const original = readFileSync(path.join(repoRoot, file));
    const review = readFileSync(reviewOf(file));
    const messages = findings.get(file)!;
    const markdown = (await decodeDocx(original, file)).original;
    const html = (await mammoth.convertToHtml({ buffer: review }, { styleMap: ['comment-reference => sup'] })).value;
    const comments = [...html.matchAll(/<dt id="comment-(\d+)">Comment \[PL\d+\]<\/dt><dd>([\s\S]*?)<\/dd>/g)].map((match) => ({ id: match[1], body: match[2] }));
    expect(comments).toHaveLength(messages.length);
    const anchors = await anchorsByMammoth(review);
    const documentXml = unzip(review).get('word/document.xml')!.toString('utf8');
    const unmatched = [...comments];
    for (const message of messages) {
      const expected = visible(rangeText(markdown, message));
      const anchoredOn = (comment: { id: string }) => {
        const anchor = visible(anchors.get(comment.id) ?? '');
        if (anchor === expected) return true;
        // mammoth's raw text drops a line break inside a run (`Từ 25/11/2027<w:br/>đến …`): the same words.
        if (anchor.replace(/\s+/g, '') === expected.replace(/\s+/g, '') && anchor !== '') return true;
        // A marker Word numbers itself is no one's text: the comment is at the start of its paragraph.
        return anchor === '' && /^(?:[\p{L}\d]{1,6}[.)])+$/u.test(expected) && new RegExp(`<w:numPr>(?:(?!</w:pPr>).)*</w:pPr><w:commentRangeStart w:id="${comment.id}"/>`).test(documentXml);
      };
      const found = unmatched.findIndex(
        (comment) => anchoredOn(comment) && comment.body.includes(message.ruleId) && comment.body.includes(escapeHtml(message.message)),
      );
      expect(found, `${message.ruleId} at ${message.line}:${message.column}: "${expected}"`).toBeGreaterThanOrEqual(0);
      unmatched.splice(found, 1);
    }
    const commentsXml = unzip(review).get('word/comments.xml')?.toString('utf8') ?? '';
    expect(commentsXml.match(/w:author="plan-lint" w:initials="PL"/g) ?? []).toHaveLength(messages.length);
  });

  it.each(all)('%s: every other part byte for byte, and the same text', async (file) => {
    const original = readFileSync(path.join(repoRoot, file));
    const review = readFileSync(reviewOf(file));
    const before = unzip(original);
    const after = unzip(review);
    for (const [name, data] of before) {
      if (CHANGED.has(name)) continue;
      expect(after.get(name)?.equals(data), name).toBe(true);
    }
    expect([...after.keys()].filter((name) => !before.has(name)).every((name) => CHANGED.has(name))).toBe(true);
    expect((await decodeDocx(review, file)).original).toBe((await decodeDocx(original, file)).original);
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
