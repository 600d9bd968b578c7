import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { reviewDocx, type Diagnostic } from '@plan-lint/core';
import { decodeDocx } from '../../packages/core/src/decode/docx.js';
import { buildDocx, documentXml, zipPackage, type DocxSpec } from '../support/docx-builder.js';

/** A package's parts by name, inflated (read here, apart from the code under test). */
function parts(bytes: Uint8Array): Map<string, string> {
  const buffer = Buffer.from(bytes);
  const out = new Map<string, string>();
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = buffer.readUInt32LE(eocd + 16);
  for (let n = buffer.readUInt16LE(eocd + 10); n > 0; n--) {
    const size = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const name = buffer.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    const local = buffer.readUInt32LE(offset + 42);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    out.set(name, (buffer.readUInt16LE(offset + 10) === 8 ? inflateRawSync(data) : data).toString('utf8'));
    offset += 46 + nameLength + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  return out;
}

const entities = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The text Word shows between a comment's range marks: its w:t text, breaks and tabs, nothing hidden or deleted. */
function anchorText(xml: string, id: number): string {
  const start = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
  const end = xml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
  if (start === -1 || end === -1 || end < start) throw new Error(`comment ${id} has no range`);
  return entities(
    xml
      .slice(start, end)
      .replace(/<w:del\b[\s\S]*?<\/w:del>/g, '')
      .replace(/<w:r><w:rPr><w:vanish\/><\/w:rPr>[\s\S]*?<\/w:r>/g, '')
      .replace(/<w:br\/>/g, '\n')
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<[^>]+>/g, ''),
  );
}

/** A finding on the `occurrence`-th `text` of the Markdown the Word reader makes. */
function finding(markdown: string, text: string, occurrence = 1, extra: Partial<Diagnostic> = {}): Diagnostic {
  let at = -1;
  for (let k = 0; k < occurrence; k++) at = markdown.indexOf(text, at + 1);
  if (at === -1) throw new Error(`"${text}" is not in:\n${markdown}`);
  const point = (offset: number) => ({ line: 0, column: 0, offset });
  return {
    ruleId: 'duplicate-word',
    messageId: 'repeated',
    severity: 'warning',
    message: `về "${text}"`,
    position: { start: point(at), end: point(at + text.length) },
    docsUrl: 'https://example.org/rules/duplicate-word.md',
    pack: 'van-ban',
    ...extra,
  };
}

async function review(bytes: Buffer, targets: [string, number?][], locale: 'vi' | 'en' = 'vi') {
  const markdown = (await decodeDocx(bytes, 'plan.docx')).original;
  const diagnostics = targets.map(([text, occurrence]) => finding(markdown, text, occurrence));
  const copy = await reviewDocx(bytes, diagnostics, { locale });
  const after = parts(copy.bytes);
  // The text of the document is the same, whatever was split.
  expect((await decodeDocx(copy.bytes, 'plan.review.docx')).original).toBe(markdown);
  return { copy, markdown, xml: after.get('word/document.xml')!, after, before: parts(bytes) };
}

const LETTERS = [{ format: 'lowerLetter', text: '%1)' }];

