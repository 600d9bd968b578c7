import { describe, expect, it } from 'vitest';
import { compareWithExpectations, parseExpectations } from './expectations.js';

describe('parseExpectations', () => {
  it('reads markers on the line, relative, absolute and with a message id', () => {
    const fixture = [
      'Thực hiện Thực hiện Kế hoạch số 18/KH-PGDĐT; {{duplicate-word}}',
      'Nơi nhận: {{recipients:+1}} {{signature@4}}',
      '- Phòng GD&ĐT;',
      'HIỆU TRƯỞNG {{enumeration-sequence/gap:-3}}',
    ].join('\n');
    const parsed = parseExpectations(fixture);
    expect(parsed.errors).toEqual([]);
    expect(parsed.expectations.map(({ ruleId, line, messageId }) => ({ ruleId, line, messageId }))).toEqual([
      { ruleId: 'duplicate-word', line: 1, messageId: undefined },
      { ruleId: 'recipients', line: 3, messageId: undefined },
      { ruleId: 'signature', line: 4, messageId: undefined },
      { ruleId: 'enumeration-sequence', line: 1, messageId: 'gap' },
    ]);
  });

  it('removes markers with the spaces before them and keeps every line and line ending', () => {
    const parsed = parseExpectations('a b {{duplicate-word}}\r\nc\r\n\r\nd  {{signature}}  \n');
    expect(parsed.text).toBe('a b\r\nc\r\n\r\nd\n');
  });

  it('blanks out the config comment but keeps its line breaks', () => {
    const source = 'HIỆU TRƯỞNG\n\n<!-- plan-lint-config\n{"parent": "../parent.md"} -->\nx {{signature@1}}\n';
    const parsed = parseExpectations(source);
    expect(parsed.config).toEqual({ parent: '../parent.md' });
    expect(parsed.text).toBe('HIỆU TRƯỞNG\n\n\n\nx\n');
    expect(parsed.expectations[0]?.line).toBe(1);
  });

  it('reports malformed markers, markers inside a line, lines outside the file and bad config', () => {
    expect(parseExpectations('a {{Duplicate Word}}').errors).toEqual(['line 1: malformed marker {{Duplicate Word}}']);
    expect(parseExpectations('a {{duplicate-word}} b').errors).toEqual(['line 1: a marker must stand at the end of the line']);
    expect(parseExpectations('a {{signature:+3}}\nb').errors[0]).toMatch(/points at line 4, outside the file/);
    expect(parseExpectations('<!-- plan-lint-config {parent: 1} -->').errors[0]).toMatch(/not valid JSON/);
  });

  it('leaves text without markers untouched', () => {
    const text = 'Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;\n';
    expect(parseExpectations(text)).toEqual({ text, expectations: [], config: {}, errors: [] });
  });
});

describe('compareWithExpectations', () => {
  const expectations = parseExpectations('x {{duplicate-word}}\ny {{recipients/noArchive}}\n').expectations;

  it('accepts exactly the expected rule ids, lines and message ids', () => {
    expect(
      compareWithExpectations(expectations, [
        { ruleId: 'duplicate-word', line: 1, messageId: 'repeated', message: '' },
        { ruleId: 'recipients', line: 2, messageId: 'noArchive', message: '' },
      ]),
    ).toEqual([]);
  });

  it('fails on too few, too many, another line or another message id', () => {
    const problems = compareWithExpectations(expectations, [
      { ruleId: 'duplicate-word', line: 2, messageId: 'repeated', message: 'Lặp từ' },
      { ruleId: 'recipients', line: 2, messageId: 'missing', message: 'Thiếu nơi nhận' },
      { ruleId: 'signature', line: 1, messageId: 'missing', message: 'Thiếu chữ ký' },
    ]);
    expect(problems).toEqual([
      'missing: {{duplicate-word}} (line 1) expects duplicate-word on line 1; duplicate-word was reported on line(s) 2',
      'missing: {{recipients/noArchive}} (line 2) expects recipients/noArchive on line 2; recipients was reported on line(s) 2/missing',
      'unexpected: duplicate-word/repeated on line 2: Lặp từ',
      'unexpected: recipients/missing on line 2: Thiếu nơi nhận',
      'unexpected: signature/missing on line 1: Thiếu chữ ký',
    ]);
  });

  it('needs one report per marker when a rule is expected twice on one line', () => {
    const twice = parseExpectations('của của của {{duplicate-word}} {{duplicate-word}}').expectations;
    expect(compareWithExpectations(twice, [{ ruleId: 'duplicate-word', line: 1, messageId: 'repeated', message: '' }])).toHaveLength(1);
  });
});
