import { describe, expect, it } from 'vitest';
import { lintText } from '../lint.js';
import type { ResolvedConfig } from '../config/types.js';
import { loadBuiltinPack } from './pack-loader.js';

async function duplicateWordOnly(): Promise<ResolvedConfig> {
  const vanBan = await loadBuiltinPack('van-ban');
  const rules = Object.fromEntries((vanBan.json.rules ?? []).filter((r) => r.id !== 'duplicate-word').map((r) => [r.id, 'off' as const]));
  return { baseDir: process.cwd(), packs: [vanBan], rules, overrides: [] };
}

const lint = async (text: string) => (await lintText(text, { filePath: 'plan.md', config: await duplicateWordOnly() })).diagnostics;
const brief = (d: { position: { start: { line: number } }; ruleId: string; messageId: string }) => `${d.position.start.line} ${d.ruleId}/${d.messageId}`;

describe('inline directives', () => {
  it('reports the repeat without a directive', async () => {
    expect((await lint('Thực hiện Thực hiện kế hoạch.\n')).map(brief)).toEqual(['1 duplicate-word/repeated']);
  });

  it('disable-next-line with a reason suppresses the next line only', async () => {
    const text = [
      '<!-- plan-lint-disable-next-line duplicate-word -- trích nguyên văn công văn cấp trên -->',
      'Thực hiện Thực hiện kế hoạch.',
      '',
      'Nội dung của của năm nay.',
      '',
    ].join('\n');
    expect((await lint(text)).map(brief)).toEqual(['4 duplicate-word/repeated']);
  });

  it('a directive without a reason still applies, and is reported', async () => {
    const text = '<!-- plan-lint-disable-next-line duplicate-word -->\nThực hiện Thực hiện kế hoạch.\n';
    const diagnostics = await lint(text);
    expect(diagnostics.map(brief)).toEqual(['1 inline-directive/missingReason']);
    expect(diagnostics[0].severity).toBe('warning');
  });

  it('reports a disable that suppresses nothing', async () => {
    const text = '<!-- plan-lint-disable-next-line duplicate-word -- không cần -->\nKế hoạch năm nay.\n';
    expect((await lint(text)).map(brief)).toEqual(['1 inline-directive/unusedDisable']);
  });

  it('a block disable runs to its enable', async () => {
    const text = [
      '<!-- plan-lint-disable duplicate-word -- bảng trích từ phụ lục -->',
      '',
      'Thực hiện Thực hiện kế hoạch.',
      '',
      'với với các đơn vị.',
      '',
      '<!-- plan-lint-enable duplicate-word -->',
      '',
      'Nội dung của của năm nay.',
      '',
    ].join('\n');
    expect((await lint(text)).map(brief)).toEqual(['9 duplicate-word/repeated']);
  });

  it('a directive naming another rule does not hide this one', async () => {
    const text = '<!-- plan-lint-disable-next-line citation-format -- lý do -->\nThực hiện Thực hiện kế hoạch.\n';
    expect((await lint(text)).map(brief)).toEqual(['1 inline-directive/unusedDisable', '2 duplicate-word/repeated']);
  });
});

describe('unknown rules in directives', () => {
  it('are reported by name, and the directive is not also called unused', async () => {
    const text = '<!-- plan-lint-disable-next-line duplicate-wrod -- lý do -->\nThực hiện Thực hiện kế hoạch.\n';
    const diagnostics = await lint(text);
    expect(diagnostics.map(brief)).toEqual(['1 inline-directive/unknownRule', '2 duplicate-word/repeated']);
    expect(diagnostics[0].message).toContain('"duplicate-wrod"');
  });
});

describe('concurrent lints', () => {
  it('give every document its own diagnostics (an engine is never shared by two runs at once)', async () => {
    const config = await duplicateWordOnly();
    const texts = Array.from({ length: 12 }, (_, i) => `${'Nội dung. '.repeat(i)}của của năm ${2000 + i}.\n`);
    const sequential = [];
    for (const text of texts) sequential.push((await lintText(text, { filePath: 'a.md', config })).diagnostics.map(brief));
    // Runs start a few microtasks apart, so that one finishes while another is starting its rules.
    const concurrent = await Promise.all(
      texts.map(async (text, i) => {
        for (let tick = 0; tick < i * 2; tick++) await null;
        return (await lintText(text, { filePath: 'a.md', config })).diagnostics.map(brief);
      }),
    );
    expect(concurrent).toEqual(sequential);
    expect(concurrent.every((list) => list.length === 1)).toBe(true);
  });
});
