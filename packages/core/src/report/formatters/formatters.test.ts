import { describe, expect, it } from 'vitest';
import { sarifValidator } from '../../../../../test/cli/sarif-schema.js';
import { createSourceText } from '../../decode/source-text.js';
import type { Diagnostic } from '../../engine/diagnostic.js';
import { formatJsonChunks, formatters, toEslintResult } from './index.js';
import type { ReportContext, ReportFile } from './types.js';

const text = 'KẾ HOẠCH\nThực hiện Thực hiện nghiêm túc.\nNghị quyết số 28/NĐ-CP <x>\n';
const source = createSourceText(text);

function diagnostic(ruleId: string, severity: Diagnostic['severity'], start: number, end: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  return {
    ruleId,
    messageId: 'm',
    severity,
    message: `${ruleId}: "a, b" 100% <b>`,
    position: source.positionOf(start, end),
    docsUrl: `https://example.org/rules/${ruleId}.md`,
    pack: 'van-ban',
    ...extra,
  };
}

const dup = text.indexOf('Thực hiện Thực hiện');
const files: ReportFile[] = [
  {
    filePath: '/work/plans/a.md',
    text,
    diagnostics: [
      diagnostic('duplicate-word', 'warning', dup, dup + 19, { fix: { range: [dup, dup + 10], text: '' } }),
      diagnostic('citation-symbol', 'error', text.indexOf('Nghị quyết'), text.indexOf(' <x>')),
    ],
    suppressed: [{ ...diagnostic('signature', 'warning', 0, 8), justification: 'ký số' }],
  },
  {
    filePath: '/work/plans/b.md',
    text: 'ok\n',
    diagnostics: [],
    // signature compares with a parent plan this lint did not have: no check was made.
    governance: {
      judgedOn: '2026',
      judgedBy: 'plan-year',
      rules: [
        { ruleId: 'duplicate-word', pack: 'van-ban', severity: 'warning', applies: true },
        { ruleId: 'citation-symbol', pack: 'van-ban', severity: 'error', applies: true },
        { ruleId: 'signature', pack: 'van-ban', severity: 'warning', applies: false, reason: 'needs-parent' },
      ],
    },
  },
  { filePath: '/work/plans/c.pdf', diagnostics: [], fatal: { message: 'the PDF is password-protected' } },
];
const context: ReportContext = {
  cwd: '/work',
  version: '0.1.0',
  locale: 'en',
  packs: [{ name: 'van-ban', version: '1.2.0' }],
  rules: [
    { id: 'duplicate-word', pack: 'van-ban', severity: 'warning', title: 'Repeated words', docsUrl: 'https://example.org/rules/duplicate-word.md', fixable: true, description: 'No repeated words' },
    { id: 'citation-symbol', pack: 'van-ban', severity: 'error', docsUrl: 'https://example.org/rules/citation-symbol.md' },
    { id: 'signature', pack: 'van-ban', severity: 'warning', docsUrl: 'https://example.org/rules/signature.md' },
  ],
  now: new Date('2026-01-02T03:04:05Z'),
};

describe('json', () => {
  it("keeps ESLint's result and message shape", () => {
    const results = JSON.parse(formatters.json(files, context));
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({ filePath: '/work/plans/a.md', errorCount: 1, warningCount: 1, fixableErrorCount: 0, fixableWarningCount: 1, fatalErrorCount: 0, source: text });
    expect(results[0].messages[0]).toEqual({
      ruleId: 'duplicate-word', severity: 1, message: 'duplicate-word: "a, b" 100% <b>', line: 2, column: 1, endLine: 2, endColumn: 20,
      messageId: 'm', fix: { range: [dup, dup + 10], text: '' },
    });
    expect(results[0].messages[1]).toMatchObject({ ruleId: 'citation-symbol', severity: 2, line: 3, column: 1, endLine: 3, endColumn: 23 });
    expect(results[0].suppressedMessages[0]).toMatchObject({ ruleId: 'signature', suppressions: [{ kind: 'directive', justification: 'ký số' }] });
    expect(results[1]).not.toHaveProperty('source');
    expect(results[2]).toMatchObject({ errorCount: 1, fatalErrorCount: 1, messages: [{ ruleId: null, fatal: true, severity: 2, line: 1, column: 1 }] });
  });

  it('written a file at a time, is exactly JSON.stringify of the results', () => {
    const whole = JSON.stringify(files.map(toEslintResult));
    // `[`, each result and the commas between them, `]`: never the whole report in one string.
    expect([...formatJsonChunks(files)]).toHaveLength(2 * files.length + 1);
    expect([...formatJsonChunks(files)].join('')).toBe(whole);
    expect(formatters.json(files, context)).toBe(whole);
    expect([...formatJsonChunks([])].join('')).toBe('[]');
  });
});

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema and carries rules, docs links, fixes, suppressions', () => {
    const log = JSON.parse(formatters.sarif(files, context));
    const { valid, errors } = sarifValidator()(log);
    expect(errors).toBe('No errors');
    expect(valid).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['duplicate-word', 'citation-symbol', 'signature']);
    expect(run.tool.driver.rules[0]).toMatchObject({ helpUri: 'https://example.org/rules/duplicate-word.md', shortDescription: { text: 'No repeated words' } });
    expect(run.results).toHaveLength(3);
    expect(run.results[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'plans/a.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 20 } });
    expect(run.results[0].fixes[0].artifactChanges[0].replacements[0]).toEqual({ deletedRegion: { charOffset: dup, charLength: 10 }, insertedContent: { text: '' } });
    expect(run.results[2].suppressions).toEqual([{ kind: 'inSource', justification: 'ký số' }]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe('the PDF is password-protected');
  });

  it('an invalid log fails the schema check', () => {
    const log = JSON.parse(formatters.sarif(files, context));
    log.runs[0].results[0].level = 'fatal';
    expect(sarifValidator()(log).valid).toBe(false);
  });
});