describe('reviewDocx: where each comment goes', () => {
  it('splits a run only where a comment starts and ends, keeping its properties and entities', async () => {
    const document = documentXml({ body: [] }).replace(
      '<w:body>',
      '<w:body><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>A &amp; B Thực hiện Thực hiện xong</w:t></w:r></w:p>',
    );
    const { xml, copy } = await review(buildDocx({ body: [] }, document), [['Thực hiện', 2]]);
    expect(copy.comments).toBe(1);
    expect(anchorText(xml, 0)).toBe('Thực hiện');
    expect(xml).toContain(
      '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">A &amp; B Thực hiện </w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Thực hiện</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> xong</w:t></w:r>',
    );
  });

  it('puts marks between runs, without a split, when the text is whole runs; a range may cross paragraphs and line breaks', async () => {
    const { xml, markdown } = await review(buildDocx({ body: ['Mở đầu', 'dòng một\ndòng hai', 'đoạn sau'] }), [['một  \ndòng hai\n\nđoạn', 1]]);
    expect(markdown).toBe('Mở đầu\n\ndòng một  \ndòng hai\n\nđoạn sau\n');
    expect(anchorText(xml, 0)).toBe('một\ndòng haiđoạn');
    // Five runs (the break is a run of its own), split inside "dòng một" and "đoạn sau", and the reference run.
    expect(xml.match(/<w:r>/g)!.length).toBe(5 + 2 + 1);
  });

  it('a finding on an automatic numbering marker is a comment at the start of its paragraph', async () => {
    const { xml } = await review(buildDocx({ lists: { 1: LETTERS }, body: [{ p: 'một', num: [1, 0] }, { p: 'hai', num: [1, 0] }] }), [['b)']]);
    expect(xml).toContain('</w:pPr><w:commentRangeStart w:id="0"/><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t xml:space="preserve">hai</w:t>');
  });

  it('a finding on a marker and its text anchors on the text', async () => {
    const { xml } = await review(buildDocx({ lists: { 1: LETTERS }, body: [{ p: 'một', num: [1, 0] }, { p: 'hai việc', num: [1, 0] }] }), [['b) hai']]);
    expect(anchorText(xml, 0)).toBe('hai');
  });

  it('table cells: a cell\'s text, a whole row, and the pipe of an empty cell (its paragraph)', async () => {
    const spec: DocxSpec = { body: ['Bảng', { table: [['Báo cáo', 'Thời hạn'], ['Sơ kết | giữa kỳ', '15/6/2026'], ['Tổng kết', '']] }] };
    const { xml, markdown } = await review(buildDocx(spec), [['15/6/2026'], ['| Sơ kết \\| giữa kỳ | 15/6/2026 |'], ['Tổng kết | ']]);
    expect(markdown).toContain('| Sơ kết \\| giữa kỳ | 15/6/2026 |\n| Tổng kết |  |');
    expect(anchorText(xml, 1)).toBe('15/6/2026');
    // The row's range runs from the first cell's text to the last one's, over the cell boundary.
    expect(anchorText(xml, 0)).toBe('Sơ kết | giữa kỳ15/6/2026');
    // Only made text after "Tổng kết": the pipe opening the empty cell, whose paragraph holds the comment.
    expect(anchorText(xml, 2)).toBe('Tổng kết');
  });

  it('opens up an empty <w:p/> for a comment on its pipe', async () => {
    const document = documentXml({ body: [] }).replace(
      '<w:body>',
      '<w:body><w:p><w:r><w:t>Bảng</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>',
    );
    const bytes = buildDocx({ body: [] }, document);
    const markdown = (await decodeDocx(bytes, 'plan.docx')).original;
    expect(markdown).toBe('Bảng\n\n| A | B |\n| --- | --- |\n| C |  |\n');
    const at = markdown.indexOf(' |  |') + 1;
    const point = (offset: number) => ({ line: 0, column: 0, offset });
    const diagnostic = { ...finding(markdown, 'C'), position: { start: point(at), end: point(at + 2) } };
    const copy = await reviewDocx(bytes, [diagnostic]);
    const xml = parts(copy.bytes).get('word/document.xml')!;
    expect(xml).toContain('<w:tc><w:p><w:commentRangeStart w:id="0"/><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p></w:tc>');
    expect((await decodeDocx(copy.bytes, 'x.docx')).original).toBe(markdown);
  });

  it('text of a text box and of a footnote: at the paragraph that holds the box, at the note\'s reference', async () => {
    const spec: DocxSpec = {
      body: [{ p: ['Có hộp', { textbox: ['Trong hộp chữ'] }] }, { p: ['Có chú thích', { footnote: 1 }, ' tiếp'] }],
      footnotes: { 1: 'Lời chú thích' },
    };
    const { xml, markdown } = await review(buildDocx(spec), [['Trong hộp'], ['Lời chú']]);
    expect(markdown).toBe('Có hộp\n\nTrong hộp chữ\n\nCó chú thích[^1] tiếp\n\n[^1]: Lời chú thích\n');
    expect(xml).toMatch(/^[\s\S]*<w:p><w:commentRangeStart w:id="0"\/><w:commentRangeEnd w:id="0"\/><w:r><w:commentReference w:id="0"\/><\/w:r><w:r><w:t xml:space="preserve">Có hộp/);
    expect(xml).toContain('<w:commentRangeStart w:id="1"/><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/>');
  });

  it('hidden and deleted text stay where they are, outside nothing they were not in', async () => {
    const { xml } = await review(buildDocx({ body: [{ p: ['Thấy ', { hidden: 'ẩn ' }, { deleted: 'xoá ' }, 'được rồi'] }] }), [['Thấy được']]);
    expect(anchorText(xml, 0)).toBe('Thấy được');
    expect(xml).toContain('<w:vanish/></w:rPr><w:t>ẩn </w:t>');
  });
});

