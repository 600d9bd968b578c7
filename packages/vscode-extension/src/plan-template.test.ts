import { describe, expect, it } from 'vitest';
import { parsePlan, sourceFromString } from '@plan-lint/core';
import { planTemplateSnippet, snippetToText } from './plan-template.js';

describe('plan template', () => {
  const text = snippetToText(planTemplateSnippet(2025));

  it('turns tab stops into their defaults, mirrors included', () => {
    expect(snippetToText('Số: ${1:01}/KH-${2:THĐP} … ${1}/KH-${2}$0')).toBe('Số: 01/KH-THĐP … 01/KH-THĐP');
    expect(text).not.toMatch(/\$\{|\$0/);
    expect(text).toContain('Số: 01/KH-THĐP');
    expect(text).toContain('Quế Sơn, ngày 05 tháng 3 năm 2025');
  });

  it('parses into a plan with the four sections a plan needs, of the right kinds', () => {
    const document = parsePlan(sourceFromString(text), { format: 'markdown' });
    expect(document.sections.map((section) => [section.numbering?.raw, section.kind])).toEqual([
      ['I.', 'purpose'],
      ['II.', 'tasks'],
      ['III.', 'budget'],
      ['IV.', 'organisation'],
    ]);
    expect(document.metadata.year).toBe(2025);
    expect(document.legalBasis.map((citation) => citation.symbol)).toEqual(['28/NQ-CP']);
    expect(document.recipients?.entries.map((entry) => entry.text.trim())).toContain('Lưu: VT.');
    expect(document.signer?.name).toBe('Nguyễn Văn A');
  });
});