describe('github', () => {
  it('writes one annotation per finding with escaped properties and data', () => {
    const lines = formatters.github(files, context).trimEnd().split('\n');
    expect(lines[0]).toBe('::warning file=plans/a.md,line=2,col=1,endLine=2,endColumn=20,title=duplicate-word::duplicate-word: "a, b" 100%25 <b> (https://example.org/rules/duplicate-word.md)');
    expect(lines[1]).toMatch(/^::error file=plans\/a\.md,line=3,col=1,endLine=3,endColumn=23,title=citation-symbol::/);
    expect(lines[2]).toBe('::error file=plans/c.pdf,line=1,col=1,title=plan-lint::the PDF is password-protected');
    expect(lines).toHaveLength(3);
  });
});

describe('junit', () => {
  it('has a suite per file, a failure per finding and an error for an unreadable file', () => {
    const xml = formatters.junit(files, context);
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml).toContain('<testsuite package="org.plan-lint" time="0" tests="2" errors="0" failures="2" name="plans/a.md">');
    expect(xml).toContain('<failure message="duplicate-word: &quot;a, b&quot; 100% &lt;b&gt;" type="warning">');
    expect(xml).toContain('<testcase time="0" name="plans/b.md" classname="plans/b" />');
    expect(xml).toContain('<error message="the PDF is password-protected">');
  });
});

describe('stylish', () => {
  it('groups by file, aligns columns and ends with a summary; no colour unless asked', () => {
    const out = formatters.stylish(files, context);
    expect(out).not.toContain('\u001b[');
    expect(out).toBe(
      [
        '',
        'plans/a.md',
        '  2:1  warning  duplicate-word: "a, b" 100% <b>   duplicate-word',
        '  3:1  error    citation-symbol: "a, b" 100% <b>  citation-symbol',
        '',
        'plans/c.pdf',
        '  0:0  error  the PDF is password-protected',
        '',
        '\u2716 3 problems (2 errors, 1 warning)',
        '  0 errors and 1 warning potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
    expect(formatters.stylish(files, { ...context, color: true })).toContain('\u001b[31m');
    expect(formatters.stylish([files[1]], context)).toBe('');
  });

  it('speaks Vietnamese by default', () => {
    expect(formatters.stylish(files, { ...context, locale: 'vi' })).toContain('\u2716 3 vấn đề (2 lỗi, 1 cảnh báo)');
  });
});

describe('html', () => {
  const html = formatters.html(files, context);
  it('is self-contained: no external URL is loaded', () => {
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(html).toContain("default-src 'none'");
  });
  it('shows counts, packs, the plans × rules table and escaped findings with excerpts', () => {
    expect(html).toContain('id="count-errors" data-count="2"');
    expect(html).toContain('id="count-warnings" data-count="1"');
    expect(html).toContain('id="count-waived" data-count="1"');
    expect(html).toContain('id="count-unreadable" data-count="1"');
    expect(html).toContain('id="count-passing-plans" data-count="1"');
    expect(html).toContain('<td class="pack-version">1.2.0</td>');
    expect(html).toContain('class="cell failed sev-error" data-state="failed" data-severity="error" data-rule="citation-symbol"');
    expect(html).toContain('class="cell waived" data-state="waived" data-rule="signature"');
    expect(html).toContain('duplicate-word: &quot;a, b&quot; 100% &lt;b&gt;');
    expect(html).toContain('<span class="ln">3</span><mark>Nghị quyết số 28/NĐ-CP</mark> &lt;x&gt;');
    expect(html).not.toContain('<x>');
  });
  it('tells errors from warnings, and a check not made from a pass', () => {
    expect(html).toMatch(/class="cell failed sev-warning" data-state="failed" data-severity="warning" data-rule="duplicate-word" title="Repeated words: warnings: 1">\u25B2 1<\/td>/);
    expect(html).toMatch(/class="cell failed sev-error" [^>]*>\u2716 1<\/td>/);
    expect(html).toContain(
      '<td class="cell not-applicable" data-state="not-applicable" data-reason="needs-parent" data-rule="signature" title="signature: not applicable: no parent plan (--parent) to compare with">\u2205</td>',
    );
    expect(html).toContain('<td class="cell unreadable" data-state="unreadable" data-reason="unreadable" data-rule="signature"');
  });
  it('titles the columns in the reader\'s language, with the rule id in the tooltip', () => {
    expect(html).toContain('<th scope="col" class="rule-head" data-rule="duplicate-word" title="duplicate-word \u2014 No repeated words \u2014 van-ban"><a href="https://example.org/rules/duplicate-word.md">Repeated words</a></th>');
  });
  it('writes the time for people (the page rewrites it in the reader\'s time zone), zero counts plain, and a print style', () => {
    expect(html).toContain('<time id="generated" datetime="2026-01-02T03:04:05.000Z">2 Jan 2026, 03:04 UTC</time>');
    expect(formatters.html(files, { ...context, locale: 'vi' })).toContain('datetime="2026-01-02T03:04:05.000Z">02/01/2026 03:04 UTC</time>');
    const clean = formatters.html([files[1]], context);
    expect(clean).toContain('<div class="tile errors zero"><span class="label">Errors</span><span class="value" id="count-errors" data-count="0">0</span></div>');
    expect(html).toContain('<div class="tile errors"><span class="label">Errors</span>');
    expect(html).toContain('@page{size:A4 landscape');
    expect(html).toContain('@media print{');
  });
});
