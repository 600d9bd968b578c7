import { parseArgs } from 'node:util';
import path from 'node:path';
import { treeToMarkdown } from '../convert/to-markdown.js';
import { readPlan } from '../input/read-plan.js';
import { withUsageErrors } from '../parse-options.js';
import { exactlyOne, printedHelp, writeOutput } from './shared.js';

/**
 * `plan-lint convert FILE`: the plan as editable Markdown, written from its document tree;
 * `--text`: the text plan-lint reads (for .docx and .pdf, what report positions refer to).
 */
export async function runConvert(argv: string[]): Promise<number> {
  if (printedHelp(argv, 'convert')) return 0;
  const { values, positionals } = withUsageErrors(() =>
    parseArgs({ args: argv, options: { output: { type: 'string', short: 'o' }, text: { type: 'boolean' } }, allowPositionals: true, strict: true }),
  );
  const file = exactlyOne(positionals, { vi: 'TỆP', en: 'FILE' }, 'convert');
  const input = await readPlan(path.resolve(file));
  let text = input.source.original;
  if (!values.text) {
    const core = await import('@plan-lint/core');
    text = treeToMarkdown(core.parsePlan(input.source, { format: input.format }).tree);
  }
  await writeOutput(text.endsWith('\n') || text === '' ? text : `${text}\n`, values.output);
  return 0;
}
