import { describe, expect, test } from 'vitest';
import type { Citation, PlanDocument } from '@plan-lint/core';
import { parseFixture, seedFiles } from '../support/load-plan.js';
import { describeDocument } from './describe-document.js';

const seeds = Object.fromEntries(seedFiles.map((id) => [id.slice(0, 3), parseFixture(`fixtures/seeds/${id}.txt`)])) as Record<
  string,
  PlanDocument
>;

describe('seed outlines and entities (reviewed snapshots)', () => {
  for (const id of seedFiles) {
    test(id, async () => {
      await expect(describeDocument(seeds[id.slice(0, 3)])).toMatchFileSnapshot(`__snapshots__/${id}.txt`);
    });
  }
});

const deadlineSummary = (document: PlanDocument) =>
  document.deadlines.filter((d) => d.due).map((d) => ({ kind: d.kind, due: d.due!.iso, line: d.position!.start.line }));

describe('deadlines', () => {
  test('seed 000: 6-month 05/06/2024, annual 10/12/2024, plan submission 25/03/2024', () => {
    expect(deadlineSummary(seeds['000'])).toEqual([
      { kind: 'plan-submission', due: '2024-03-25', line: 220 },
      { kind: 'six-month-report', due: '2024-06-05', line: 264 },
      { kind: 'annual-report', due: '2024-12-10', line: 264 },
    ]);
  });

  test('seed 003: 6-month 10/5/2024 and annual 20/10/2024', () => {
    expect(deadlineSummary(seeds['003'])).toEqual([
      { kind: 'six-month-report', due: '2024-05-10', line: 525 },
      { kind: 'annual-report', due: '2024-10-20', line: 527 },
    ]);
  });

  test('seed 002: reports "vào tháng 6 và tháng 12 hằng năm" are months without a day', () => {
    const vague = seeds['002'].deadlines.filter((d) => d.relation === 'vague');
    expect(vague.map((d) => [d.kind, d.months])).toEqual([
      ['six-month-report', [6]],
      ['annual-report', [12]],
      ['six-month-report', [6]],
      ['annual-report', [12]],
    ]);
    const withinMonth = seeds['002'].deadlines.find((d) => d.relation === 'within-month');
    expect(withinMonth?.due?.iso).toBe('2024-04');
  });

  test('seeds 001 and 004 state no dated report deadline', () => {
    for (const id of ['001', '004']) {
      expect(seeds[id].deadlines.filter((d) => d.kind !== 'other' && d.due)).toEqual([]);
    }
  });
});

describe('Tháng hành động 15/11–15/12', () => {
  const expected: Record<string, number[]> = { '000': [189, 261], '001': [45], '002': [254], '003': [298, 401], '004': [225, 296] };
  for (const [id, lines] of Object.entries(expected)) {
    test(`seed ${id}`, () => {
      const ranges = seeds[id].dateRanges.filter((r) => r.from.day === 15 && r.from.month === 11 && r.to.day === 15 && r.to.month === 12);
      expect(ranges.map((r) => r.to.position!.start.line)).toEqual(lines);
    });
  }
  test('seed 004 writes the year: 15/11/2025–15/12/2025', () => {
    const range = seeds['004'].dateRanges[0];
    expect([range.from.iso, range.to.iso]).toEqual(['2025-11-15', '2025-12-15']);
  });
});

// Every citation of the seeds as written, with number and date.
const find = (document: PlanDocument, symbolRaw: string, line?: number): Citation | undefined =>
  document.citations.find((c) => c.symbolRaw === symbolRaw && (line === undefined || c.position!.start.line === line));

