import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { withUsageErrors } from '../parse-options.js';
import { planTemplateMarkdown } from './plan-template.js';
import { printedHelp } from './shared.js';

const CONFIG = {
  $schema: './node_modules/@plan-lint/core/schemas/config.schema.json',
  packs: ['recommended'],
  locale: 'vi',
  rules: {},
};

/** `plan-lint init`: a config file and a plan template in the current folder. */
export async function runInit(argv: string[]): Promise<number> {
  if (printedHelp(argv, 'init')) return 0;
  const { values } = withUsageErrors(() =>
    parseArgs({ args: argv, options: { template: { type: 'string' }, force: { type: 'boolean' } }, strict: true }),
  );
  const cwd = process.cwd();
  const files: [string, () => Promise<string>][] = [
    [path.join(cwd, 'plan-lint.config.json'), async () => `${JSON.stringify(CONFIG, null, 2)}\n`],
    [path.resolve(cwd, values.template ?? 'ke-hoach.md'), () => planTemplateMarkdown(new Date())],
  ];
  for (const [file, content] of files) {
    const shown = path.relative(cwd, file);
    if (existsSync(file) && !values.force) {
      process.stderr.write(`plan-lint: ${shown} exists; kept it (use --force to overwrite).\n`);
      continue;
    }
    await writeFileAtomic(file, await content());
    process.stdout.write(`wrote ${shown}\n`);
  }
  return 0;
}
