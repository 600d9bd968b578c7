import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../files/atomic-write.js';
import { cliLocale, tr } from '../locale.js';
import { withUsageErrors } from '../parse-options.js';
import { planTemplateMarkdown } from './plan-template.js';
import { printedHelp } from './shared.js';

/**
 * `$schema` as a path from the folder to the schema of the plan-lint that runs: it resolves in a
 * new folder (no node_modules yet) as well as in a project that installed plan-lint.
 */
function schemaReference(cwd: string, schemaFile: string): string {
  const relative = path.relative(cwd, schemaFile).split(path.sep).join('/');
  if (path.isAbsolute(relative)) return pathToFileURL(schemaFile).href;
  return relative.startsWith('../') ? relative : `./${relative}`;
}

/** `plan-lint init`: a config file and a plan template in the current folder. */
export async function runInit(argv: string[]): Promise<number> {
  if (printedHelp(argv, 'init')) return 0;
  const { values } = withUsageErrors(() =>
    parseArgs({ args: argv, options: { template: { type: 'string' }, force: { type: 'boolean' } }, strict: true }),
  );
  const cwd = process.cwd();
  const core = await import('@plan-lint/core');
  const config = { $schema: schemaReference(cwd, core.configSchemaPath()), packs: ['recommended'], locale: cliLocale(), rules: {} };
  const files: [string, () => Promise<string>][] = [
    [path.join(cwd, 'plan-lint.config.json'), async () => `${JSON.stringify(config, null, 2)}\n`],
    [path.resolve(cwd, values.template ?? 'ke-hoach.md'), () => planTemplateMarkdown(new Date())],
  ];
  for (const [file, content] of files) {
    const shown = path.relative(cwd, file);
    if (existsSync(file) && !values.force) {
      process.stderr.write(`plan-lint: ${tr(`${shown} đã có; giữ nguyên (dùng --force để ghi đè).`, `${shown} exists; kept it (use --force to overwrite).`)}\n`);
      continue;
    }
    await writeFileAtomic(file, await content());
    process.stdout.write(`${tr('đã ghi', 'wrote')} ${shown}\n`);
  }
  return 0;
}
