import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatsDir, parseJson, runCli, tempCopy } from './run-cli.js';

interface Result {
  filePath: string;
  messages: { ruleId: string | null; fatal?: boolean; message: string; line: number }[];
}

const rulesOf = (result: Result) => [...new Set(result.messages.map((m) => m.ruleId))].sort();

describe('the same plan as .md, .txt, .docx and .pdf', () => {
  const forms = ['plan.md', 'plan.txt', 'plan.docx', 'plan.pdf'];
  const results = parseJson<Result[]>(runCli([...forms.map((f) => `fixtures/formats/${f}`), '--format', 'json']));

  it('gives the same rule ids for the same defects', () => {
    expect(results.map((r) => path.basename(r.filePath))).toEqual(['plan.docx', 'plan.md', 'plan.pdf', 'plan.txt']);
    const byForm = Object.fromEntries(results.map((r) => [path.basename(r.filePath), rulesOf(r)]));
    expect(byForm['plan.md']).toEqual(expect.arrayContaining(['citation-symbol', 'duplicate-word', 'enumeration-sequence']));
    for (const form of forms) expect(byForm[form], form).toEqual(byForm['plan.md']);
  });

  it('positions in a .docx/.pdf report point into the text `convert --text` prints', () => {
    for (const form of ['plan.docx', 'plan.pdf']) {
      const converted = runCli(['convert', '--text', `fixtures/formats/${form}`]);
      expect(converted.code).toBe(0);
      const line = converted.stdout.split('\n');
      const duplicate = results.find((r) => r.filePath.endsWith(form))!.messages.find((m) => m.ruleId === 'duplicate-word')!;
      expect(line[duplicate.line - 1], form).toContain('Thực hiện Thực hiện');
    }
  });
});

