import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDocx } from './docx.js';
import { decodePdf } from './pdf.js';

const fixture = (name: string) => readFileSync(new URL(`../../../../fixtures/formats/${name}`, import.meta.url));

describe('decodeDocx', () => {
  it('reads a pandoc-made .docx back to the Markdown it was made from (headings, Word bullets as a tight "- " list)', async () => {
    const source = await decodeDocx(fixture('plan.docx'), 'plan.docx');
    expect(source.text).toBe(fixture('plan.md').toString('utf8'));
    expect(source.text).toBe(source.text.normalize('NFC'));
  });

  it('names the file when the bytes are not a .docx', async () => {
    await expect(decodeDocx(fixture('plan.md'), 'plan.docx')).rejects.toMatchObject({ code: 'docx-invalid', filePath: 'plan.docx' });
  });
});

describe('decodePdf', () => {
  it('reads the text layer line by line', async () => {
    const source = await decodePdf(fixture('plan.pdf'), 'plan.pdf');
    // Paragraph spacing in the PDF becomes a blank line, as in text exported from Word.
    expect(source.text.startsWith('UBND HUYỆN QUẾ SƠN\n\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n\nSố: 21/KH-PGDĐT\n')).toBe(true);
    expect(source.text).toContain('\n3. Báo cáo\n\nBáo cáo 6 tháng');
    expect(source.text).toContain('\nThực hiện Thực hiện nghiêm túc các nội dung của kế hoạch.\n');
    expect(source.text).toContain('\nIV. TỔ CHỨC THỰC HIỆN\n');
  });

  it.each([
    ['encrypted.pdf', 'pdf-encrypted'],
    ['corrupt.pdf', 'pdf-invalid'],
    ['no-text.pdf', 'pdf-no-text'],
    ['plan.docx', 'pdf-invalid'],
  ])('%s gives a %s input error naming the file', async (name, code) => {
    await expect(decodePdf(fixture(name), name)).rejects.toMatchObject({ code, filePath: name });
  });
});