describe('citations of the seeds', () => {
  const table: [string, string, string, string | undefined, number?][] = [
    ['000', 'Nghị quyết', '28/NQ-CP', '2021-03-03', 4],
    ['000', 'Kế hoạch', '6830/KH-UBND', '2021-10-01', 5],
    ['000', 'Kế hoạch', '133/KH-UBND', '2021-10-29', 8],
    ['000', 'Kế hoạch', '55/KH-UBND', '2024-03-07', 10],
    ['000', 'Kế hoạch', '21/KH-PGDĐT', '2024-03-10', 13],
    ['000', 'Kế hoạch', '21/KH-PGDĐT', '2024-03-10', 39],
    ['000', 'Chỉ thị', '21-CT/TW', '2018-01-20', 55],
    ['000', 'Nghị định', '125/2021/NĐ-CP', '2021-12-28', 58],
    ['000', 'Kết luận', '56-KL/TU', '2016-12-06', 59],
    ['000', 'Chương trình hành động', '09- CTr/TU', '2007-06-26', 60],
    ['000', 'Nghị quyết', '11-NQ/TW', '2007-04-27', 61],
    ['000', 'Kế hoạch', '7041/KH-UBND', '2021-10-06', 65],
    ['000', 'Kế hoạch', '1550/KH-UBND', '2022-03-17', 67],
    ['000', 'Kế hoạch', '73/KH-UBND', '2022-04-15', 69],
    ['000', 'Kế hoạch', '135/KH-UBND', '2021-10-29', 73],
    ['000', 'Nghị định', '125/2021/NĐ-CP', '2021-12-28', 203],
    ['001', 'Kế hoạch', '6830/KH-UBND', '2021-10-01', 4],
    ['001', 'Công văn', '559/SGD ĐT-CTHSSV', '2023-03-16', 4],
    ['001', 'Chương trình hành động', '09- CTr/TU', '2007-06-26', 19],
    ['002', 'Quyết định', '383/QĐ-BGDĐT', '2022-01-26'],
    ['002', 'Kế hoạch', '331/KH-UBND', '2021-12-31'],
    ['002', 'Kế hoạch', '36/KH-UBND', '2022-01-27'],
    ['002', 'Quyết định', '73/QĐ-UBND', '2023-01-05'],
    ['002', 'Kế hoạch', '39/KH-UBND', '2024-01-29'],
    ['002', 'Kế hoạch', '60/KH-UBND', '2024-02-20'],
    ['002', 'Kế hoạch', '1506/KH-BGDĐT', '2019-05-31'],
    ['002', 'Quyết định', '1299/QĐ-TTg', undefined],
    ['002', 'Kế hoạch', '103/KH-CĐN', '2019-04-02'],
    ['002', 'Quyết định', '732/QĐ-TTg', '2016-04-29'],
    ['002', 'Nghị định', '71/2020/NĐ-CP', '2020-06-30'],
    ['003', 'Kế hoạch', '56/KH-UBND', '2024-03-22', 1],
    ['003', 'Nghị quyết', '57/NQ-CP', '2009-12-01', 80],
    ['003', 'Chỉ thị', '21-CT/TW', '2018-01-20', 84],
    ['003', 'Nghị định', '48/2009/NĐ-CP', '2009-05-19', 86],
    ['003', 'Nghị định', '125/2021/NĐ-CP', '2021-12-28', 90],
    ['003', 'Quyết định', '2282/QĐ-TTg', '2020-12-31', 92],
    ['003', 'Nghị quyết', '28/NĐ-CP', '2021-03-03', 98],
    ['003', 'Quyết định', '2232/QĐ-TTg', '2020-12-28', 100],
    ['003', 'Quyết định', '1790/QĐ -TTg', '2021-10-23', 104],
    ['003', 'Nghị quyết', '03/NQ-TU', '2021-07-30', 167],
    ['003', 'Công văn', '1787/UBND-KTN', '2022-10-13', 177],
    ['003', 'Hướng dẫn', '04/HD-ĐCT', '2022-07-28', 187],
    ['003', 'Hướng dẫn', '24/HD-ĐCT', '2023-11-06', 189],
    ['003', 'Hướng dẫn', '04/HD - ĐCT', '2022-07-28', 193],
    ['003', 'Nghị quyết', '17/NQ-TU', '2015-01-12', 246],
    ['003', 'Kế hoạch', '218/KH-BVSTBCPN', '2019-12-19', 264],
    ['004', 'Kế hoạch', '166/KH-PGDĐT', '2025-02-27', 11],
    ['004', 'Kế hoạch', '72/KH-MNHH', '2025-03-11', 383],
  ];
  for (const [id, docType, symbol, date, line] of table) {
    test(`seed ${id}: ${docType} ${symbol}${line ? ` (L${line})` : ''}`, () => {
      const citation = find(seeds[id], symbol, line);
      expect(citation, `${symbol} not found`).toBeDefined();
      expect(citation!.docType).toBe(docType);
      expect(citation!.date?.iso).toBe(date);
    });
  }

  test('issuers as written, including the wrong one', () => {
    expect(find(seeds['000'], '125/2021/NĐ-CP', 203)!.issuer?.text).toBe('Thủ tướng Chính phủ');
    expect(find(seeds['000'], '21/KH-PGDĐT', 13)!.issuer?.text).toBe('Phòng Giáo dục và Đào tạo Quế Sơn');
    expect(find(seeds['003'], '28/NĐ-CP')!.issuer?.text).toBe('Chính phủ');
    expect(find(seeds['000'], '125/2021/NĐ-CP', 58)!.issuer).toBeUndefined();
  });

  test('symbols are parsed: type code, authority, year, Party form', () => {
    expect(find(seeds['000'], '125/2021/NĐ-CP')!.parsedSymbol).toMatchObject({ serial: '125', year: 2021, typeCode: 'NĐ', authority: 'CP', isParty: false });
    expect(find(seeds['000'], '56-KL/TU')!.parsedSymbol).toMatchObject({ typeCode: 'KL', authority: 'TU', isParty: true });
    expect(find(seeds['003'], '1787/UBND-KTN')!.parsedSymbol?.typeCode).toBeUndefined();
    expect(find(seeds['003'], '1787/UBND-KTN')!.parsedSymbol?.authority).toBe('UBND-KTN');
    expect(find(seeds['003'], '1790/QĐ -TTg')!.symbol).toBe('1790/QĐ-TTg');
  });

  test('the legal basis is the Căn cứ / Thực hiện preamble', () => {
    expect(seeds['000'].legalBasis.map((c) => c.symbol)).toEqual(['28/NQ-CP', '6830/KH-UBND', '133/KH-UBND', '55/KH-UBND', '21/KH-PGDĐT']);
    expect(seeds['003'].legalBasis.map((c) => c.symbol)).toEqual(['56/KH-UBND']);
  });
});

