import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { vietnameseDateLine } from '../../packages/cli/src/commands/plan-template.js';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJson, repoRoot, runCli, runCliOnce, tempCopy } from './run-cli.js';
import RULE_IDS from '../support/rule-ids.generated.json' with { type: 'json' };

describe('plan-lint inspect', () => {
  it('prints the outline with kinds and the entities with their lines', () => {
    const run = runCliOnce(['inspect', 'fixtures/formats/plan.md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  symbol: 21/KH-PGDĐT  (5:5)\n');
    expect(run.stdout).toContain('  date: 2024-03-10  (7:10)\n');
    expect(run.stdout).toMatch(/^ {2}\d+:\d+ {2}I\. MỤC ĐÍCH, YÊU CẦU {2}\[purpose\]$/m);
    expect(run.stdout).toMatch(/^ {2}\d+:\d+ {2}IV\. TỔ CHỨC THỰC HIỆN {2}\[organisation\]$/m);
    expect(run.stdout).toMatch(/^ {2}\d+:\d+ {2}six-month-report {2}before 2024-06-05/m);
    expect(run.stdout).toContain('Nghị định 125/2021/NĐ-CP ngày 2021-12-28 Chính phủ');
  });

  it('--json prints the AST with ISO dates', () => {
    const document = parseJson<{ type: string; metadata: { date: { iso: string } }; sections: { kind: string }[]; deadlines: { due?: { iso: string } }[] }>(
      runCliOnce(['inspect', 'fixtures/formats/plan.docx', '--json']),
    );
    expect(document.type).toBe('document');
    expect(document.metadata.date.iso).toBe('2024-03-10');
    expect(document.sections.map((s) => s.kind)).toEqual(['purpose', 'tasks', 'budget', 'organisation']);
    expect(document.deadlines.map((d) => d.due?.iso)).toEqual(['2024-06-05', '2024-12-05']);
  });
});

describe('plan-lint rules', () => {
  it('lists every rule with pack, severity, fixability and docs link', () => {
    const { rules, packs } = parseJson<{ rules: { id: string; pack: string; severity: string; fixable: boolean; docsUrl: string }[]; packs: { name: string; version: string }[] }>(
      runCliOnce(['rules', '--json']),
    );
    expect(rules.map((r) => r.id).sort()).toEqual(Object.values(RULE_IDS).flat().sort());
    expect(rules.find((r) => r.id === 'action-month')).toMatchObject({ pack: 'binh-dang-gioi', severity: 'error' });
    expect(rules.find((r) => r.id === 'duplicate-word')).toMatchObject({ pack: 'van-ban', severity: 'warning', fixable: true });
    for (const rule of rules) expect(rule.docsUrl).toMatch(new RegExp(`/rules/${rule.pack}/${rule.id}/README\\.md$`));
    expect(packs.map((p) => p.name)).toEqual(expect.arrayContaining(['binh-dang-gioi', 'van-ban']));
  });

  it('prints a table; --pack narrows it to one pack; --locale en', () => {
    const run = runCliOnce(['rules', '--pack', 'van-ban', '--locale', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^pack +rule +severity +fix +docs$/m);
    expect(run.stdout).toMatch(/^van-ban +duplicate-word +warning +fixable +https:\/\//m);
    expect(run.stdout).not.toContain('action-month');
  });
});

describe('plan-lint init', () => {
  const temp = tempCopy([]);
  afterAll(temp.cleanup);

  it('writes a config and a plan template that lints clean; keeps existing files', () => {
    const run = runCli(['init'], { cwd: temp.dir });
    expect(run).toMatchObject({ code: 0, stdout: 'đã ghi plan-lint.config.json\nđã ghi ke-hoach.md\n' });
    const config = JSON.parse(readFileSync(path.join(temp.dir, 'plan-lint.config.json'), 'utf8'));
    expect(config.packs).toEqual(['recommended']);
    // $schema resolves from the new folder, which has no node_modules.
    expect(existsSync(path.resolve(temp.dir, config.$schema))).toBe(true);
    expect(JSON.parse(readFileSync(path.resolve(temp.dir, config.$schema), 'utf8')).title).toMatch(/^plan-lint configuration/);
    const template = readFileSync(path.join(temp.dir, 'ke-hoach.md'), 'utf8');
    // What the template teaches: Quốc hiệu and Tiêu ngữ, an issuer that still exists (no district
    // level since 2025), the date with its leading zeros, the annual report due after 15/12.
    expect(template).toContain('\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n');
    expect(template.startsWith('SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH …\n')).toBe(true);
    expect(template).not.toMatch(/HUYỆN|Phòng GD/);
    expect(template).toContain(`, ${vietnameseDateLine(new Date())}\n`);
    expect(template).toMatch(/báo cáo năm gửi trước ngày 20\/12\/\d{4}/);
    for (const heading of ['## I. MỤC ĐÍCH, YÊU CẦU', '## II. NHIỆM VỤ, GIẢI PHÁP', '## III. KINH PHÍ', '## IV. TỔ CHỨC THỰC HIỆN']) {
      expect(template).toContain(`\n${heading}\n`);
    }
    expect(template).toContain('\n- Lưu: VT.\n');
    const lint = runCli(['ke-hoach.md', '--format', 'json'], { cwd: temp.dir });
    expect(parseJson<{ messages: unknown[] }[]>(lint)[0].messages).toEqual([]);
    expect(lint.code).toBe(0);

    const again = runCli(['init'], { cwd: temp.dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('plan-lint.config.json đã có; giữ nguyên (dùng --force để ghi đè).');
    expect(readFileSync(path.join(temp.dir, 'ke-hoach.md'), 'utf8')).toBe(template);
  });
});

describe('plan-lint pack', () => {
  const temp = tempCopy([]);
  afterAll(temp.cleanup);

  it('derive turns the parent plan into a pack whose parent facts lint like --parent', () => {
    const out = path.join(temp.dir, 'phong.pack.json');
    const run = runCli(['pack', 'derive', 'fixtures/family/parent/ke-hoach-phong.md', '-o', out]);
    expect(run.code).toBe(0);
    // Dates in messages as Vietnamese write them, not ISO.
    expect(run.stderr).toContain('bộ quy tắc "parent-18-kh-pgddt" 1.0.0, văn bản cấp trên 18/KH-PGDĐT ngày 05/03/2024');
    const en = runCli(['pack', 'derive', 'fixtures/family/parent/ke-hoach-phong.md', '-o', out], { env: { LANG: 'en_US.UTF-8' } });
    // pack test on what derive just wrote: nothing to test is said, and is not a failure.
    const tested = runCli(['pack', 'test', out]);
    expect(tested.code).toBe(0);
    expect(tested.stdout).toBe('parent-18-kh-pgddt@1.0.0: không có gì để kiểm tra: bộ quy tắc không kèm ví dụ (examples/<mã-quy-tắc>/valid-*.md, invalid-*.md).\n');
    expect(en.stderr).toContain('pack "parent-18-kh-pgddt" 1.0.0, parent 18/KH-PGDĐT of 05/03/2024');
    const pack = JSON.parse(readFileSync(out, 'utf8'));
    expect(pack.parent).toMatchObject({ symbol: '18/KH-PGDĐT', date: '2024-03-05' });
    const withPack = parseJson<{ messages: { ruleId: string }[] }[]>(runCli(['--pack', out, '--format', 'json', 'fixtures/family/defects/parent-cited.md']));
    expect(withPack[0].messages.map((m) => m.ruleId)).toContain('parent-cited');
  });

  it('derive without -o prints the pack', () => {
    const run = runCliOnce(['pack', 'derive', 'fixtures/family/parent/ke-hoach-phong.md', '--name', 'phong-que-son', '--version', '2.0.0']);
    expect(JSON.parse(run.stdout)).toMatchObject({ name: 'phong-que-son', version: '2.0.0' });
  });

  it('test runs the built-in packs\' examples and passes', () => {
    for (const pack of ['van-ban', 'binh-dang-gioi']) {
      const run = runCli(['pack', 'test', `rules/${pack}/pack.json`]);
      expect(run.stdout).toMatch(new RegExp(`^${pack}@[\\d.]+: \\d+ đạt, 0 không đạt$`, 'm'));
      expect(run.code).toBe(0);
    }
  });

  it('test fails, saying why, on a wrong marker and a missing .fixed.md', () => {
    const run = runCli(['pack', 'test', 'test/cli/fixtures/broken-pack/pack.json'], { env: { LANG: 'en_US.UTF-8' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  FAIL  test/cli/fixtures/broken-pack/examples/duplicate-word/invalid-marker-on-wrong-line.md');
    expect(run.stdout).toContain('missing: {{duplicate-word/repeated:+2}} (line 30) expects duplicate-word/repeated on line 32; duplicate-word was reported on line(s) 30/repeated');
    expect(run.stdout).toContain('unexpected: duplicate-word/repeated on line 30:');
    expect(run.stdout).toContain('a fix is offered: add invalid-marker-on-wrong-line.fixed.md with the fixed text');
    expect(run.stdout).toContain('  ok    test/cli/fixtures/broken-pack/examples/duplicate-word/valid-no-repeats.md');
    expect(run.stdout).toContain('broken-examples@0.0.1: 1 passed, 1 failed');
  });

  it('test on a pack that does not load is exit 2 naming it', () => {
    const run = runCli(['pack', 'test', 'test/cli/fixtures/bad-config/plan-lint.config.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('plan-lint.config.json');
    expect(existsSync(path.join(repoRoot, 'test/cli/fixtures/bad-config/plan-lint.config.json'))).toBe(true);
  });
});
