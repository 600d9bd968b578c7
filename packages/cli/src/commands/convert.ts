import { parseArgs } from 'node:util';
import path from 'node:path';
import { readPlan } from '../input/read-plan.js';
import { withUsageErrors } from '../parse-options.js';
import { exactlyOne, printedHelp, writeOutput } from './shared.js';

/** `plan-lint convert FILE`: the text that is linted, so positions in reports can be followed. */
export async function runConvert(argv: string[]): Promise<number> {
  if (printedHelp(argv, 'convert')) return 0;
  const { values, positionals } = withUsageErrors(() =>
    parseArgs({ args: argv, options: { output: { type: 'string', short: 'o' } }, allowPositionals: true, strict: true }),
  );
  const file = exactlyOne(positionals, { vi: 'TỆP', en: 'FILE' }, 'convert');
  const input = await readPlan(path.resolve(file));
  const text = input.source.original;
  await writeOutput(text.endsWith('\n') || text === '' ? text : `${text}\n`, values.output);
  return 0;
}