describe('structure', () => {
  test('top-level sections and their kinds', () => {
    const kinds = (id: string) => seeds[id].sections.map((s) => `${s.numbering?.raw ?? '§'}${s.kind}`);
    expect(kinds('000')).toEqual(['I.purpose', 'II.tasks', 'III.budget', 'IV.organisation']);
    expect(kinds('001')).toEqual(['I.purpose', 'II.tasks', 'III.organisation']);
    expect(kinds('003')).toEqual(['I.purpose', 'II.tasks', 'III.organisation']);
    expect(kinds('004')).toEqual(['I.purpose', 'II.objectives', 'III.tasks', 'IV.budget', 'V.organisation', '§appendix']);
  });

  test('seed 004 appendix numbers II. twice; seed 002 letters run a) … đ)', () => {
    const appendix = seeds['004'].sections.at(-1)!;
    expect(appendix.children.filter((c) => c.type === 'section').map((c) => (c.type === 'section' ? c.numbering?.raw : ''))).toEqual([
      'I.',
      'II.',
      'II.',
      'III.',
    ]);
    const letters: string[] = [];
    const walk = (nodes: PlanDocument['sections']) => {
      for (const node of nodes) {
        if (node.numbering?.style === 'letter') letters.push(node.numbering.raw);
        walk(node.children.filter((c): c is (typeof nodes)[number] => c.type === 'section'));
      }
    };
    walk(seeds['002'].sections);
    expect(letters).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)']);
  });

  test('metadata: title, year and signer', () => {
    expect(seeds['000'].metadata.title?.text).toBe('Triển khai thực hiện công tác bình đẳng giới năm 2024');
    expect(seeds['003'].metadata.title).toBeUndefined();
    expect(seeds['003'].metadata.year).toBe(2024);
    expect(seeds['004'].metadata.year).toBe(2025);
    expect(seeds['003'].signer).toMatchObject({ authority: 'KT.', onBehalfOf: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Đinh Thị Hường' });
    expect(seeds['000'].recipients?.entries.at(-1)?.text).toBe('Lưu : VT.');
  });

  test('every node range lies inside its file, and parsing records no problem', () => {
    for (const id of Object.keys(seeds)) {
      const document = seeds[id];
      expect(document.problems).toEqual([]);
      const max = document.position!.end.offset;
      for (const node of [...document.citations, ...document.dates, ...document.deadlines]) {
        expect(node.position!.start.offset).toBeLessThanOrEqual(node.position!.end.offset);
        expect(node.position!.end.offset).toBeLessThanOrEqual(max);
      }
    }
  });
});
