// Issue 13 item 4: every text the CLI prints has both languages, picked by --locale, the config's
// locale and LANG; dates read as Vietnamese write them; the parent's deadline is quoted as written.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJson, runCli } from './run-cli.js';

const DOCS = 'https://github.com/plan-lint/plan-lint/blob/main/rules';

describe('plan-lint rules: the values of the table in the reader\'s language', () => {
  it('Vietnamese by default: severities as the report writes them, "tự động" for a fix', () => {
    const lines = runCli(['rules']).stdout.split('\n');
    expect(lines[0]).toBe('bộ quy tắc      quy tắc                 mức độ    sửa      tài liệu');
    expect(lines[1]).toBe(`binh-dang-gioi  action-month            lỗi                ${DOCS}/binh-dang-gioi/action-month/README.md`);
    expect(lines).toContain(`van-ban         citation-format         cảnh báo  tự động  ${DOCS}/van-ban/citation-format/README.md`);
    expect(lines.at(-2)).toBe('bộ quy tắc: binh-dang-gioi@0.1.0, van-ban@0.1.0, recommended@0.1.0');
  });

  it('English with --locale en and with LANG=en_*', () => {
    for (const run of [runCli(['rules', '--locale', 'en']), runCli(['rules'], { env: { LANG: 'en_US.UTF-8' } })]) {
      const lines = run.stdout.split('\n');
      expect(lines[0]).toBe('pack            rule                    severity  fix      docs');
      expect(lines).toContain(`van-ban         citation-format         warning   fixable  ${DOCS}/van-ban/citation-format/README.md`);
      expect(lines.at(-2)).toBe('packs: binh-dang-gioi@0.1.0, van-ban@0.1.0, recommended@0.1.0');
    }
  });

  it('--at DATE: the date as Vietnamese write it, severities and locks in the reader\'s language', () => {
    const vi = runCli(['rules', '--at', '2024-03-10']).stdout.split('\n');
    expect(vi[0]).toBe('Quy tắc có hiệu lực ngày 10/03/2024:');
    expect(vi[1]).toBe('  binh-dang-gioi/action-month  lỗi');
    const en = runCli(['rules', '--at', '2024-03-10', '--locale', 'en']).stdout.split('\n');
    expect(en[0]).toBe('Rules in force on 10/03/2024:');
    expect(en[1]).toBe('  binh-dang-gioi/action-month  error');
    expect(runCli(['rules', '--at', '2024']).stdout.split('\n')[0]).toBe('Quy tắc có hiệu lực trong năm 2024:');
  });
});

describe('plan-lint pack test: the problem lines in the reader\'s language', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-pack-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pack = {
    name: 'thu-nghiem',
    version: '1.0.0',
    rules: [
      {
        id: 'lap-tu',
        severity: 'warning',
        messages: { repeated: { vi: 'Lặp từ.', en: 'Repeated word.' } },
        forEach: 'repeatedWords',
        conditions: { all: [{ fact: 'item', path: '$.dictionary', operator: 'equal', value: 'slip' }] },
        event: { params: { messageId: 'repeated' } },
      },
    ],
  };
  writeFileSync(path.join(dir, 'pack.json'), JSON.stringify(pack));
  mkdirSync(path.join(dir, 'examples', 'lap-tu'), { recursive: true });
  // The marker points one line too far: the finding is on line 3.
  writeFileSync(path.join(dir, 'examples', 'lap-tu', 'invalid-lap.md'), 'Kế hoạch\n\nThực hiện Thực hiện việc này. {{lap-tu:+1}}\n');
  writeFileSync(path.join(dir, 'examples', 'lap-tu', 'valid-mot-lan.md'), 'Kế hoạch\n\nThực hiện việc này. {{lap-tu}}\n');

  it('Vietnamese by default', () => {
    const run = runCli(['pack', 'test', 'pack.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        '  SAI  examples/lap-tu/invalid-lap.md',
        '        thiếu: {{lap-tu:+1}} (dòng 3) chờ lap-tu ở dòng 4; lap-tu được báo ở dòng 3',
        '        thừa: lap-tu/repeated ở dòng 3: Lặp từ.',
        '  SAI  examples/lap-tu/valid-mot-lan.md',
        '        ví dụ hợp lệ (valid-*) không được mang dấu kỳ vọng của các quy tắc trong bộ',
        '        thiếu: {{lap-tu}} (dòng 3) chờ lap-tu ở dòng 3; lap-tu không được báo',
        '',
        'thu-nghiem@1.0.0: 0 đạt, 2 không đạt',
        '',
      ].join('\n'),
    );
  });

  it('English with --locale en', () => {
    const run = runCli(['pack', 'test', 'pack.json', '--locale', 'en'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        '  FAIL  examples/lap-tu/invalid-lap.md',
        '        missing: {{lap-tu:+1}} (line 3) expects lap-tu on line 4; lap-tu was reported on line(s) 3',
        '        unexpected: lap-tu/repeated on line 3: Lặp từ.',
        '  FAIL  examples/lap-tu/valid-mot-lan.md',
        "        a valid example must not carry markers of the pack's rules",
        '        missing: {{lap-tu}} (line 3) expects lap-tu on line 3; lap-tu was not reported',
        '',
        'thu-nghiem@1.0.0: 0 passed, 2 failed',
        '',
      ].join('\n'),
    );
  });
});

