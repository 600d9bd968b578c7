// The injection grammar's patterns, run with JavaScript's RegExp: the constructs they use
// (groups, alternation, lookbehind, \b before ASCII letters) mean the same in Oniguruma,
// which VS Code runs them with. A pattern that stops matching its examples fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Rule {
  match?: string;
  patterns?: Rule[];
  captures?: Record<string, { name: string }>;
}
const grammar = JSON.parse(readFileSync(new URL('../syntaxes/plan-lint.injection.tmLanguage.json', import.meta.url), 'utf8')) as {
  scopeName: string;
  injectionSelector: string;
  repository: Record<string, Rule>;
};

/** Each captured text with its scope name, for every match of a repository rule in a line. */
function scopes(ruleName: string, line: string): [string, string][] {
  const rule = grammar.repository[ruleName];
  const rules = rule.patterns ?? [rule];
  const found: [string, string][] = [];
  for (const candidate of rules) {
    const regex = new RegExp(candidate.match!, 'gu');
    for (const match of line.matchAll(regex)) {
      for (const [index, capture] of Object.entries(candidate.captures ?? {})) {
        const text = match[Number(index)];
        if (text !== undefined) found.push([text, capture.name]);
      }
    }
  }
  return found;
}

describe('Markdown injection grammar', () => {
  it('injects into Markdown outside code', () => {
    expect(grammar.scopeName).toBe('planlint.markdown.injection');
    expect(grammar.injectionSelector).toBe('L:text.html.markdown -markup.fenced_code -markup.inline.raw -comment');
  });

  it('colours section numbering at the start of a line or after a heading mark', () => {
    expect(scopes('section-numbering', '## II. NHIỆM VỤ, GIẢI PHÁP')).toEqual([['II.', 'markup.heading.numbering.planlint constant.numeric.section.planlint']]);
    expect(scopes('section-numbering', '2.1. Tuyên truyền').map(([text]) => text)).toEqual(['2.1.']);
    expect(scopes('section-numbering', 'đ) Kiểm tra').map(([text]) => text)).toEqual(['đ)']);
    expect(scopes('section-numbering', 'Trong năm 2024. Các trường')).toEqual([]);
  });

  it('colours a citation\'s type word and symbol', () => {
    expect(scopes('citation', 'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ')).toEqual([
      ['Nghị định', 'entity.name.type.document.planlint'],
      [' số', 'keyword.other.so.planlint'],
      ['125/2021/NĐ-CP', 'string.other.symbol.planlint'],
    ]);
    expect(scopes('citation', 'Chỉ thị số 21-CT/TW ngày 20/01/2018').map(([text]) => text)).toEqual(['Chỉ thị', ' số', '21-CT/TW']);
    expect(scopes('citation', 'Kế hoạch số 21/KH-PGDĐT;').map(([text]) => text)).toEqual(['Kế hoạch', ' số', '21/KH-PGDĐT']);
    expect(scopes('citation', 'xây dựng Kế hoạch triển khai')).toEqual([]);
  });

  it('colours dates and date ranges, not fractions of longer numbers', () => {
    expect(scopes('date', 'Quế Sơn, ngày 10 tháng 3 năm 2024').map(([text]) => text)).toEqual(['ngày 10 tháng 3 năm 2024']);
    expect(scopes('date', 'từ 15/11/2024 đến 15/12/2024').map(([text]) => text)).toEqual(['15/11/2024', '15/12/2024']);
    expect(scopes('date', 'trong thời gian 15/11-15/12').map(([text]) => text)).toEqual(['15/11', '15/12']);
    expect(scopes('date', 'ký hiệu 125/2021/NĐ-CP')).toEqual([]);
  });

  it('colours the words that make a deadline', () => {
    expect(scopes('deadline', 'gửi về Phòng trước ngày 05/6/2024.')).toEqual([['trước ngày', 'keyword.control.deadline.planlint']]);
    expect(scopes('deadline', 'chậm nhất ngày 25/3').map(([text]) => text)).toEqual(['chậm nhất ngày']);
  });
});
