// Hostile and broken input files, through the built CLI: each gets a message that names the file
// and says what to do, the exit code of an input error (2), and finishes in bounded time.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeTcvn3, encodeVni } from './legacy-encoders.js';
import { repoRoot, runPlanLint, type Run } from './spawn-cli.js';
import { buildDocx } from '../support/docx-builder.js';
import { docxBomb } from './zip-bomb.js';

// The messages these tests read in English.
const EN = { LC_ALL: 'en_US.UTF-8' };

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const PLAN = readFileSync(path.join(repoRoot, 'fixtures/family/compliant/truong-th-a.md'), 'utf8');
let dir: string;
const at = (name: string) => path.join(dir, name);

type Report = { filePath: string; messages: { fatal?: boolean; message: string; line?: number }[] }[];

/**
 * The files that need no timing of their own are linted together, once per language: one CLI
 * start instead of one per file (each start loads the core; CI time counts).
 */
const batch = new Map<string, { run: Run; report: Report }>();
const BATCHED: Record<string, () => Uint8Array | string> = {
  'empty.md': () => '',
  'blank.txt': () => '\ufeff  \r\n\t\n\n',
  'binary.md': () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  'damaged.md': () => {
    const bytes = Buffer.from(PLAN, 'utf8');
    // `ế` (E1 BA BF) in the first "Quế An" loses its last byte, as a cut copy leaves it.
    const letter = bytes.indexOf(Buffer.from('Quế An')) + 'Qu'.length;
    return Buffer.concat([bytes.subarray(0, letter + 2), bytes.subarray(letter + 3)]);
  },
  'utf16le.md': () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN, 'utf16le')]),
  'utf16be.txt': () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN, 'utf16le')]).swap16(),
  'tcvn3.txt': () => encodeTcvn3(PLAN),
  'vni.txt': () => encodeVni(PLAN),
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-hostile-'));
  chmodSync(dir, 0o755); // the unreadable-file case runs as another user
  for (const [name, make] of Object.entries(BATCHED)) writeFileSync(at(name), make());
  for (const locale of ['en', 'vi']) {
    const run = await runPlanLint([...Object.keys(BATCHED), '--format', 'json', '--locale', locale], { cwd: dir, timeoutMs: 60_000 });
    batch.set(locale, { run, report: JSON.parse(run.stdout) as Report });
  }
}, 130_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lints one file (named relative to the temp folder); the JSON report's single fatal message. */
async function lintFatal(name: string, options: { timeoutMs?: number; asUser?: number; locale?: 'vi' | 'en' } = {}) {
  const batched = name in BATCHED ? batch.get(options.locale ?? 'en') : undefined;
  const run = batched?.run ?? (await runPlanLint([name, '--format', 'json', '--locale', options.locale ?? 'en'], { cwd: dir, ...options }));
  expect(run.signal, `killed after ${run.seconds.toFixed(1)} s`).toBeNull();
  const report = (batched?.report ?? (JSON.parse(run.stdout) as Report)).filter((entry) => entry.filePath === at(name));
  expect(report).toHaveLength(1);
  expect(report[0].messages).toHaveLength(1);
  expect(report[0].messages[0].fatal).toBe(true);
  return { run, message: report[0].messages[0] };
}

