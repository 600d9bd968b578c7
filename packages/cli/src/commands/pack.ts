import path from 'node:path';
import { parseArgs } from 'node:util';
import { HELP } from '../help.js';
import { readPlan } from '../input/read-plan.js';
import { testPack } from '../pack/pack-tester.js';
import { withUsageErrors } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { exactlyOne, printedHelp, writeOutput } from './shared.js';

/** `plan-lint pack derive PARENT -o FILE` and `plan-lint pack test PACK`. */
export async function runPack(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'derive') return derive(rest);
  if (sub === 'test') return test(rest);
  if (sub === 'diff') return (await import('./pack-diff.js')).runPackDiff(rest);
  if (sub === '--help' || sub === '-h') {
    process.stdout.write(HELP.pack);
    return 0;
  }
  throw new UsageError(sub === undefined ? 'pack needs a subcommand: derive or test' : `unknown pack subcommand "${sub}"; use derive or test`);
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
  if (positionals.length === 0) throw new UsageError('pack derive needs a PARENT plan');
  const file = exactlyOne(positionals, 'PARENT plan', 'pack derive');
  const core = await import('@plan-lint/core');
  const input = await readPlan(path.resolve(file));
  const document = core.parsePlan(input.source, { format: input.format });
  const pack = core.derivePack(document, { name: values.name, version: values.version });
  await writeOutput(`${JSON.stringify(pack, null, 2)}\n`, values.output);
  if (values.output) {
    const deadlines = Object.keys(pack.parent?.deadlines ?? {}).length;
    process.stderr.write(
      `plan-lint: wrote ${values.output}: pack "${pack.name}" ${pack.version}, parent ${pack.parent?.symbol ?? '(no symbol found)'}` +
        `${pack.parent?.date ? ` of ${pack.parent.date}` : ''}, ${deadlines} deadline(s), ${pack.rules?.length ?? 0} rule(s).\n`,
    );
  }
  return 0;
}

async function test(argv: string[]): Promise<number> {
  if (printedHelp(argv, 'pack test')) return 0;
  const { positionals } = withUsageErrors(() => parseArgs({ args: argv, options: {}, allowPositionals: true, strict: true }));
  if (positionals.length === 0) throw new UsageError('pack test needs a PACK file');
  const file = exactlyOne(positionals, 'PACK file', 'pack test');
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
    process.stdout.write(`  FAIL  ${shown}\n${outcome.problems.map((problem) => `        ${problem}\n`).join('')}`);
  }
  process.stdout.write(`\n${pack.name}@${pack.version}: ${outcomes.length - failed} passed, ${failed} failed\n`);
  if (outcomes.length === 0) {
    process.stderr.write(`plan-lint: ${file}: the pack has no examples (examples/<rule-id>/valid-*.md, invalid-*.md).\n`);
    return 1;
  }
  return failed > 0 ? 1 : 0;
}
