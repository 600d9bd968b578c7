// A schedule with a two-level header (Word's merged `Thời gian` over `Bắt đầu | Hoàn thành`): both
// rows head the table, a task is due when it is to be done, and the month's start and end cells are
// its range, as `từ … đến …` in prose says. Held against the same plan as prose and as a list.
import { describe, expect, it } from 'vitest';
import { subHeader } from './block-builder.js';
import { parsePlan } from './index.js';

const HEAD = ['KẾ HOẠCH', 'Công tác bình đẳng giới năm 2027', '', '# I. TỔ CHỨC THỰC HIỆN', '', '## 1. Tiến độ thực hiện', ''];
const ROWS: Array<[string, string, string, string]> = [
  ['1', 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới', '15/11/2027', '15/12/2027'],
  ['2', 'Báo cáo 6 tháng đầu năm 2027 gửi Sở', '01/6/2027', '09/6/2027'],
  ['3', 'Báo cáo kết quả Tháng hành động gửi Sở', '16/12/2027', '19/12/2027'],
  ['4', 'Báo cáo năm 2027 gửi Sở', '16/12/2027', '24/12/2027'],
];

/** The schedule as a pipe table whose second header row names the two time columns (as Word's converts). */
function twoLevel(start = 'Bắt đầu', end = 'Hoàn thành', top = 'Thời gian'): string[] {
  return [
    `| TT | Nội dung công việc | ${top} |  | Phân công |  |`,
    '| --- | --- | --- | --- | --- | --- |',
    `|  |  | ${start} | ${end} | Chủ trì | Phối hợp |`,
    ...ROWS.map(([n, what, from, to]) => `| ${n} | ${what} | ${from} | ${to} | Phó Hiệu trưởng | Văn phòng |`),
  ];
}

const facts = (lines: string[]) => {
  const document = parsePlan([...HEAD, ...lines, ''].join('\n'), { format: 'markdown' });
  return {
    deadlines: document.deadlines.filter((deadline) => deadline.kind !== 'other').map((deadline) => `${deadline.kind} ${deadline.due?.iso}`),
    month: document.actionMonths.filter((mention) => mention.range).map((mention) => `${mention.range!.from.iso}..${mention.range!.to.iso}`),
  };
};

const EXPECTED = {
  deadlines: ['six-month-report 2027-06-09', 'action-month-report 2027-12-19', 'annual-report 2027-12-24'],
  month: ['2027-11-15..2027-12-15'],
};

describe('a two-level table header', () => {
  it('names each column by both rows, a spanned column by the cell above it', () => {
    expect(subHeader(['TT', 'Nội dung', 'Thời gian', '', 'Phân công', ''], ['', '', 'Bắt đầu', 'Hoàn thành', 'Chủ trì', 'Phối hợp'])).toEqual([
      'TT',
      'Nội dung',
      'Thời gian Bắt đầu',
      'Thời gian Hoàn thành',
      'Phân công Chủ trì',
      'Phân công Phối hợp',
    ]);
  });

  it('ends a header cell wrapped onto the next line (a PDF\'s or a text\'s narrow column: `Hoàn` / `thành`)', () => {
    expect(subHeader(['TT', 'Nội dung', 'Bắt đầu', 'Hoàn'], ['', '', '', 'thành'])).toEqual(['TT', 'Nội dung', 'Bắt đầu', 'Hoàn thành']);
    // Capitals under a header are a row, not the header's words.
    expect(subHeader(['TT', 'Nội dung', 'Bắt đầu', 'Hoàn'], ['', 'Tuyên truyền', '', ''])).toBeUndefined();
  });

  it('is no second header when the row below holds a number or a date, or fills no spanned column', () => {
    expect(subHeader(['TT', 'Nội dung', 'Thời gian', ''], ['1', 'Tuyên truyền', '01/6/2027', ''])).toBeUndefined();
    expect(subHeader(['TT', 'Nội dung', 'Thời gian', 'Ghi chú'], ['', 'Tuyên truyền', 'Cả năm', 'Thường xuyên'])).toBeUndefined();
    expect(subHeader(['TT', 'Nội dung', 'Thời gian', ''], ['', 'Tổ chức tuyên truyền về bình đẳng giới cho học sinh', 'Cả năm', 'Hằng tháng'])).toBeUndefined();
  });
});

describe('a schedule with start and end columns', () => {
  it('dates each task by its end, and reads the month from its start and end cells', () => {
    expect(facts(twoLevel())).toEqual(EXPECTED);
  });

  it('says the same under other names for the two columns', () => {
    expect(facts(twoLevel('Từ ngày', 'Đến ngày'))).toEqual(EXPECTED);
    expect(facts(twoLevel('Ngày bắt đầu', 'Ngày kết thúc', 'Thời hạn'))).toEqual(EXPECTED);
  });

  it('says the same in a text table whose narrow header cell wraps, without the spanning `Thời gian`', () => {
    const wrapped = [
      '| TT | Nội dung công việc | Bắt đầu | Hoàn |',
      '| --- | --- | --- | --- |',
      '|  |  |  | thành |',
      ...ROWS.map(([n, what, from, to]) => `| ${n} | ${what} | ${from} | ${to} |`),
    ];
    const document = parsePlan([...HEAD, ...wrapped, ''].join('\n'), { format: 'text' });
    expect(document.deadlines.filter((deadline) => deadline.kind !== 'other').map((deadline) => `${deadline.kind} ${deadline.due?.iso}`)).toEqual(EXPECTED.deadlines);
    expect(document.actionMonths.flatMap((mention) => (mention.range ? [`${mention.range.from.iso}..${mention.range.to.iso}`] : []))).toEqual(EXPECTED.month);
  });

  it('says the same as one header row naming both columns', () => {
    const single = [
      '| TT | Nội dung công việc | Thời gian bắt đầu | Thời gian hoàn thành | Chủ trì |',
      '| --- | --- | --- | --- | --- |',
      ...ROWS.map(([n, what, from, to]) => `| ${n} | ${what} | ${from} | ${to} | Phó Hiệu trưởng |`),
    ];
    expect(facts(single)).toEqual(EXPECTED);
  });

  it('says the same as prose: `từ … đến …` for the month, `hoàn thành trước` for each report', () => {
    const prose = [
      '- Tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới từ ngày 15/11/2027 đến ngày 15/12/2027.',
      '- Báo cáo 6 tháng đầu năm 2027 gửi Sở trước ngày 10/6/2027.',
      '- Báo cáo kết quả Tháng hành động gửi Sở trước ngày 20/12/2027.',
      '- Báo cáo năm 2027 gửi Sở trước ngày 25/12/2027.',
    ];
    const read = facts(prose);
    expect(read.month).toEqual(EXPECTED.month);
    expect(read.deadlines.map((deadline) => deadline.split(' ')[0])).toEqual(EXPECTED.deadlines.map((deadline) => deadline.split(' ')[0]));
  });

  it('never takes a report of the month for the month: its dates are the report’s', () => {
    const onlyReport = twoLevel().filter((line) => !line.includes('| 1 |'));
    expect(facts(onlyReport).month).toEqual([]);
    const document = parsePlan([...HEAD, '- Báo cáo kết quả Tháng hành động vì bình đẳng giới từ ngày 16/12/2027 đến ngày 19/12/2027.', ''].join('\n'), { format: 'markdown' });
    expect(document.actionMonths.map((mention) => mention.range)).toEqual([undefined]);
  });
});

describe('a schedule grouped by rows that name a group', () => {
  const grouped = (group: string) => [
    '| TT | Nội dung | Người thực hiện | Thời gian |  |',
    '| --- | --- | --- | --- | --- |',
    '|  |  |  | Bắt đầu | Kết thúc |',
    `| ${group} |  |  |  |  |`,
    '| 1 | Báo cáo 6 tháng đầu năm 2027 gửi Sở | Phó Hiệu trưởng | Trước ngày 05/6/2027 |  |',
    '| 2 | Báo cáo năm 2027 gửi Sở | Phó Hiệu trưởng | 01/12/2027 | 20/12/2027 |',
  ];
  const read = (group: string) => {
    const document = parsePlan([...HEAD, ...grouped(group), '', '2. Các tổ gửi kết quả về Phó Hiệu trưởng.', ''].join('\n'), { format: 'markdown' });
    return {
      sections: document.sections[0].children.filter((node) => node.type === 'section').map((node) => (node.type === 'section' ? node.numbering?.raw : '')),
      deadlines: document.deadlines.filter((deadline) => deadline.kind !== 'other').map((deadline) => `${deadline.kind} ${deadline.due?.iso}`),
    };
  };

  it('a group row (`I. Báo cáo`) is a row of the table, not the plan\'s section I; a date across both time cells is due', () => {
    expect(read('I. Báo cáo')).toEqual({ sections: ['1.', '2.'], deadlines: ['six-month-report 2027-06-05', 'annual-report 2027-12-20'] });
  });

  it('a plan written as one table heads its sections by such rows when their titles are in capitals', () => {
    const document = parsePlan(['KẾ HOẠCH', 'Công tác bình đẳng giới năm 2027', '', '| TT | Nội dung |', '| --- | --- |', '| I. MỤC ĐÍCH, YÊU CẦU |  |', '| 1 | Nâng cao nhận thức. |', '| II. TỔ CHỨC THỰC HIỆN |  |', '| 1 | Hiệu trưởng: chỉ đạo. |', ''].join('\n'), { format: 'markdown' });
    expect(document.sections.map((section) => `${section.numbering?.raw} ${section.kind}`)).toEqual(['I. purpose', 'II. organisation']);
  });
});