describe("quoting the parent's deadline: what it wrote and the last day it means", () => {
  const defects = 'fixtures/family/defects';
  const messages = (locale: string) =>
    parseJson<{ messages: { ruleId: string; line: number; column: number; message: string }[] }[]>(
      runCli(['deadline-before-parent.md', 'submission-deadline.md', '--format', 'json', '--locale', locale], { cwd: path.resolve(defects) }),
    ).flatMap((file) => file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));

  it('in Vietnamese', () => {
    expect(messages('vi')).toEqual([
      '110:35 deadline-before-parent Thời hạn "Báo cáo năm 2024" (trước ngày 20/12/2024) muộn hơn thời hạn cấp trên giao: cấp trên ghi "trước ngày 10/12/2024", tức ngày cuối cùng là 09/12/2024; đưa về trước hoặc đúng 09/12/2024.',
      '20:9 submission-deadline Kế hoạch ban hành ngày 27/03/2024, sau hạn nộp kế hoạch cấp trên giao: cấp trên ghi "trước ngày 25/3/2024", tức ngày cuối cùng là 24/03/2024.',
    ]);
  });

  it('in English, the dates still as Vietnamese write them', () => {
    expect(messages('en')).toEqual([
      '110:35 deadline-before-parent The deadline "Báo cáo năm 2024" (trước ngày 20/12/2024) is later than the parent\'s: the parent wrote "trước ngày 10/12/2024", so the last day is 09/12/2024; move it to 09/12/2024 or earlier.',
      '20:9 submission-deadline The plan is dated 27/03/2024, after the parent\'s deadline for plans: the parent wrote "trước ngày 25/3/2024", so the last day is 24/03/2024.',
    ]);
  });

  it('a parent known only from a pack written by hand (no wording) is quoted by its last day', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-parent-pack-'));
    try {
      writeFileSync(path.join(dir, 'phong.json'), JSON.stringify({ name: 'phong', version: '1.0.0', extends: ['recommended'], parent: { deadlines: { planSubmission: '2024-03-24' } } }));
      writeFileSync(path.join(dir, 'plan-lint.config.json'), JSON.stringify({ packs: ['./phong.json'], rules: { 'deadline-before-parent': 'off', 'parent-cited': 'off' } }));
      writeFileSync(path.join(dir, 'ke-hoach.md'), 'UBND XÃ A\n\nSố: 01/KH-UBND\n\nQuảng Nam, ngày 27 tháng 3 năm 2024\n\n# KẾ HOẠCH\n\nThực hiện công tác bình đẳng giới năm 2024\n');
      const run = parseJson<{ messages: { ruleId: string; message: string }[] }[]>(runCli(['ke-hoach.md', '--format', 'json'], { cwd: dir }));
      expect(run[0]!.messages.filter((m) => m.ruleId === 'submission-deadline').map((m) => m.message)).toEqual([
        'Kế hoạch ban hành ngày 27/03/2024, sau hạn nộp kế hoạch cấp trên giao: cấp trên ghi "24/03/2024", tức ngày cuối cùng là 24/03/2024.',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('plan-lint explain: dates and severities in the reader\'s language', () => {
  it('Vietnamese: the judging date as 18/03/2024, the layers and severity in Vietnamese', () => {
    const run = runCli(['explain', 'fixtures/family/defects/signature.md', 'signature']);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('fixtures/family/defects/signature.md (xét theo quy tắc có hiệu lực ngày 18/03/2024)');
    expect(lines).toContain('  mức độ: kế thừa van-ban@0.1.0 = cảnh báo');
  });
});