describe('reviewDocx: the package', () => {
  it('creates comments.xml with its relationship and content type; the other parts are byte for byte the same', async () => {
    const { copy, after, before } = await review(buildDocx({ body: ['Thực hiện Thực hiện'] }), [['Thực hiện', 2]]);
    expect(copy.comments).toBe(1);
    expect(after.get('word/_rels/document.xml.rels')).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"');
    expect(after.get('[Content_Types].xml')).toContain('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
    for (const name of ['_rels/.rels', 'word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml']) expect(after.get(name), name).toBe(before.get(name));
    const comments = after.get('word/comments.xml')!;
    expect(comments).toContain('<w:comment w:id="0" w:author="plan-lint" w:initials="PL">');
    expect(comments).toContain('Quy tắc: duplicate-word (van-ban) — https://example.org/rules/duplicate-word.md');
  });

  it('appends to an existing comments part, after its ids, and says the correction (English labels with locale en)', async () => {
    const base = buildDocx({ body: ['Thực hiện Thực hiện'] });
    const files = [...parts(base)].map(([name, text]) => [name, text] as [string, string]);
    const withComment = files.map(([name, text]): [string, string] =>
      name === 'word/_rels/document.xml.rels'
        ? [name, text.replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>')]
        : name === 'word/document.xml'
          ? [name, text.replace('<w:p>', '<w:p><w:commentRangeStart w:id="4"/>').replace('</w:p>', '<w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r></w:p>')]
          : [name, text],
    );
    withComment.push(['word/comments.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="4" w:author="Trưởng phòng"><w:p><w:r><w:t>Xem lại</w:t></w:r></w:p></w:comment></w:comments>`]);
    const bytes = zipPackage(withComment);
    const markdown = (await decodeDocx(bytes, 'plan.docx')).original;
    const diagnostic = finding(markdown, ' Thực hiện', 1, { fix: { range: [markdown.indexOf(' Thực hiện'), markdown.indexOf(' Thực hiện') + 10], text: '' } });
    const copy = await reviewDocx(bytes, [diagnostic], { locale: 'en' });
    const after = parts(copy.bytes);
    const comments = after.get('word/comments.xml')!;
    expect(comments).toContain('<w:comment w:id="4" w:author="Trưởng phòng">');
    expect(comments).toContain('<w:comment w:id="5" w:author="plan-lint" w:initials="PL">');
    expect(comments).toContain('Rule: duplicate-word (van-ban)');
    expect(comments).toContain('Correction: delete “ Thực hiện”');
    expect(after.get('word/_rels/document.xml.rels')).toBe(parts(bytes).get('word/_rels/document.xml.rels'));
    expect(anchorText(after.get('word/document.xml')!, 5)).toBe(' Thực hiện');
  });

  it('copies untouched entries as they are stored (local header and compressed bytes)', async () => {
    const bytes = buildDocx({ body: ['Thực hiện Thực hiện'] });
    const markdown = (await decodeDocx(bytes, 'plan.docx')).original;
    const copy = Buffer.from((await reviewDocx(bytes, [finding(markdown, 'Thực hiện', 2)])).bytes);
    const stylesAt = (zip: Buffer) => {
      const name = zip.indexOf('word/styles.xml');
      const local = name - 30;
      const size = zip.readUInt32LE(local + 18);
      return zip.subarray(local, name + 15 + size);
    };
    expect(stylesAt(copy).equals(stylesAt(bytes))).toBe(true);
  });
});
