import path from 'node:path';
import { parseArgs } from 'node:util';
import { help } from '../help.js';
import { readPlan } from '../input/read-plan.js';
import { testPack } from '../pack/pack-tester.js';
import { oneOf, withUsageErrors } from '../parse-options.js';
import { tr } from '../locale.js';
import { UsageError } from '../usage-error.js';
import { exactlyOne, printedHelp, writeOutput } from './shared.js';

/** `plan-lint pack derive PARENT -o FILE` and `plan-lint pack test PACK`. */
export async function runPack(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'derive') return derive(rest);
  if (sub === 'test') return test(rest);
  if (sub === 'diff') return (await import('./pack-diff.js')).runPackDiff(rest);
  if (sub === '--help' || sub === '-h') {
    process.stdout.write(help('pack'));
    return 0;
  }
  throw new UsageError(
    sub === undefined
      ? tr('pack cần một lệnh con: derive, test hoặc diff', 'pack needs a subcommand: derive, test or diff')
      : tr(`không có lệnh con "${sub}" của pack; dùng derive, test hoặc diff`, `unknown pack subcommand "${sub}"; use derive, test or diff`),
  );
}

async function derive(argv: string[]): Promise<number> {
  if (printedHelp(argv, 'pack derive')) return 0;
  const { values, positionals } = withUsageErrors(() =>
    parseArgs({
      args: argv,
      options: { output: { type: 'string', short: 'o' }, name: { type: 'string' }, version: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  const file = exactlyOne(positionals, { vi: 'kế hoạch CẤP-TRÊN', en: 'PARENT plan' }, 'pack derive');
  const core = await import('@plan-lint/core');
  const input = await readPlan(path.resolve(file));
  const document = core.parsePlan(input.source, { format: input.format });
  const pack = core.derivePack(document, { name: values.name, version: values.version });
  await writeOutput(`${JSON.stringify(pack, null, 2)}\n`, values.output);
  if (values.output) {
    const deadlines = Object.keys(pack.parent?.deadlines ?? {}).length;
    const rules = pack.rules?.length ?? 0;
    const date = pack.parent?.date ? vietnameseDate(pack.parent.date) : undefined;
    process.stderr.write(
      `plan-lint: ${tr(
        `đã ghi ${values.output}: bộ quy tắc "${pack.name}" ${pack.version}, văn bản cấp trên ${pack.parent?.symbol ?? '(không tìm thấy ký hiệu)'}${date ? ` ngày ${date}` : ''}, ${deadlines} thời hạn, ${rules} quy tắc.`,
        `wrote ${values.output}: pack "${pack.name}" ${pack.version}, parent ${pack.parent?.symbol ?? '(no symbol found)'}${date ? ` of ${date}` : ''}, ${deadlines} deadline(s), ${rules} rule(s).`,
      )}\n`,
    );
  }
  return 0;
}

async function test(argv: string[]): Promise<number> {
  if (printedHelp(argv, 'pack test')) return 0;
  const { values, positionals } = withUsageErrors(() => parseArgs({ args: argv, options: { locale: { type: 'string' } }, allowPositionals: true, strict: true }));
  // The language of the problem lines (main has already set it from the flag, the config or LANG).
  oneOf('--locale', values.locale, ['vi', 'en']);
  const file = exactlyOne(positionals, { vi: 'tệp BỘ quy tắc', en: 'PACK file' }, 'pack test');
  const core = await import('@plan-lint/core');
  const pack = await core.resolvePack(file, { baseDir: process.cwd() });
  const outcomes = await testPack(pack);
  let failed = 0;
  for (const outcome of outcomes) {
    const shown = path.relative(process.cwd(), outcome.file);
    if (outcome.problems.length === 0) {
      process.stdout.write(`  ok    ${shown}\n`);
      continue;
    }
    failed++;
    process.stdout.write(`  ${tr('SAI', 'FAIL')}  ${shown}\n${outcome.problems.map((problem) => `        ${problem}\n`).join('')}`);
  }
  if (outcomes.length === 0) {
    // A pack just derived from a plan has no examples of its own: nothing to test is not a failure.
    process.stdout.write(
      `${pack.name}@${pack.version}: ${tr(
        'không có gì để kiểm tra: bộ quy tắc không kèm ví dụ (examples/<mã-quy-tắc>/valid-*.md, invalid-*.md).',
        'nothing to test: the pack carries no examples (examples/<rule-id>/valid-*.md, invalid-*.md).',
      )}\n`,
    );
    return 0;
  }
  process.stdout.write(`\n${pack.name}@${pack.version}: ${tr(`${outcomes.length - failed} đạt, ${failed} không đạt`, `${outcomes.length - failed} passed, ${failed} failed`)}\n`);
  return failed > 0 ? 1 : 0;
}

/** 2024-12-10 → 10/12/2024, as Vietnamese documents write dates. */
function vietnameseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
