import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, formatsDir, parseJson, repoRoot, runCli, tempCopy } from './run-cli.js';

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

describe('CI lints plans, not everything', () => {
  const temp = tempCopy([]);
  afterAll(temp.cleanup);
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(temp.dir, file)), { recursive: true });
    writeFileSync(path.join(temp.dir, file), text);
  };
  mkdirSync(path.join(temp.dir, '.git'));
  for (const name of ['ke-hoach.md', 'drafts/nhap.md', 'drafts/giu-lai.md', 'old/cu.txt', 'docs/huong-dan.md']) {
    mkdirSync(path.dirname(path.join(temp.dir, name)), { recursive: true });
    cpSync(path.join(formatsDir, 'plan.md'), path.join(temp.dir, name));
  }
  write('README.md', '# Kế hoạch của trường\n\nKho lưu các kế hoạch.\n');
  write('CHANGELOG.md', '# Changelog\n\n## 1.0.0\n\n- first plans\n');
  write('LICENSE', 'MIT\n');
  write('docs/CONTRIBUTING.md', '# Đóng góp\n');
  write('node_modules/pkg/readme.md', '# pkg\n');
  write('.plan-lint-cache/x.md', '# cache\n');
  const linted = (args: string[], cwd = temp.dir) =>
    parseJson<Result[]>(runCli([...args, '--format', 'json'], { cwd })).map((result) => path.relative(temp.dir, result.filePath));

  it('README, CHANGELOG, LICENSE, CONTRIBUTING, node_modules, the cache and a previous report are never linted as plans', () => {
    // The report of a first run, written with -o inside the repository, as CI does.
    const first = runCli(['.', '-o', 'report.txt'], { cwd: temp.dir });
    expect(first.code).toBe(1);
    const report = readFileSync(path.join(temp.dir, 'report.txt'), 'utf8');
    expect(report).toMatch(/^\ndocs\/huong-dan\.md\n {2}\d+:\d+ +lỗi/);
    const second = runCli(['.', '-o', 'report-2.txt'], { cwd: temp.dir });
    expect(readFileSync(path.join(temp.dir, 'report-2.txt'), 'utf8')).toBe(report);
    writeFileSync(path.join(temp.dir, 'github.txt'), runCli(['ke-hoach.md', '--format', 'github'], { cwd: temp.dir }).stdout);
    expect(linted(['.'])).toEqual(['docs/huong-dan.md', 'drafts/giu-lai.md', 'drafts/nhap.md', 'ke-hoach.md', 'old/cu.txt']);
    expect(second.code).toBe(1);
  });

  it('--no-ignore lints them all (but node_modules and .git while walking)', () => {
    const all = linted(['.', '--no-ignore']);
    expect(all).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'docs/CONTRIBUTING.md', '.plan-lint-cache/x.md']));
    // A report plan-lint wrote is recognised by its content, not by a rule: it is never a plan.
    expect(all).not.toContain('report.txt');
    expect(all.some((file) => file.startsWith('node_modules/'))).toBe(false);
  });

  it('config "ignores" (with "!"), .planlintignore and --ignore-pattern add to the defaults', () => {
    const dir = path.join(temp.dir, 'with-config');
    mkdirSync(dir, { recursive: true });
    for (const name of ['a.md', 'drafts/b.md', 'drafts/keep.md', 'old/c.md', 'tmp/d.md']) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      cpSync(path.join(formatsDir, 'plan.md'), path.join(dir, name));
    }
    writeFileSync(path.join(dir, 'plan-lint.config.json'), JSON.stringify({ ignores: ['drafts/*', '!drafts/keep.md'] }));
    writeFileSync(path.join(dir, '.planlintignore'), '# gitignore syntax\nold/\n');
    expect(linted(['.'], dir)).toEqual(['with-config/a.md', 'with-config/drafts/keep.md', 'with-config/tmp/d.md']);
    expect(linted(['.', '--ignore-pattern', 'tmp/', '--ignore-pattern', '*.md', '--ignore-pattern', '!a.md'], dir)).toEqual([
      'with-config/a.md',
      'with-config/drafts/keep.md',
    ]);
  });

  it('a named file or folder that an ignore rule hides is reported with the rule, in both languages', () => {
    const dir = path.join(temp.dir, 'with-config');
    const file = runCli(['drafts/b.md'], { cwd: dir });
    expect(file.code).toBe(0);
    expect(file.stderr).toBe(
      'plan-lint: drafts/b.md: bị bỏ qua vì khớp mẫu bỏ qua "drafts/*" ("ignores" trong plan-lint.config.json). Dùng --no-ignore để vẫn kiểm tra tệp này.\n',
    );
    const folder = runCli(['old', '--locale', 'en'], { cwd: dir });
    expect(folder.stderr).toBe(
      'plan-lint: old: file ignored because of a matching ignore pattern "old/" (.planlintignore). Use --no-ignore to lint it anyway.\n',
    );
    const readme = runCli(['README.md', '--locale', 'en'], { cwd: temp.dir });
    expect(readme.stderr).toBe(
      `plan-lint: README.md: file ignored because of a matching ignore pattern "README*" (plan-lint's default ignores). Use --no-ignore to lint it anyway.\n`,
    );
    expect(linted(['README.md', '--no-ignore'])).toEqual(['README.md']);
    // A folder whose plans are all ignored says so, instead of "no plan files".
    const docsOnly = path.join(temp.dir, 'only-docs');
    mkdirSync(docsOnly);
    writeFileSync(path.join(docsOnly, 'README.md'), '# docs\n');
    const empty = runCli(['only-docs', '--locale', 'en'], { cwd: temp.dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('plan-lint: all plan files in folder "only-docs" are ignored (e.g. only-docs/README.md: pattern "README*", plan-lint\'s default ignores); use --no-ignore');
  });

  it('--print-config FILE prints the effective config as JSON', () => {
    const dir = path.join(temp.dir, 'with-config');
    const run = runCli(['--print-config', 'drafts/b.md'], { cwd: dir });
    expect(run.code).toBe(0);
    const config = JSON.parse(run.stdout);
    expect(config).toMatchObject({
      filePath: path.join(dir, 'drafts/b.md'),
      configFile: path.join(dir, 'plan-lint.config.json'),
      locale: 'vi',
      ignores: ['drafts/*', '!drafts/keep.md'],
      ignored: { pattern: 'drafts/*' },
      parent: null,
    });
    expect(config.packs.map((pack: { name: string }) => pack.name)).toEqual(['binh-dang-gioi', 'van-ban', 'recommended']);
    expect(config.rules['duplicate-word']).toBe('warning');
    expect(config.rules['citation-issuer']).toBe('error');
    expect(Object.keys(config.rules)).toHaveLength(19);
  });

  it('a config "ignores" that is not a list of strings is a config error', () => {
    const dir = path.join(temp.dir, 'bad-ignores');
    mkdirSync(dir);
    cpSync(path.join(formatsDir, 'plan.md'), path.join(dir, 'a.md'));
    writeFileSync(path.join(dir, 'plan-lint.config.json'), '{\n  "ignores": "drafts/"\n}\n');
    const run = runCli(['a.md', '--locale', 'en'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('plan-lint.config.json:2:14: The config does not match its schema at $.ignores: must be array.');
  });
});

describe('Unix manners', () => {
  it('a closed pipe (plan-lint … | head -c 100) ends quietly, with the exit code of the lint', () => {
    // 110 KB of JSON: more than a pipe holds, so writing goes on after head has gone (EPIPE).
    const alone = runCli(['fixtures/plans', '--format', 'json', '-o', '/dev/null']);
    const piped = spawnSync('bash', ['-c', `node "${bin}" fixtures/plans --format json | head -c 100 >/dev/null; exit \${PIPESTATUS[0]}`], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined },
    });
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(alone.code);
  });

  it('reads a plan from standard input: "-" with --stdin-filename, as ESLint and Prettier do', () => {
    const text = readFileSync(path.join(formatsDir, 'plan.md'));
    const fromFile = parseJson<Result[]>(runCli(['fixtures/formats/plan.md', '--format', 'json']))[0];
    const piped = spawnSync(process.execPath, [bin, '-', '--stdin-filename', 'fixtures/formats/plan.md', '--format', 'json'], { cwd: repoRoot, input: text, encoding: 'utf8' });
    expect(piped.status).toBe(1);
    const fromStdin = (JSON.parse(piped.stdout) as Result[])[0];
    expect(fromStdin.filePath).toBe(path.join(repoRoot, 'fixtures/formats/plan.md'));
    expect(fromStdin.messages).toEqual(fromFile.messages);
    // Without a name: reported as <text>, read as plain text.
    const unnamed = spawnSync(process.execPath, [bin, '-'], { cwd: repoRoot, input: text, encoding: 'utf8' });
    expect(unnamed.stdout).toMatch(/^\n<text>\n {2}\d+:\d+ +lỗi/);
    const wrong = runCli(['-', 'fixtures/formats/plan.md', '--locale', 'en']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('"-" (standard input) cannot be combined with files or folders');
  });

  it('NO_COLOR and FORCE_COLOR: FORCE_COLOR forces colours into a pipe, NO_COLOR removes them, the flags win', () => {
    const file = 'fixtures/formats/plan.md';
    const escape = '\u001b[';
    expect(runCli([file]).stdout).not.toContain(escape);
    expect(runCli([file], { env: { FORCE_COLOR: '1' } }).stdout).toContain(escape);
    expect(runCli([file], { env: { FORCE_COLOR: '0' } }).stdout).not.toContain(escape);
    expect(runCli([file, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(escape);
    expect(runCli([file, '--color'], { env: { NO_COLOR: '1' } }).stdout).toContain(escape);
  });
});
