// The type code a symbol carries, read where a type code stands when it is no known code: a Kế hoạch's
// symbol is `số/KH-cơ quan` (Nghị định 30/2020, Phụ lục I, II.3.b), so `45/KHH-UBND` carries `KHH`.
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint.js';
import { parseSymbol } from '../parse/index.js';
import { typeCodeWritten } from './citation-facts.js';

const KH = new Set(['KH']);

describe('typeCodeWritten', () => {
  it('a known code, a mistyped one in its place, or none for a công văn', () => {
    expect(typeCodeWritten(parseSymbol('45/KH-UBND'), KH)).toBe('KH');
    expect(typeCodeWritten(parseSymbol('45/KHH-UBND'), KH)).toBe('KHH');
    expect(typeCodeWritten(parseSymbol('45/UBND-VX'), KH)).toBe('UBND');
    expect(typeCodeWritten(parseSymbol('05/BNV-VP'), new Set())).toBeUndefined();
    expect(typeCodeWritten(parseSymbol('05/BNV-VP'), undefined)).toBeUndefined();
    expect(typeCodeWritten(parseSymbol('21-CT/TW'), new Set(['CT']))).toBe('CT');
  });
});

describe("citation-symbol on the plan's own header and on citations", () => {
  const plan = (symbol: string, cited: string) =>
    [`Số: ${symbol}`, '', 'Hà Nội, ngày 10 tháng 3 năm 2026', '', '# KẾ HOẠCH', '', 'Công tác bình đẳng giới năm 2026', '', `Căn cứ ${cited} ngày 26/02/2026 của UBND huyện;`, '', '## I. MỤC ĐÍCH', '', 'Nâng cao nhận thức.', ''].join('\n');
  const findings = async (text: string) =>
    (await lintText(text, { filePath: 'plan.md' })).diagnostics.filter((d) => d.ruleId === 'citation-symbol').map((d) => `${d.position.start.line}:${d.position.start.column} ${d.data?.code}`);

  it('finds the code that is not the type word\'s, where it is written', async () => {
    expect(await findings(plan('21/KHH-THTS', 'Kế hoạch số 40/KH-UBND'))).toEqual(['1:5 KHH']);
    expect(await findings(plan('21/QĐ-THTS', 'Kế hoạch số 40/KH-UBND'))).toEqual(['1:5 QĐ']);
    expect(await findings(plan('21/KH-THTS', 'Kế hoạch số 40/KHH-UBND'))).toEqual(['9:20 KHH']);
    expect(await findings(plan('21/KH-THTS', 'Kế hoạch số 40/KH-UBND'))).toEqual([]);
  });
});
