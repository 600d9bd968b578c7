import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Locale } from '@plan-lint/core';
import { oneOf, withUsageErrors } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { lintOnePlan } from './governance-shared.js';
import { writeOutput } from './shared.js';

export const EXPLAIN_HELP = `Usage: plan-lint explain FILE [RULE] [options]

Why each rule fired or not on FILE: the facts it read (with their line:column ranges), the
condition that decided, and which layer set its severity (pack, extends, config, override, waiver).

Options:
  --config FILE, -c   the config (default: the nearest plan-lint.config.json upward)
  --pack NAME|FILE    a rule pack (repeatable), instead of the config's
  --parent FILE       the superior's plan
  --locale vi|en      language of the explanation (default vi)
  --json              the explanations as JSON
  --output FILE, -o   write to FILE
  --help, -h          print this help
`;

/** `plan-lint explain FILE [RULE]`. */
export async function runExplain(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(EXPLAIN_HELP);
    return 0;
  }
  const { values, positionals } = withUsageErrors(() =>
    parseArgs({
      args: argv,
      options: {
        config: { type: 'string', short: 'c' },
        pack: { type: 'string', multiple: true },
        parent: { type: 'string' },
        locale: { type: 'string' },
        json: { type: 'boolean' },
        output: { type: 'string', short: 'o' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (positionals.length === 0 || positionals.length > 2) throw new UsageError('explain needs a FILE and at most one RULE');
  const [file, ruleId] = positionals;
  const cwd = process.cwd();
  const { result, config, locale } = await lintOnePlan(file, {
    cwd,
    configPath: values.config,
    packs: values.pack,
    parent: values.parent,
    locale: oneOf<Locale>('--locale', values.locale, ['vi', 'en']),
  });
  const core = await import('@plan-lint/core');
  const explanations = await core.explainResult(result, config, ruleId);
  if (ruleId && explanations.length === 0) {
    const known = result.governance?.rules.map((rule) => rule.ruleId).join(', ') ?? '';
    throw new UsageError(`rule "${ruleId}" is not defined by the packs in use; known rules: ${known}`);
  }
  const shown = path.relative(cwd, result.filePath) || result.filePath;
  const text = values.json
    ? `${JSON.stringify({ filePath: shown, judgedOn: result.governance?.judgedOn, rules: explanations }, null, 2)}\n`
    : core.explanationsText(shown, explanations, locale);
  await writeOutput(text, values.output);
  return 0;
}
