import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Locale } from '@plan-lint/core';
import { oneOf, withUsageErrors } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { lintOnePlan } from './governance-shared.js';
import { printedHelp, writeOutput } from './shared.js';
import { tr } from '../locale.js';

/** `plan-lint explain FILE [RULE]`. */
export async function runExplain(argv: string[]): Promise<number> {
  if (printedHelp(argv, 'explain')) return 0;
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
  if (positionals.length === 0 || positionals.length > 2) throw new UsageError(tr('explain cần một TỆP và nhiều nhất một QUY-TẮC', 'explain needs a FILE and at most one RULE'));
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
    const known = result.governance?.rules.map((rule) => rule.ruleId) ?? [];
    const guess = core.closestName(ruleId, known);
    throw new UsageError(
      tr(
        `các bộ quy tắc đang dùng không có quy tắc "${ruleId}"${guess ? `; có phải ý bạn là "${guess}"?` : ''} Các quy tắc có: ${known.join(', ')}`,
        `rule "${ruleId}" is not defined by the packs in use${guess ? `; did you mean "${guess}"?` : ''} Known rules: ${known.join(', ')}`,
      ),
    );
  }
  const shown = path.relative(cwd, result.filePath) || result.filePath;
  const text = values.json
    ? `${JSON.stringify({ filePath: shown, judgedOn: result.governance?.judgedOn, rules: explanations }, null, 2)}\n`
    : core.explanationsText(shown, explanations, locale);
  await writeOutput(text, values.output);
  return 0;
}
