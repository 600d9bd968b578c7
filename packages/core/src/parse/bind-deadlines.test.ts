import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './index.js';

const HEAD = 'Hà Nội, ngày 10 tháng 01 năm 2026\n\nKẾ HOẠCH\n\nCông tác năm 2026\n\nI. TỔ CHỨC THỰC HIỆN\n\n';

/** kind, due, relation and subject of every deadline, in text order. */
function deadlines(body: string, format: 'markdown' | 'text' = 'text'): string[] {
  return parsePlan(HEAD + body, { format }).deadlines.map(
    (d) => `${d.kind} ${d.relation} ${d.due?.iso ?? (d.months ?? []).join(',')} | ${d.subject}`,
  );
}

describe('deadlines bound by structure', () => {
  it('several deadlines in one sentence each keep their own subject and kind', () => {
    const expected = [
      'six-month-report before 2026-06-10 | báo cáo sơ kết',
      'annual-report before 2026-12-10 | báo cáo tổng kết',
    ];
    expect(deadlines('Các tổ gửi báo cáo sơ kết trước ngày 10/6/2026 và báo cáo tổng kết trước ngày 10/12/2026.')).toEqual(expected);
    expect(deadlines('Các tổ gửi báo cáo sơ kết trước ngày 10/6/2026, báo cáo tổng kết trước ngày 10/12/2026.')).toEqual(expected);
    // A list writes the subjects capitalised: the same words.
    expect(deadlines('- Báo cáo sơ kết: trước ngày 10/6/2026;\n- Báo cáo tổng kết: trước ngày 10/12/2026.').map((d) => d.replace(' | B', ' | b'))).toEqual(expected);
    expect(deadlines('Các tổ gửi báo cáo sơ kết trước ngày 10-06-2026 và báo cáo tổng kết trước ngày 10-12-2026.')).toEqual(expected);
    expect(
      deadlines('Các tổ gửi báo cáo sơ kết trước ngày 10 tháng 6 năm 2026 và báo cáo tổng kết trước ngày 10 tháng 12 năm 2026.'),
    ).toEqual(expected);
  });

  it('an item that names its report before a colon, then who does it and when, clause by clause', () => {
    const expected = ['six-month-report before 2027-06-05', 'annual-report before 2027-12-22'];
    const shapes = [
      '- Báo cáo sơ kết 6 tháng gửi UBND xã: Phó Hiệu trưởng chủ trì; Văn phòng phối hợp; hoàn thành trước ngày 05/6/2027.\n- Báo cáo tổng kết năm gửi UBND xã: Văn phòng chủ trì; hoàn thành trước ngày 22/12/2027.',
      'a) Báo cáo sơ kết 6 tháng: Phó Hiệu trưởng chủ trì; thời gian: trước ngày 05/6/2027.\nb) Báo cáo tổng kết năm: Văn phòng chủ trì; thời gian: trước ngày 22/12/2027.',
      'Báo cáo sơ kết 6 tháng: Phó Hiệu trưởng chủ trì, hoàn thành trước ngày 05 tháng 6 năm 2027.\n\nBáo cáo tổng kết năm: Văn phòng chủ trì, hoàn thành trước ngày 22-12-2027.',
    ];
    for (const body of shapes) expect(deadlines(body).map((d) => d.split(' | ')[0])).toEqual(expected);
    // A lead that names no report leads nothing: the date is the activity's own.
    expect(deadlines('- Tuyên truyền pháp luật: Đoàn Thanh niên chủ trì; hoàn thành trước ngày 15/3/2027.')).toEqual(['other before 2027-03-15 | hoàn thành']);
  });

  it('reports in turn: listed bare (`6 tháng và năm`), in the clause before, or named again in a bracket for all the dates', () => {
    const kinds = (body: string) => deadlines(body).map((d) => d.split(' | ')[0]);
    const expected = ['six-month-report before 2027-06-05', 'annual-report before 2027-12-05'];
    for (const body of [
      'Phó Hiệu trưởng tổng hợp, gửi Ủy ban nhân dân xã báo cáo định kỳ 6 tháng và năm, tương ứng trước ngày 05/6/2027 và trước ngày 05/12/2027.',
      'Phó Hiệu trưởng gửi báo cáo sơ kết, tổng kết về Ủy ban nhân dân xã; thời hạn lần lượt trước ngày 05/6/2027 và 05/12/2027.',
      'Phó Hiệu trưởng gửi báo cáo sơ kết, tổng kết về Ủy ban nhân dân xã lần lượt trước ngày 05/6/2027 và trước ngày 05/12/2027 (tương ứng với kỳ báo cáo 6 tháng và năm).',
      'Văn phòng gửi báo cáo về Ủy ban nhân dân xã trước ngày 05/6/2027 (sơ kết) và trước ngày 05/12/2027 (tổng kết).',
    ]) {
      expect(kinds(body)).toEqual(expected);
    }
    // The clause before lists no reports: the dates stay unnamed.
    expect(kinds('Phó Hiệu trưởng chỉ đạo các tổ chuyên môn; thời hạn lần lượt trước ngày 05/6/2027 và 05/12/2027.')).toEqual([
      'other before 2027-06-05',
      'other before 2027-12-05',
    ]);
  });

  it('a table cell with two dates, each followed by its report in brackets', () => {
    const table = '| TT | Nội dung | Thời gian |\n| --- | --- | --- |\n| 1 | Báo cáo sơ kết 6 tháng, tổng kết năm | Trước 10/6/2027 (sơ kết); trước 17/12/2027 (tổng kết) |\n';
    expect(deadlines(table, 'markdown').map((d) => d.split(' | ')[0])).toEqual(['six-month-report before 2027-06-10', 'annual-report before 2027-12-17']);
  });

  it("a forwarded e-mail's `> ` lines quote the parent: their deadlines and numbering are not the plan's", () => {
    const body =
      'Sở quy định thời hạn như sau (trích Mục V Kế hoạch của Sở):\n\n> 3. Báo cáo 6 tháng đầu năm 2027 gửi trước ngày 12/6/2027.\n>\n> 4. Báo cáo năm 2027 gửi trước\n> ngày 22/12/2027.\n\nPhó Hiệu trưởng gửi báo cáo 6 tháng trước ngày 05/6/2027 và báo cáo năm trước ngày 17/12/2027.\n';
    expect(deadlines(body).map((d) => d.split(' | ')[0])).toEqual(['six-month-report before 2027-06-05', 'annual-report before 2027-12-17']);
    const document = parsePlan(HEAD + body, { format: 'text' });
    expect(document.sections.flatMap((section) => section.children.filter((child) => child.type === 'section'))).toEqual([]);
  });

  it('a weekday between `trước` and the date keeps the relation', () => {
    expect(deadlines('- Báo cáo 6 tháng: trước thứ Sáu, ngày 04/6/2027.').map((d) => d.split(' | ')[0])).toEqual(['six-month-report before 2027-06-04']);
  });

  it('a bracket that adds to a report does not name it', () => {
    expect(deadlines('- Báo cáo tổng kết năm 2027 (kèm kết quả Tháng hành động): trước ngày 22/12/2027.').map((d) => d.split(' | ')[0])).toEqual(['annual-report before 2027-12-22']);
    expect(deadlines('- Báo cáo kết quả (Tháng hành động): trước ngày 20/12/2027.').map((d) => d.split(' | ')[0])).toEqual(['action-month-report before 2027-12-20']);
    expect(deadlines('- Báo cáo (6 tháng): trước ngày 05/6/2027.').map((d) => d.split(' | ')[0])).toEqual(['six-month-report before 2027-06-05']);
  });

  it('a table one cell per line: a date alone on its line is due for the report a cell or two before it names', () => {
    // Lines of a text save as long as a page is wide: the cells are then not taken for a wrapped sentence.
    const prose = 'Nhà trường tổ chức thực hiện các nội dung của Kế hoạch này theo đúng tiến độ và phân công cụ thể.\n'.repeat(12);
    const table = (rows: string) => deadlines(`${prose}Thời gian thực hiện và báo cáo theo bảng sau:\nNội dung công việc\nNgười thực hiện\nThời gian\n${rows}`);
    const rows = 'Báo cáo sơ kết 6 tháng đầu năm\nPhó Hiệu trưởng\nTrước ngày 05/6/2027\nBáo cáo tổng kết năm 2027\nPhó Hiệu trưởng\nVăn phòng\nTrước ngày 18/12/2027\n';
    expect(table(rows).map((d) => d.split(' | ')[0])).toEqual(['six-month-report before 2027-06-05', 'annual-report before 2027-12-18']);
    // No further back than two cells, and never past a date: the row before is another row.
    expect(table('Báo cáo sơ kết 6 tháng\nPhó Hiệu trưởng\nVăn phòng\nCông đoàn\nTrước ngày 05/6/2027\n')).toEqual([]);
    expect(table('Báo cáo sơ kết 6 tháng\nTrước ngày 05/6/2027\nTập huấn giáo viên\nTrước ngày 20/6/2027\n').map((d) => d.split(' | ')[0])).toEqual(['six-month-report before 2027-06-05']);
  });

  it('several reports sharing one clause: listed in turn, named in brackets after each date, or by their kind alone', () => {
    const kinds = (body: string, format: 'markdown' | 'text' = 'text') => deadlines(body, format).map((d) => d.split(' | ')[0]);
    const expected = ['six-month-report before 2026-06-05', 'annual-report before 2026-12-04'];
    const sentences = [
      'Văn phòng gửi Phòng GD&ĐT báo cáo 6 tháng, báo cáo năm lần lượt trước các ngày 05/6/2026 và 04/12/2026.',
      'Báo cáo 6 tháng và báo cáo năm gửi trước ngày 05/6/2026 và ngày 04/12/2026 tương ứng.',
      'Thư ký gửi báo cáo về Phòng GD&ĐT: trước ngày 05/6/2026 (báo cáo 6 tháng), trước ngày 04/12/2026 (báo cáo năm).',
      'Báo cáo định kỳ 6 tháng (trước ngày 05/6/2026) và năm (trước ngày 04/12/2026) đúng thời hạn.',
      'Báo cáo sơ kết, tổng kết lần lượt trước ngày 05/6/2026, ngày 04/12/2026.',
    ];
    for (const sentence of sentences) {
      expect(kinds(sentence), sentence).toEqual(expected);
      expect(kinds(`- ${sentence}`, 'markdown'), sentence).toEqual(expected);
      expect(kinds(`| Nhiệm vụ | Ghi chú |\n|---|---|\n| ${sentence} | |\n`, 'markdown'), sentence).toEqual(expected);
      // A roles table: the unit, then its duties with their dates in one cell.
      expect(kinds(`| Đơn vị | Nhiệm vụ |\n|---|---|\n| Văn phòng | ${sentence} |\n`, 'markdown'), sentence).toEqual(expected);
      expect(kinds(sentence.replace(/(\d+)\/(\d+)\/2026/g, '$1-$2-2026')), sentence).toEqual(expected);
      // Wrapped as text exported from a PDF is.
      const wrapped = sentence.replace(/(.{30,45}?) /g, '$1\n');
      expect(kinds(wrapped), wrapped).toEqual(expected);
    }
    // A semester's review is not the six-month report.
    expect(kinds('Báo cáo sơ kết học kỳ I năm học 2026-2027 trước ngày 05/01/2027.')).toEqual(['other before 2027-01-05']);
    // One report with two dates, or as many kinds as dates but the same kind twice: no pairing.
    expect(kinds('Báo cáo 6 tháng trước ngày 05/6/2026 và ngày 10/6/2026.')).toEqual(['six-month-report before 2026-06-05', 'six-month-report before 2026-06-10']);
  });

  it("a row's date cell with a date for each report its subject lists, in turn", () => {
    const kinds = (body: string) => deadlines(body, 'markdown').map((d) => d.split(' | ')[0]);
    const row = (subject: string, when: string) => `| Nội dung | Thời hạn |\n|---|---|\n| ${subject} | ${when} |\n`;
    expect(kinds(row('Báo cáo 6 tháng và báo cáo năm 2025', 'Chậm nhất ngày 04/6/2025 và ngày 19/12/2025'))).toEqual([
      'six-month-report on 2025-06-04',
      'annual-report on 2025-12-19',
    ]);
    expect(kinds(row('Báo cáo sơ kết, báo cáo tổng kết', 'Trước ngày 04/6/2025; trước ngày 19/12/2025'))).toEqual([
      'six-month-report before 2025-06-04',
      'annual-report before 2025-12-19',
    ]);
    // One report, two dates: both its own.
    expect(kinds(row('Báo cáo 6 tháng', 'Trước ngày 04/6/2025 và ngày 10/6/2025'))).toEqual(['six-month-report before 2025-06-04', 'six-month-report before 2025-06-10']);
  });

  it("a schedule's month gives way to the day the task's own cell names", () => {
    const kinds = (body: string) => deadlines(body, 'markdown').map((d) => d.split(' | ')[0]);
    const table = (rows: string[][]) => `| Thời gian | Nội dung công việc | Người phụ trách |\n|---|---|---|\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`;
    expect(
      kinds(
        table([
          ['Tháng 6/2026', 'Báo cáo sơ kết 6 tháng gửi Phòng GD&ĐT trước ngày 09/6/2026', 'Phó Hiệu trưởng'],
          ['Tháng 12/2026', 'Báo cáo kết quả Tháng hành động trước ngày 18/12/2026; báo cáo tổng kết năm trước ngày 19/12/2026', 'Phó Hiệu trưởng'],
        ]),
      ),
    ).toEqual(['six-month-report before 2026-06-09', 'action-month-report before 2026-12-18', 'annual-report before 2026-12-19']);
    // With no day in the task, the month stands.
    expect(kinds(table([['Tháng 6/2026', 'Báo cáo sơ kết 6 tháng gửi Phòng GD&ĐT', 'Phó Hiệu trưởng']]))).toEqual(['six-month-report within-month 2026-06']);
  });

  it("a table row whose date cell names each date's report gives each date that report", () => {
    const kinds = (body: string, format: 'markdown' | 'text' = 'text') => deadlines(body, format).map((d) => d.split(' | ')[0]);
    const expected = ['six-month-report before 2026-06-04', 'annual-report before 2026-12-04'];
    const cell = 'Báo cáo 6 tháng trước ngày 04/6/2026; báo cáo năm trước ngày 04/12/2026';
    // The duty names both reports, the six-month one first: the date cell says which date is which.
    const row = (duty: string, when: string) => `| Thành viên | Nhiệm vụ | Thời gian |\n|---|---|---|\n| Thư ký | ${duty} | ${when} |\n`;
    expect(kinds(row('Dự thảo báo cáo 6 tháng, báo cáo năm', cell), 'markdown')).toEqual(expected);
    expect(kinds(row('Dự thảo báo cáo năm, báo cáo 6 tháng', cell), 'markdown')).toEqual(expected);
    expect(kinds(row('Dự thảo báo cáo 6 tháng, báo cáo năm', cell.replace(/\/(\d+)\/2026/g, '-$1-2026')), 'markdown')).toEqual(expected);
    // The same words as a sentence.
    expect(kinds(`Thư ký dự thảo báo cáo 6 tháng trước ngày 04/6/2026; báo cáo năm trước ngày 04/12/2026.`)).toEqual(expected);
    // A date cell that names no report leaves the row's own subject.
    expect(kinds(row('Báo cáo năm', 'Trước ngày 04/12/2026'), 'markdown')).toEqual(['annual-report before 2026-12-04']);
  });

  it('a table flattened one cell per paragraph (a Word table a converter could not keep) gives the table\'s deadlines', () => {
    const kinds = (body: string, format: 'markdown' | 'text' = 'text') => deadlines(body, format).map((d) => d.split(' | ')[0]);
    const rows = [['Báo cáo 6 tháng', 'Trước ngày 01/6/2026', 'Phòng GD&ĐT'], ['Báo cáo năm', 'Chậm nhất ngày 01-12-2026', 'Phòng GD&ĐT']];
    const expected = ['six-month-report before 2026-06-01', 'annual-report on 2026-12-01'];
    const table = `| Nội dung | Thời hạn | Nơi nhận |\n|---|---|---|\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`;
    expect(kinds(table, 'markdown')).toEqual(expected);
    const cells = ['Nội dung', 'Thời hạn', 'Nơi nhận', ...rows.flat()];
    // Cells apart by blank lines, as a converter writes Markdown. (In plain text, lines this short read
    // as one paragraph wrapped narrow, and the prose binder reads it: not this shape.)
    expect(kinds(cells.join('\n\n'), 'markdown')).toEqual(expected);
    // A line of its own that is only a date, after a line naming no report, or after a dated line: nothing.
    expect(kinds('Tổ chức hội thi vẽ tranh\n\nTrước ngày 01/6/2026', 'markdown')).toEqual([]);
    expect(kinds('Báo cáo 6 tháng trước ngày 01/6/2026\n\nTrước ngày 05/6/2026', 'markdown')).toEqual(['six-month-report before 2026-06-01']);
  });

  it('reads the plan being sent as the plan-submission deadline in prose, a list and a table alike', () => {
    const lead = '2. Các trường gửi kế hoạch và báo cáo về Sở theo thời hạn sau:\n';
    const kinds = (body: string, format: 'markdown' | 'text' = 'text') => deadlines(body, format).map((d) => d.split(' | ')[0]);
    const expected = ['plan-submission before 2026-02-10', 'six-month-report before 2026-06-05'];
    expect(kinds('Các trường gửi kế hoạch của đơn vị về Sở trước ngày 10/02/2026 và báo cáo sơ kết 6 tháng trước ngày 05/6/2026.')).toEqual(expected);
    expect(kinds(`${lead}- Kế hoạch của đơn vị: trước ngày 10/02/2026;\n- Báo cáo sơ kết 6 tháng: trước ngày 05/6/2026.`)).toEqual(expected);
    expect(kinds(`${lead}a) Kế hoạch của đơn vị: trước ngày 10/02/2026;\nb) Báo cáo sơ kết 6 tháng: trước ngày 05/6/2026.`)).toEqual(expected);
    const table = '| TT | Nội dung | Thời hạn |\n|---|---|---|\n| 1 | Kế hoạch thực hiện năm 2026 của đơn vị | Trước ngày 10/02/2026 |\n| 2 | Báo cáo sơ kết 6 tháng | Trước ngày 05/6/2026 |\n';
    expect(kinds(`${lead}\n${table}`, 'markdown')).toEqual(expected);
    // Without the lead-in, a column of how to send says the same.
    const sendColumn = table.replace('Thời hạn |\n|---|', 'Thời hạn | Hình thức gửi |\n|---|---|').replace(/2026 \|\n/g, '2026 | Hệ thống |\n');
    expect(kinds(sendColumn, 'markdown')).toEqual(expected);
  });

  it('keeps an activity on a plan, or a list under a lead-in that sends nothing, apart from the plan submission', () => {
    const table = '| TT | Nội dung | Thời hạn | Hình thức gửi |\n|---|---|---|---|\n| 1 | Triển khai kế hoạch tuyên truyền | Trước ngày 10/02/2026 | Hệ thống |\n';
    expect(deadlines(table, 'markdown').map((d) => d.split(' | ')[0])).toEqual(['other before 2026-02-10']);
    // A same-level item after the lead-in's list is no longer under it.
    expect(deadlines('1. Các trường gửi về Sở theo thời hạn sau:\n- Báo cáo sơ kết: trước ngày 05/6/2026.\n2. Kế hoạch tuyên truyền: triển khai trước ngày 10/02/2026.')).toEqual([
      'six-month-report before 2026-06-05 | Báo cáo sơ kết',
    ]);
  });

  it('decides the kind from the subject, never from a date written in words', () => {
    // `06 tháng` inside the date is no 6-month report.
    expect(deadlines('Báo cáo tổng kết năm gửi trước ngày 06 tháng 12 năm 2026.')).toEqual([
      'annual-report before 2026-12-06 | Báo cáo tổng kết năm',
    ]);
    expect(deadlines('Báo cáo kết quả Tháng hành động gửi trước ngày 20/12/2026.')).toEqual([
      'action-month-report before 2026-12-20 | Báo cáo kết quả Tháng hành động',
    ]);
  });

  it('reads chậm nhất (là) ngày, hạn chót, không muộn hơn as due on that day', () => {
    expect(deadlines('Báo cáo 6 tháng chậm nhất là ngày 10/6/2026, báo cáo năm hạn chót ngày 10/12/2026.')).toEqual([
      'six-month-report on 2026-06-10 | Báo cáo 6 tháng',
      'annual-report on 2026-12-10 | báo cáo năm',
    ]);
    expect(deadlines('Báo cáo 6 tháng gửi không muộn hơn ngày 10/6/2026.')).toEqual(['six-month-report on 2026-06-10 | Báo cáo 6 tháng']);
  });

  it('takes a missing year from the plan, the next year when the day is before the plan date', () => {
    expect(deadlines('Báo cáo 6 tháng gửi trước ngày 10/6; báo cáo năm gửi trước ngày 05/01.')).toEqual([
      'six-month-report before 2026-06-10 | Báo cáo 6 tháng',
      'annual-report before 2027-01-05 | báo cáo năm',
    ]);
  });

  it('reads a month (trong tháng) and theo quy định as within-month and vague', () => {
    expect(deadlines('Gửi báo cáo 6 tháng trong tháng 6/2026.')).toEqual(['six-month-report within-month 2026-06 | báo cáo 6 tháng']);
    expect(deadlines('Báo cáo 6 tháng, năm gửi về Phòng theo quy định.')).toEqual([
      'six-month-report vague  | Báo cáo 6 tháng, năm',
      'annual-report vague  | Báo cáo 6 tháng, năm',
    ]);
  });

  it('gives the same deadlines whatever form the dates take (property)', () => {
    const forms = [
      (d: number, m: number, y: number) => `${d}/${m}/${y}`,
      (d: number, m: number, y: number) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`,
      (d: number, m: number, y: number) => `${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}`,
      (d: number, m: number, y: number) => `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`,
      (d: number, m: number, y: number) => `${d} tháng ${m} năm ${y}`,
    ];
    const subjects = ['báo cáo sơ kết 6 tháng', 'báo cáo tổng kết năm', 'báo cáo kết quả Tháng hành động'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ subject: fc.constantFrom(...subjects), day: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 12 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.constantFrom(...forms.keys()),
        fc.constantFrom(...forms.keys()),
        (items, a, b) => {
          const write = (form: number) =>
            'Các tổ gửi ' + items.map((item) => `${item.subject} trước ngày ${forms[form](item.day, item.month, 2026)}`).join(' và ') + '.';
          const project = (body: string) => deadlines(body).map((line) => line.split(' | ')[0]);
          const first = project(write(a));
          expect(first).toHaveLength(items.length);
          expect(project(write(b))).toEqual(first);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the addressee of a report', () => {
  it('ends at the colon that opens what is sent', () => {
    const document = parsePlan(`${HEAD}Gửi về Sở Giáo dục và Đào tạo: báo cáo năm 2026 trước ngày 10/12/2026.\n`);
    expect(document.deadlines.map((d) => `${d.kind} ${d.recipient}`)).toEqual(['annual-report Sở Giáo dục và Đào tạo']);
  });
});
