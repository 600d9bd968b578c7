import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LoadedPack, Locale, NotApplicableReason, PlanDocument, RuleChange, RuleStanding } from '@plan-lint/core';
import { expandTargets } from '../files/expand-targets.js';
import { readPlan } from '../input/read-plan.js';
import { loadParent } from '../lint/run-config.js';
import { oneOf, withUsageErrors } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { configForFile } from './governance-shared.js';
import { printedHelp, writeOutput } from './shared.js';
import { tr } from '../locale.js';

export interface PlanDiff {
  filePath: string;
  changes: RuleChange[];
}

function standingText(standing: RuleStanding | null, reasons: Record<NotApplicableReason, string>): string {
  if (!standing) return 'absent';
  if (standing.outcome === 'failed') return `failed (${standing.severity}, ${standing.findings} finding${standing.findings === 1 ? '' : 's'})`;
  // A rule that made no check says why, never "passed".
  if (standing.outcome === 'not-applicable' && standing.reason) return `not-applicable (${reasons[standing.reason]})`;
  return standing.outcome;
}

/** `plan-lint pack diff OLD NEW [FILES|DIRS]`. */
export async function runPackDiff(argv: string[]): Promise<number> {
  if (printedHelp(argv, 'pack diff')) return 0;
  const { values, positionals } = withUsageErrors(() =>
    parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, config: { type: 'string', short: 'c' }, locale: { type: 'string' }, output: { type: 'string', short: 'o' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (positionals.length < 2) throw new UsageError(tr('pack diff cần một bộ CŨ và một bộ MỚI', 'pack diff needs an OLD and a NEW pack'));
  const [oldRef, newRef, ...targets] = positionals;
  const locale = oneOf<Locale>('--locale', values.locale, ['vi', 'en']) ?? 'vi';
  const cwd = process.cwd();
  const core = await import('@plan-lint/core');
  const oldPacks: LoadedPack[] = await core.resolvePacks([oldRef], { baseDir: cwd });
  const newPacks: LoadedPack[] = await core.resolvePacks([newRef], { baseDir: cwd });
  const { files } = await expandTargets(targets.length ? targets : ['.'], cwd);
  const parents = new Map<string, PlanDocument>();
  const diffs: PlanDiff[] = [];
  for (const filePath of files) {
    const config = await configForFile(filePath, { cwd, configPath: values.config });
    let parent: PlanDocument | undefined;
    if (config.parent) {
      parent = parents.get(config.parent) ?? (await loadParent(config.parent));
      parents.set(config.parent, parent);
    }
    const input = await readPlan(filePath);
    const lint = (packs: LoadedPack[]) =>
      core.lintSource(input.source, { filePath, format: input.format, config: { ...config, packs }, parent, locale });
    const changes = core.outcomeChanges(await lint(oldPacks), await lint(newPacks));
    if (changes.length) diffs.push({ filePath: path.relative(cwd, filePath).split(path.sep).join('/'), changes });
  }
  const label = (packs: LoadedPack[]) => packs.map((pack) => `${pack.name}@${pack.version}`).join(', ');
  let text: string;
  if (values.json) {
    text = `${JSON.stringify({ old: label(oldPacks), new: label(newPacks), plans: files.length, changed: diffs }, null, 2)}\n`;
  } else {
    const lines = [`${label(oldPacks)} -> ${label(newPacks)}: ${diffs.length} of ${files.length} plans change`];
    for (const diff of diffs) {
      lines.push('', diff.filePath);
      for (const change of diff.changes) lines.push(`  ${change.ruleId}: ${standingText(change.before, core.REASON_TEXT[locale])} -> ${standingText(change.after, core.REASON_TEXT[locale])}`);
    }
    text = `${lines.join('\n')}\n`;
  }
  await writeOutput(text, values.output);
  return diffs.length ? 1 : 0;
}
