import { describe, expect, test } from 'vitest';
import { decodeBytes, parsePlan, PlanLintInputError } from '@plan-lint/core';

const plan = [
  'KẾ HOẠCH',
  'Thực hiện công tác bình đẳng giới năm 2025',
  'Thực hiện Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt vi phạm hành chính trong lĩnh vực bình đẳng giới;',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '- Báo cáo 6 tháng trước ngày 05/6/2025; Báo cáo năm trước ngày 10/12/2025.',
  '- Tổ chức Tháng hành động từ 15/11 đến 15/12.',
].join('\n');

const encode = (text: string) => new TextEncoder().encode(text);

function entities(text: string) {
  const document = parsePlan(decodeBytes(encode(text)), { format: 'text' });
  return {
    document,
    summary: {
      citations: document.citations.map((c) => [c.docType, c.symbol, c.date?.iso, c.issuer?.text]),
      deadlines: document.deadlines.map((d) => [d.kind, d.due?.iso]),
      ranges: document.dateRanges.map((r) => [r.from.iso, r.to.iso]),
      sections: document.sections.map((s) => [s.numbering?.raw, s.title, s.kind]),
    },
  };
}

describe('decoding: BOM, CRLF and NFD', () => {
  const nfc = entities(plan);
  const hostile = entities(`\uFEFF${plan.normalize('NFD').replace(/\n/g, '\r\n')}`);

  test('NFD + CRLF + BOM gives the same entities as the NFC original', () => {
    expect(hostile.summary).toEqual(nfc.summary);
    expect(nfc.summary.citations).toEqual([['Nghị định', '125/2021/NĐ-CP', '2021-12-28', 'Chính phủ']]);
  });

  test('positions map back to the line and column of the original file', () => {
    const original = `\uFEFF${plan.normalize('NFD').replace(/\n/g, '\r\n')}`.slice(1);
    const issuer = hostile.document.citations[0].issuer!;
    // Line 3 of the file; the column counts UTF-16 units of the NFD line as the editor shows it.
    const line3 = original.split('\r\n')[2];
    const expectedColumn = line3.indexOf('Chính phủ'.normalize('NFD')) + 1;
    expect(issuer.position!.start).toMatchObject({ line: 3, column: expectedColumn });
    expect(original.slice(issuer.position!.start.offset, issuer.position!.end.offset)).toBe('Chính phủ'.normalize('NFD'));
    const deadline = hostile.document.deadlines[1];
    expect(original.slice(deadline.due!.position!.start.offset, deadline.due!.position!.end.offset)).toBe('10/12/2025');
    expect(deadline.due!.position!.start.line).toBe(5);
  });

  test('CR-only line ends are lines too', () => {
    const cr = entities(plan.replace(/\n/g, '\r'));
    expect(cr.summary).toEqual(nfc.summary);
    expect(cr.document.sections[0].headingPosition!.start.line).toBe(4);
  });
});

describe('decoding errors name the file and say what to do', () => {
  const error = (bytes: Uint8Array) => {
    try {
      decodeBytes(bytes, 'ke-hoach.txt');
    } catch (caught) {
      return caught as PlanLintInputError;
    }
    throw new Error('expected an error');
  };

  test('invalid UTF-8', () => {
    const caught = error(Uint8Array.from([0x4b, 0xe1, 0xba, 0xbf, 0x0a, 0x68, 0xff, 0x61]));
    expect(caught).toBeInstanceOf(PlanLintInputError);
    expect(caught.code).toBe('invalid-utf8');
    expect(caught.format()).toMatch(/^ke-hoach\.txt:2:2: invalid UTF-8/);
  });

  test('UTF-16 with BOM', () => {
    expect(error(Uint8Array.from([0xff, 0xfe, 0x4b, 0x00])).code).toBe('utf16');
  });

  test('binary file', () => {
    expect(error(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00])).code).toBe('binary');
  });

  test('legacy 8-bit Vietnamese (TCVN3) is named', () => {
    // "Kế hoạch" in TCVN3 (ABC): bytes above 0x7F that are not UTF-8.
    const caught = error(Uint8Array.from([0x4b, 0xd5, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68]));
    expect(caught.message).toMatch(/TCVN3/);
  });
});

describe('a diagnostic on NFD + CRLF + BOM input points at the original line and column', () => {
  test('duplicate-word on the third line', async () => {
    const { lintSource } = await import('@plan-lint/core');
    const text = plan.replace('Thực hiện Nghị định', 'Thực hiện Thực hiện Nghị định');
    const original = text.normalize('NFD').replace(/\n/g, '\r\n');
    const nfcResult = await lintSource(decodeBytes(encode(text)), { format: 'text' });
    const nfdResult = await lintSource(decodeBytes(encode(`\uFEFF${original}`)), { format: 'text' });
    const pick = (result: typeof nfcResult) => result.diagnostics.filter((d) => d.ruleId === 'duplicate-word');
    expect(pick(nfdResult).map((d) => d.ruleId)).toEqual(pick(nfcResult).map((d) => d.ruleId));
    const [diagnostic] = pick(nfdResult);
    expect(diagnostic.position.start.line).toBe(3);
    const line3 = original.split('\r\n')[2];
    const found = original.slice(diagnostic.position.start.offset, diagnostic.position.end.offset);
    // The range covers the repeated words as the file writes them (decomposed), on line 3.
    expect(found.normalize('NFC')).toMatch(/Thực hiện/);
    // The repeat is the second "Thực hiện" of the line, in decomposed code units.
    expect(diagnostic.position.start.column).toBe(line3.indexOf(found, 1) + 1);
    expect(diagnostic.position.start.column).toBe('Thực hiện '.normalize('NFD').length + 1);
    expect(diagnostic.position.end.line).toBe(3);
  });
});
