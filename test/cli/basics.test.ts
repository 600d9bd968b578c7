import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

const version = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/package.json'), 'utf8')).version as string;

describe('plan-lint --version / --help', () => {
  it('prints the version of the package', () => {
    for (const flag of ['--version', '-v']) {
      const run = runCli([flag]);
      expect(run).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it.each([
    [['--help'], 'Usage: plan-lint [options] [FILE|DIR|GLOB ...|-]', 'Cách dùng: plan-lint [tuỳ chọn] [TỆP|THƯ MỤC|MẪU ...|-]'],
    [['-h'], 'Usage: plan-lint [options] [FILE|DIR|GLOB ...|-]', 'Cách dùng: plan-lint [tuỳ chọn] [TỆP|THƯ MỤC|MẪU ...|-]'],
    [['convert', '--help'], 'Usage: plan-lint convert FILE', 'Cách dùng: plan-lint convert TỆP'],
    [['inspect', '--help'], 'Usage: plan-lint inspect FILE [--json]', 'Cách dùng: plan-lint inspect TỆP [--json]'],
    [['pack', '--help'], 'Usage: plan-lint pack derive PARENT -o FILE', 'Cách dùng: plan-lint pack derive CẤP-TRÊN -o TỆP'],
    [['pack', 'derive', '--help'], 'Usage: plan-lint pack derive PARENT -o FILE\n', 'Cách dùng: plan-lint pack derive CẤP-TRÊN -o TỆP\n'],
    [['pack', 'test', '--help'], 'Usage: plan-lint pack test PACK\n', 'Cách dùng: plan-lint pack test BỘ\n'],
    [['rules', '--help'], 'Usage: plan-lint rules [options]', 'Cách dùng: plan-lint rules [tuỳ chọn]'],
    [['init', '--help'], 'Usage: plan-lint init [options]', 'Cách dùng: plan-lint init [tuỳ chọn]'],
    [['mcp', '--help'], 'Usage: plan-lint mcp [--config FILE]', 'Cách dùng: plan-lint mcp [--config TỆP]'],
  ])('%j prints its help in Vietnamese by default, in English with --locale en or LANG=en_*', (args, english, vietnamese) => {
    const vi = runCli(args);
    expect(vi.code).toBe(0);
    expect(vi.stdout.startsWith(vietnamese)).toBe(true);
    for (const run of [runCli([...args, '--locale', 'en']), runCli(args, { env: { LANG: 'en_US.UTF-8' } }), runCli(args, { env: { LC_ALL: 'en_GB.UTF-8', LANG: 'vi_VN.UTF-8' } })]) {
      expect(run.code).toBe(0);
      expect(run.stdout.startsWith(english)).toBe(true);
    }
    // LC_ALL wins over LANG (POSIX), and --locale over both.
    expect(runCli(args, { env: { LC_ALL: 'vi_VN.UTF-8', LANG: 'en_US.UTF-8' } }).stdout.startsWith(vietnamese)).toBe(true);
    expect(runCli([...args, '--locale', 'vi'], { env: { LANG: 'en_US.UTF-8' } }).stdout.startsWith(vietnamese)).toBe(true);
  });

  it("the config's locale picks the language of help too", () => {
    const en = runCli(['--help'], { cwd: path.join(repoRoot, 'test/cli/fixtures/locale-en') });
    expect(en.stdout.startsWith('Usage: plan-lint')).toBe(true);
  });
});

describe('usage errors exit 2 with a message, Vietnamese by default and English with --locale en', () => {
  it.each([
    [['--frobnicate', 'x.md'], 'unknown option "--frobnicate"', 'không có tuỳ chọn "--frobnicate"'],
    [['--format', 'xml', 'fixtures/formats/plan.md'], '--format must be one of stylish, json, sarif, junit, github, html', '--format phải là một trong stylish, json, sarif, junit, github, html'],
    [['--max-warnings', 'many', 'fixtures/formats/plan.md'], '--max-warnings needs a whole number; got "many"', '--max-warnings cần một số nguyên; nhận được "many"'],
    [['fixtures/formats/*.nothing'], 'no files match the pattern "fixtures/formats/*.nothing"', 'không có tệp nào khớp mẫu "fixtures/formats/*.nothing"'],
    [['fixtures/no-such-plan.md'], 'no such file or folder: "fixtures/no-such-plan.md"', 'không có tệp hay thư mục: "fixtures/no-such-plan.md"'],
    [['convert'], 'convert needs a FILE', 'convert cần một TỆP'],
    [['inspect', 'a.md', 'b.md'], 'inspect takes one FILE; got 2', 'inspect chỉ nhận một TỆP; nhận được 2'],
    [['pack'], 'pack needs a subcommand: derive, test or diff', 'pack cần một lệnh con: derive, test hoặc diff'],
    [['pack', 'derive'], 'pack derive needs a PARENT plan', 'pack derive cần một kế hoạch CẤP-TRÊN'],
    [['--format'], 'option "--format" needs a value', 'tuỳ chọn "--format" cần một giá trị'],
  ])('%j', (args, english, vietnamese) => {
    const vi = runCli(args);
    expect(vi.code).toBe(2);
    expect(vi.stdout).toBe('');
    expect(vi.stderr).toContain(`plan-lint: ${vietnamese}`);
    expect(vi.stderr).toContain('Chạy "plan-lint --help" để xem cách dùng.');
    const en = runCli(args, { env: { LANG: 'en_US.UTF-8' } });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`plan-lint: ${english}`);
    expect(en.stderr).toContain('Run "plan-lint --help" for usage.');
  });

  it('a wrong --locale value is a usage error', () => {
    const run = runCli(['--locale', 'fr', 'fixtures/formats/plan.md'], { env: { LANG: 'en_US.UTF-8' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('plan-lint: --locale must be one of vi, en; got "fr"');
  });

  it('a broken config is reported in Vietnamese by default, in English with --locale en', () => {
    const args = ['--config', 'test/cli/fixtures/bad-config/plan-lint.config.json', 'fixtures/formats/plan.md'];
    const vi = runCli(args);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toMatch(/^plan-lint: test\/cli\/fixtures\/bad-config\/plan-lint\.config\.json:\d+:\d+: quy tắc "[a-z-]+" có mức độ "[^"]+"; hãy dùng "off", "warn" hoặc "error"\.\n$/);
    const en = runCli([...args, '--locale', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^plan-lint: test\/cli\/fixtures\/bad-config\/plan-lint\.config\.json:\d+:\d+: rule "[a-z-]+" has severity "[^"]+"; use "off", "warn" or "error"\.\n$/);
  });

  it('a config error names the file, line and column', () => {
    const run = runCli(['--config', 'test/cli/fixtures/bad-config/plan-lint.config.json', 'fixtures/formats/plan.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/plan-lint: test\/cli\/fixtures\/bad-config\/plan-lint\.config\.json:\d+:\d+: /);
  });

  it('a missing --config file is an error naming it', () => {
    const run = runCli(['--config', 'nowhere.json', 'fixtures/formats/plan.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nowhere.json');
  });

  it('a misspelt pack or rule name gets "did you mean", never advice to npm install the misspelling', () => {
    const pack = runCli(['--pack', 'recomended', 'fixtures/formats/plan.md']);
    expect(pack.code).toBe(2);
    expect(pack.stderr).toContain('Bộ quy tắc "recomended" không phải bộ có sẵn, một tệp hay một gói npm đã cài; có phải ý bạn là "recommended"?');
    const packEn = runCli(['--pack', 'van-bam', 'fixtures/formats/plan.md', '--locale', 'en']);
    expect(packEn.stderr).toContain('did you mean "van-ban"?');
    for (const run of [pack, packEn, runCli(['--pack', 'zzz-unknown', 'fixtures/formats/plan.md'])]) expect(run.stderr).not.toContain('npm install');
    const explain = runCli(['explain', 'fixtures/formats/plan.md', 'duplicate-words', '--locale', 'en']);
    expect(explain.code).toBe(2);
    expect(explain.stderr).toContain('rule "duplicate-words" is not defined by the packs in use; did you mean "duplicate-word"?');
    const config = runCli(['fixtures/formats/plan.md', '--config', 'test/cli/fixtures/misspelt-rule/plan-lint.config.json']);
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/plan-lint\.config\.json:3:14: các bộ quy tắc đang dùng \(recommended\) không có quy tắc "signatures"; có phải ý bạn là "signature"\?/);
  });

  it('a missing pack is an error naming it', () => {
    const run = runCli(['--pack', './no-such-pack.json', 'fixtures/formats/plan.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such-pack.json');
  });
});
