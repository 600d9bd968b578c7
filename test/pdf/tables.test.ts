import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, parsePlan, type SourceText } from '@plan-lint/core';
import { decodePdf } from '../../packages/core/src/decode/pdf.js';
import { computeFacts } from '../../packages/core/src/facts/index.js';
import { parseJson, runCli } from '../cli/run-cli.js';

// fixtures/formats/tables/: plans made by LibreOffice from Word files with tables (make.sh), each
// beside the same plan written in Markdown.
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/formats/tables/${name}`, import.meta.url));

/** The facts the rules read, without positions: they must not depend on how the plan was written. */
function factsOf(source: SourceText, format: 'markdown' | 'text') {
  const facts = computeFacts(parsePlan(source, { format }), source);
  return {
    metadata: { symbol: facts.metadata.symbol, date: facts.metadata.date, year: facts.metadata.year, title: facts.metadata.title },
    deadlines: facts.deadlines.map((d) => ({ kind: d.kind, due: d.due, relation: d.relation, subject: d.subject })),
    deadlineByKind: { ...facts.deadlineByKind, at: undefined },
    actionMonth: { mentioned: facts.actionMonth.mentioned, scheduled: facts.actionMonth.scheduled, from: facts.actionMonth.from, to: facts.actionMonth.to },
    roles: { hasSection: facts.roles.hasSection, units: facts.roles.units },
    budget: { hasSection: facts.budget.hasSection, sources: facts.budget.sources },
    recipients: { present: facts.recipients.present, last: facts.recipients.last },
    signer: { present: facts.signer.present, hasTitle: facts.signer.hasTitle, hasName: facts.signer.hasName },
  };
}

describe('a two-page PDF plan with tables, a running header and page numbers', async () => {
  const source = await decodePdf(fixture('truong-thpt-ll.pdf'), 'truong-thpt-ll.pdf');
  const lines = source.text.split('\n');

  it('emits each table as GFM rows, wrapped cells joined', () => {
    expect(source.text).toContain(
      [
        '',
        '| Nội dung | Thời gian | Đơn vị |',
        '| --- | --- | --- |',
        '| Tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới | Từ 15/11/2026 đến 15/12/2026 | Đoàn Thanh niên phối hợp với Công đoàn trường |',
        '| Báo cáo sơ kết 6 tháng về Sở GDĐT | Trước ngày 05/6/2026 | Tổ Văn phòng |',
        '| Báo cáo tổng kết năm về Sở GDĐT | Trước ngày 05/12/2026 | Tổ Văn phòng |',
        '',
      ].join('\n'),
    );
    expect(source.text).toContain(
      [
        '| Đơn vị | Nhiệm vụ |',
        '| --- | --- |',
        '| Ban Giám hiệu | Chỉ đạo, kiểm tra việc thực hiện kế hoạch; bố trí kinh phí cho các hoạt động. |',
        '| Công đoàn trường | Phối hợp tổ chức Tháng hành động; chăm lo quyền lợi của nữ cán bộ, giáo viên. |',
        '| Đoàn Thanh niên | Tổ chức các hoạt động ngoại khóa, diễn đàn về bình đẳng giới cho học sinh. |',
        '| Tổ Văn phòng | Tổng hợp, báo cáo kết quả về Sở GDĐT đúng thời hạn. |',
      ].join('\n'),
    );
  });

  it('reads the header block column by column, left first, each line as written (the parser re-joins wrapped ones)', () => {
    expect(lines.slice(0, 12).filter((line) => line !== '')).toEqual([
      'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
      'TRƯỜNG THPT LÊ LỢI',
      'Số: 15/KH-THPTLL',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT',
      'NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Đà Nẵng, ngày 12 tháng 3 năm 2026',
    ]);
  });

  it('reads the signature block column by column: recipients, then the signer', () => {
    const from = lines.indexOf('Nơi nhận:');
    expect(lines.slice(from).filter((line) => line !== '')).toEqual([
      'Nơi nhận:',
      '- Sở GDĐT (để báo cáo);',
      '- Các tổ chuyên môn (để thực',
      'hiện);',
      '- Lưu: VT.',
      'HIỆU TRƯỞNG',
      'Trần Thị Bình',
    ]);
  });

  it('drops the running header and the page numbers', () => {
    expect(source.text).not.toContain('Kế hoạch thực hiện công tác bình đẳng giới năm 2026');
    expect(lines.filter((line) => /^\d+$/.test(line))).toEqual([]);
  });

  it('gives the facts of the same plan written in Markdown', () => {
    const markdown = decodeBytes(fixture('truong-thpt-ll.md'), 'truong-thpt-ll.md');
    const expected = factsOf(markdown, 'markdown');
    expect(expected.deadlines.length).toBeGreaterThan(0);
    expect(factsOf(source, 'text')).toEqual(expected);
  });
});

describe('a PDF plan whose header cells are centred and whose table cells are centred vertically', async () => {
  const source = await decodePdf(fixture('mam-non-hs.pdf'), 'mam-non-hs.pdf');
  const lines = source.text.split('\n');

  it('emits the table with its four columns, each row whole', () => {
    expect(source.text).toContain(
      [
        '',
        '| TT | Nội dung công việc | Thời gian | Người thực hiện |',
        '| --- | --- | --- | --- |',
        '| 1 | Tuyên truyền Luật Bình đẳng giới đến cán bộ, giáo viên, nhân viên và cha mẹ trẻ qua bảng tin của nhà trường | Tháng 3/2026 | Phó Hiệu trưởng |',
        '| 2 | Tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới | Từ 15/11/2026 đến 15/12/2026 | Công đoàn cơ sở |',
        '| 3 | Gửi báo cáo sơ kết 6 tháng về Ủy ban nhân dân xã | Trước ngày 10/6/2026 | Kế toán |',
        '| 4 | Gửi báo cáo tổng kết năm về Ủy ban nhân dân xã | Trước ngày 10/12/2026 | Kế toán |',
        '',
        'III. KINH PHÍ',
      ].join('\n'),
    );
  });

  it('reads the header block left column first, although its lines sit between each other', () => {
    expect(lines.slice(0, lines.indexOf('KẾ HOẠCH')).filter((line) => line !== '')).toEqual([
      'UBND XÃ HÒA VANG',
      'TRƯỜNG MẦM NON HOA',
      'SEN',
      'Số: 09/KH-MNHS',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hòa Vang, ngày 20 tháng 02 năm 2026',
    ]);
  });

  it('reads the signature block after the last paragraph: recipients, then the signer', () => {
    const from = lines.indexOf('Nơi nhận:');
    expect(lines[from - 1]).toBe('');
    expect(lines.slice(from).filter((line) => line !== '')).toEqual([
      'Nơi nhận:',
      '- UBND xã Hòa Vang (để báo cáo);',
      '- Các tổ chuyên môn (để thực hiện);',
      '- Lưu: VT.',
      'HIỆU TRƯỞNG',
      'Phạm Thị Lan',
    ]);
  });

  it('gives the facts of the same plan written in Markdown', () => {
    const markdown = decodeBytes(fixture('mam-non-hs.md'), 'mam-non-hs.md');
    const expected = factsOf(markdown, 'markdown');
    expect(expected.deadlines.length).toBeGreaterThan(0);
    expect(factsOf(source, 'text')).toEqual(expected);
  });
});

describe('plan-lint on a PDF plan with tables', () => {
  it('convert prints exactly the text that is linted, and a finding in a table row points at its cell there', async () => {
    const pdf = 'fixtures/formats/tables/truong-thpt-ll.pdf';
    const converted = runCli(['convert', '--text', pdf]);
    expect(converted.code).toBe(0);
    expect(converted.stdout).toBe((await decodePdf(fixture('truong-thpt-ll.pdf'), pdf)).text);
    // parent-so.md asks for the annual report by 01/12/2026; the plan's table row says 05/12/2026.
    const run = runCli(['--parent', 'fixtures/formats/tables/parent-so.md', '--format', 'json', pdf, 'fixtures/formats/tables/truong-thpt-ll.md']);
    const results = parseJson<{ filePath: string; messages: { ruleId: string; line: number; column: number }[] }[]>(run);
    const late = (file: string) => results.find((r) => r.filePath.endsWith(file))!.messages.filter((m) => m.ruleId === 'deadline-before-parent');
    expect(late('truong-thpt-ll.md').map((m) => [m.line, m.column])).toEqual([[53, 48]]);
    expect(late('truong-thpt-ll.pdf').map((m) => [m.line, m.column])).toEqual([[72, 48]]);
    expect(converted.stdout.split('\n')[71].slice(47)).toMatch(/^05\/12\/2026 \| Tổ Văn phòng \|$/);
  });
});