describe('plan-lint convert', () => {
  it('prints a .docx as text, one paragraph a line', () => {
    const run = runCli(['convert', 'fixtures/formats/plan.docx']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Số: 21/KH-PGDĐT\n\nQuế Sơn, ngày 10 tháng 3 năm 2024\n');
    expect(run.stdout).toContain('\n- Lưu: VT.\n');
  });

  it('--text prints a .md or .txt as it is', () => {
    expect(runCli(['convert', '--text', 'fixtures/formats/plan.txt']).stdout).toBe(readFileSync(path.join(formatsDir, 'plan.txt'), 'utf8'));
  });

  it('writes a hard-wrapped .txt as Markdown: numbered headings, items with their markers, paragraphs on one line', () => {
    const run = runCli(['convert', 'fixtures/formats/plan.txt']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# I\. MỤC ĐÍCH, YÊU CẦU$/m);
    expect(run.stdout).toMatch(/^## 1\. Mục đích$/m);
    expect(run.stdout).toMatch(/^- Lưu: VT\.$/m);
  });

  it('--output writes the text to a file', () => {
    const temp = tempCopy([]);
    const out = path.join(temp.dir, 'plan.txt');
    expect(runCli(['convert', 'fixtures/formats/plan.pdf', '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('IV. TỔ CHỨC THỰC HIỆN');
    temp.cleanup();
  });

  it('a broken PDF is an input error naming the file (exit 2)', () => {
    const run = runCli(['convert', 'fixtures/formats/encrypted.pdf'], { env: { LANG: 'en_US.UTF-8' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('plan-lint: fixtures/formats/encrypted.pdf: the PDF is password-protected');
    const vi = runCli(['convert', 'fixtures/formats/encrypted.pdf']);
    expect(vi.stderr).toContain('plan-lint: fixtures/formats/encrypted.pdf: tệp PDF có đặt mật khẩu');
  });
});

describe('unreadable inputs never stop the run', () => {
  it('encrypted, corrupt and text-less PDFs are reported by name; the other files are linted; exit 2', () => {
    const files = ['encrypted.pdf', 'corrupt.pdf', 'no-text.pdf', 'plan.md'].map((f) => `fixtures/formats/${f}`);
    const run = runCli([...files, '--format', 'json', '--locale', 'en']);
    expect(run.code).toBe(2);
    const results = parseJson<Result[]>(run);
    const fatal = (name: string) => results.find((r) => r.filePath.endsWith(name))!.messages[0];
    expect(fatal('encrypted.pdf')).toMatchObject({ ruleId: null, fatal: true, message: expect.stringContaining('password-protected') });
    expect(fatal('corrupt.pdf')).toMatchObject({ ruleId: null, fatal: true, message: expect.stringContaining('cannot read this PDF') });
    expect(fatal('no-text.pdf')).toMatchObject({ ruleId: null, fatal: true, message: expect.stringContaining('no text layer') });
    expect(rulesOf(results.find((r) => r.filePath.endsWith('plan.md'))!)).toContain('duplicate-word');
  });

  it('stylish names the unreadable file, in Vietnamese by default', () => {
    const run = runCli(['fixtures/formats/corrupt.pdf', 'fixtures/formats/encrypted.pdf', 'fixtures/formats/clean.md']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('fixtures/formats/corrupt.pdf\n  0:0  lỗi  không đọc được tệp PDF này (tệp hỏng hoặc không phải PDF)');
    expect(run.stdout).toContain('fixtures/formats/encrypted.pdf\n  0:0  lỗi  tệp PDF có đặt mật khẩu');
  });

  it('invalid UTF-8 is reported with its place', () => {
    const temp = tempCopy([]);
    const file = path.join(temp.dir, 'legacy.txt');
    writeFileSync(file, Buffer.from([0x4b, 0xc8, 0x20, 0x48, 0x4f, 0x1e, 0x43, 0x48, 0x0a, 0xff, 0xfe, 0x41]));
    const run = runCli([file, '--format', 'json', '--locale', 'en']);
    expect(run.code).toBe(2);
    expect(parseJson<Result[]>(run)[0].messages[0]).toMatchObject({ fatal: true, line: 1, message: expect.stringContaining('invalid UTF-8 at byte 1') });
    const vi = parseJson<Result[]>(runCli([file, '--format', 'json']))[0].messages[0];
    expect(vi.message).toBe(
      // Twelve bytes are too few to name one of the four legacy encodings (issue 14 item 16).
      'byte không hợp lệ trong UTF-8 (byte 1), có vẻ là bảng mã 8-bit cũ (TCVN3, VNI, VISCII hoặc Windows-1258); hãy chuyển tệp sang Unicode UTF-8 rồi kiểm tra lại.',
    );
    temp.cleanup();
  });
});

describe('folders and globs', () => {
  const temp = tempCopy([]);
  afterAll(temp.cleanup);
  const tree = {
    'plans/a.md': 'plan.md',
    'plans/sub/b.txt': 'plan.txt',
    'plans/c.docx': 'plan.docx',
    'plans/ignored/d.md': 'plan.md',
    'plans/skip.md': 'plan.md',
    'plans/node_modules/pkg/e.md': 'plan.md',
    'plans/notes.json': 'plan.md',
  };
  for (const [target, source] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(temp.dir, target)), { recursive: true });
    cpSync(path.join(formatsDir, source), path.join(temp.dir, target));
  }
  mkdirSync(path.join(temp.dir, '.git'));
  writeFileSync(path.join(temp.dir, '.gitignore'), 'ignored/\n');
  writeFileSync(path.join(temp.dir, 'plans/.gitignore'), 'skip.md\n');
  mkdirSync(path.join(temp.dir, 'empty'));
  const linted = (args: string[]) =>
    parseJson<Result[]>(runCli([...args, '--format', 'json'], { cwd: temp.dir })).map((r) => path.relative(temp.dir, r.filePath));

  it('a folder is walked for .md .txt .docx .pdf, skipping node_modules and .gitignored paths', () => {
    expect(linted(['plans'])).toEqual(['plans/a.md', 'plans/c.docx', 'plans/sub/b.txt']);
  });

  it('no argument lints the current folder', () => {
    expect(linted([])).toEqual(['plans/a.md', 'plans/c.docx', 'plans/sub/b.txt']);
  });

  it('a glob is expanded, honouring .gitignore', () => {
    expect(linted(['plans/**/*.md'])).toEqual(['plans/a.md']);
  });

  it('a named file that an ignore rule hides is not linted; the message names the rule; --no-ignore lints it', () => {
    const run = runCli(['plans/skip.md', '--format', 'json', '--locale', 'en'], { cwd: temp.dir });
    expect(run.code).toBe(0);
    expect(parseJson<Result[]>(run)).toEqual([]);
    expect(run.stderr).toBe(
      'plan-lint: plans/skip.md: file ignored because of a matching ignore pattern "skip.md" (plans/.gitignore). Use --no-ignore to lint it anyway.\n',
    );
    expect(linted(['plans/skip.md', '--no-ignore'])).toEqual(['plans/skip.md']);
  });

  it('a folder without plans is an error (exit 2)', () => {
    const run = runCli(['empty'], { cwd: temp.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('không có tệp kế hoạch (.md, .txt, .docx, .pdf) trong thư mục "empty"');
  });
});