describe('broken and hostile plan files', () => {
  it('an empty file (0 bytes, or only a BOM and whitespace) is refused as empty, not reported as a plan missing every section', async () => {
    const empty = await lintFatal('empty.md');
    expect(empty.run.code).toBe(2);
    expect(empty.message.message).toBe('file is empty (0 bytes): there is nothing to lint; check that this is the right file and that it was saved.');
    const blank = await lintFatal('blank.txt');
    expect(blank.message.message).toBe('file is empty (only whitespace): there is nothing to lint; check that this is the right file and that it was saved.');
    // And in the default language of the reports.
    expect((await lintFatal('empty.md', { locale: 'vi' })).message.message).toBe(
      'tệp rỗng (0 byte): không có nội dung để kiểm tra; hãy xem lại đây có đúng là tệp kế hoạch và tệp đã được lưu chưa.',
    );
    expect((await lintFatal('blank.txt', { locale: 'vi' })).message.message).toMatch(/^tệp rỗng \(chỉ có khoảng trắng\): /);
    // Alone (the batch exits 2 for its other files too), in the default format: the file, the message, exit 2.
    const alone = await runPlanLint(['empty.md'], { cwd: dir });
    expect(alone.code).toBe(2);
    expect(alone.stdout).toMatch(/^empty\.md\n.*lỗi +tệp rỗng \(0 byte\): không có nội dung để kiểm tra;/m);
  });

  it('a binary file is refused as binary, with the offset of the NUL byte', async () => {
    const { run, message } = await lintFatal('binary.md');
    expect(run.code).toBe(2);
    expect(message.message).toMatch(/binary \(a NUL byte at offset 8\)/);
  });

  it('invalid UTF-8 in an otherwise UTF-8 plan: its line, and "damaged or cut", not a legacy encoding', async () => {
    const { run, message } = await lintFatal('damaged.md');
    expect(run.code).toBe(2);
    expect(message.message).toMatch(/^invalid UTF-8 at byte \d+: the rest of the file is UTF-8: a character there is damaged or cut/);
    expect(message.line).toBe(PLAN.slice(0, PLAN.indexOf('Quế An')).split('\n').length);
  });

  it('UTF-16 with a byte-order mark (little- and big-endian) is refused with "save it as UTF-8"', async () => {
    for (const name of ['utf16le.md', 'utf16be.txt']) {
      const { run, message } = await lintFatal(name);
      expect(run.code).toBe(2);
      expect(message.message).toMatch(/UTF-16.*save it as UTF-8/);
    }
  });

  it('a plan typed in TCVN3 (ABC) is detected and named, with how to convert it', async () => {
    const { run, message } = await lintFatal('tcvn3.txt');
    expect(run.code).toBe(2);
    expect(message.message).toMatch(/looks TCVN3-encoded .*convert it to Unicode UTF-8/);
    // And in the default language of the reports.
    const vi = await lintFatal('tcvn3.txt', { locale: 'vi' });
    expect(vi.message.message).toMatch(/bảng mã TCVN3 .*UniKey, TCVN3 → Unicode/);
  });

  it('a plan typed in VNI is detected and named', async () => {
    const { run, message } = await lintFatal('vni.txt');
    expect(run.code).toBe(2);
    expect(message.message).toMatch(/looks VNI-encoded .*convert it to Unicode UTF-8/);
    const vi = await lintFatal('vni.txt', { locale: 'vi' });
    expect(vi.message.message).toMatch(/bảng mã VNI .*VNI Windows → Unicode/);
  });

  it('a 50 MB file is refused with its size and the limit, from its size, before it is read', async () => {
    writeFileSync(at('huge.md'), Buffer.alloc(50 * 1024 * 1024, 'a'));
    const { run, message } = await lintFatal('huge.md', { timeoutMs: 30_000 });
    expect(run.code).toBe(2);
    expect(message.message).toBe('file is 50.0 MB; plan-lint reads plans up to 20 MB. Split the file or check that it is a plan.');
    expect(run.seconds).toBeLessThan(10);
    // A 3 GB file (sparse: no disk used) cannot even be read into one buffer: only a refusal from
    // the size, before reading, names its size instead of "cannot read the file".
    writeFileSync(at('sparse.txt'), '');
    truncateSync(at('sparse.txt'), 3 * 1024 ** 3);
    const sparse = await lintFatal('sparse.txt', { timeoutMs: 30_000 });
    expect(sparse.run.code).toBe(2);
    expect(sparse.message.message).toMatch(/^file is 3072\.0 MB; plan-lint reads plans up to 20 MB\./);
    expect((await lintFatal('sparse.txt', { locale: 'vi' })).message.message).toMatch(/^tệp quá lớn \(3072\.0 MB\); plan-lint đọc kế hoạch đến 20 MB\./);
  }, 60_000);

  it('a missing file is a usage error naming it (exit 2)', async () => {
    const run = await runPlanLint(['no-such-plan.md'], { cwd: dir, env: EN });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no such file or folder: "no-such-plan.md"');
  });

  it('a folder with no plans is an error naming the folder (exit 2)', async () => {
    mkdirSync(at('notes'));
    writeFileSync(at('notes/readme.rst'), 'not a plan');
    const run = await runPlanLint(['notes'], { cwd: dir, env: EN });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no plan files \(.md, .txt, .docx, .pdf\) in folder "notes"/);
  });

  it('a symlink loop: the folder walk does not follow it and ends; a named looping link is an error that says so (exit 2)', async () => {
    mkdirSync(at('loop'));
    writeFileSync(at('loop/plan.md'), PLAN);
    symlinkSync('..', at('loop/up'));
    symlinkSync('self.md', at('loop/self.md'));
    const walk = await runPlanLint(['loop', '--format', 'json'], { cwd: dir, timeoutMs: 20_000 });
    expect(walk.signal).toBeNull();
    expect((JSON.parse(walk.stdout) as { filePath: string }[]).map((report) => path.relative(dir, report.filePath))).toEqual(['loop/plan.md']);
    const named = await runPlanLint(['loop/self.md'], { cwd: dir, env: EN });
    expect(named.code).toBe(2);
    expect(named.stderr).toBe(
      'plan-lint: symbolic link loop (ELOOP): "loop/self.md" is a link that leads back to itself; fix or remove the link, or name the file it should point to\n' +
        'Run "plan-lint --help" for usage.\n',
    );
    // Two links that point at each other are the same loop; a link to nothing is named as broken.
    symlinkSync('pong.md', at('loop/ping.md'));
    symlinkSync('ping.md', at('loop/pong.md'));
    symlinkSync('gone.md', at('loop/dangling.md'));
    const pair = await runPlanLint(['loop/ping.md', 'loop/plan.md'], { cwd: dir, env: EN });
    expect(pair.code).toBe(2);
    expect(pair.stderr).toMatch(/^plan-lint: symbolic link loop \(ELOOP\): "loop\/ping\.md" is a link that leads back to itself/);
    const dangling = await runPlanLint(['loop/dangling.md'], { cwd: dir, env: EN });
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toMatch(/^plan-lint: broken symbolic link: "loop\/dangling\.md" points to "gone\.md", which does not exist\n/);
    // Commands that read one file say the same, with the file's place.
    const converted = await runPlanLint(['convert', 'loop/self.md'], { cwd: dir, env: EN });
    expect(converted.code).toBe(2);
    expect(converted.stderr).toBe(`plan-lint: loop/self.md: symbolic link loop (ELOOP): the link leads back to itself; fix or remove the link\n`);
  });

  it('an unreadable file (mode 000) says permission denied; root, who reads everything, runs it as another user', async () => {
    writeFileSync(at('secret.md'), PLAN);
    chmodSync(at('secret.md'), 0o000);
    const isRoot = process.getuid?.() === 0;
    // As root, another user must be able to run node and the built CLI (a world-readable checkout).
    const asUser = isRoot && (await runPlanLint(['--version'], { cwd: dir, asUser: 65534 }).catch(() => undefined))?.code === 0 ? 65534 : undefined;
    if (isRoot && asUser === undefined) {
      // The checkout is private to root: what root sees is the plan, linted like any other.
      const run = await runPlanLint(['secret.md'], { cwd: dir });
      expect(run.code).toBe(0);
      return;
    }
    const { run, message } = await lintFatal('secret.md', { asUser });
    expect(run.code).toBe(2);
    expect(message.message).toMatch(/permission denied/);
  });

  it('a .docx that is a ZIP bomb (1 GB of text in 4 MB, honest sizes) is refused at once', async () => {
    writeFileSync(at('bomb.docx'), docxBomb(1024));
    const { run, message } = await lintFatal('bomb.docx', { timeoutMs: 30_000 });
    expect(run.code).toBe(2);
    expect(message.message).toMatch(/unpacks to more than 128 MB/);
    expect(run.seconds).toBeLessThan(15);
    expect((await lintFatal('bomb.docx', { locale: 'vi' })).message.message).toMatch(/giải nén ra hơn 128 MB/);
  }, 40_000);

  it('a ZIP bomb that lies about its sizes is stopped by the inflate cap, not read to the end', async () => {
    writeFileSync(at('liar.docx'), docxBomb(512, 1000));
    const { run, message } = await lintFatal('liar.docx', { timeoutMs: 30_000 });
    expect(run.code).toBe(2);
    expect(message.message).toMatch(/unpacks to more than 128 MB/);
    expect(run.seconds).toBeLessThan(20);
  }, 40_000);

  it('a small .docx of 60 MB of empty paragraphs is refused by the work bounds (no V8 out-of-memory), in both languages', async () => {
    const packed = buildDocx({ body: [] }, `<w:document ${W}><w:body>${'<w:p/>'.repeat(10_000_000)}</w:body></w:document>`);
    expect(packed.length).toBeLessThan(400_000);
    writeFileSync(at('tiny-paragraphs.docx'), packed);
    const { run, message } = await lintFatal('tiny-paragraphs.docx', { timeoutMs: 30_000 });
    expect(run.code).toBe(2);
    expect(message.message).toMatch(/too big to read: more than 100,000 XML paragraphs/);
    expect((await lintFatal('tiny-paragraphs.docx', { locale: 'vi' })).message.message).toMatch(/quá lớn để đọc \(hơn 100\.000 đoạn văn/);
  }, 60_000);

  it('with worker threads, the bad .docx gets its message and the other plans in the batch are linted', async () => {
    writeFileSync(at('tiny-paragraphs.docx'), buildDocx({ body: [] }, `<w:document ${W}><w:body>${'<w:p/>'.repeat(1_000_000)}</w:body></w:document>`));
    writeFileSync(at('good-1.md'), PLAN);
    writeFileSync(at('good-2.md'), PLAN.replace('Thực hiện', 'Thực hiện Thực hiện'));
    const run = await runPlanLint(['tiny-paragraphs.docx', 'good-1.md', 'good-2.md', '--format', 'json', '--locale', 'en'], {
      cwd: dir,
      timeoutMs: 60_000,
      env: { PLAN_LINT_WORKERS: '1' },
    });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as Report;
    const of = (name: string) => report.find((entry) => entry.filePath === at(name))!.messages;
    expect(report).toHaveLength(3);
    expect(of('tiny-paragraphs.docx')).toMatchObject([{ fatal: true, message: expect.stringMatching(/too big to read/) }]);
    expect(of('good-1.md').filter((m) => m.fatal)).toEqual([]);
    expect(of('good-2.md').map((m) => (m as { ruleId?: string }).ruleId)).toContain('duplicate-word');
  }, 70_000);

  it('a PDF with no text layer (a scan) says so and suggests OCR', async () => {
    const run = await runPlanLint([path.join(repoRoot, 'fixtures/formats/no-text.pdf'), '--format', 'json', '--locale', 'en'], { cwd: dir });
    expect(run.code).toBe(2);
    const [report] = JSON.parse(run.stdout) as { messages: { fatal: boolean; message: string }[] }[];
    expect(report.messages[0]).toMatchObject({ fatal: true, message: expect.stringMatching(/no text layer.*OCR/) });
  });
});
