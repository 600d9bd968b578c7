import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FormatName, Locale, ReportFile, ResolvedConfig } from '@plan-lint/core';
import { expandTargets } from '../files/expand-targets.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { cacheKey, LintCache, sha256 } from '../lint/cache.js';
import { lintFile, type FileOutcome, type LintSettings } from '../lint/lint-file.js';
import { ProgressBar } from '../lint/progress.js';
import { reportContext } from '../lint/report-context.js';
import { lintInWorkers, workerCount } from '../lint/worker-pool.js';
import { groupByConfig, loadParent, type ConfigGroup } from '../lint/run-config.js';
import { oneOf, withUsageErrors } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { planLintVersion } from '../version.js';

const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'html', 'compliance'] as const;
const LOCALES = ['vi', 'en'] as const;

const OPTIONS = {
  parent: { type: 'string' },
  pack: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  locale: { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  color: { type: 'boolean' },
  'update-lock': { type: 'boolean' },
} as const;

/** `plan-lint [options] [FILE|DIR|GLOB ...]`: lint, report, exit 0 / 1 / 2. */
export async function runLint(argv: string[]): Promise<number> {
  const { values, positionals } = withUsageErrors(() => parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, allowNegative: true }));
  const format: FormatName = oneOf('--format', values.format, FORMATS) ?? 'stylish';
  const localeFlag = oneOf<Locale>('--locale', values.locale, LOCALES);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const cwd = process.cwd();
  const fix = Boolean(values.fix || values['fix-dry-run']);

  const files = await expandTargets(positionals.length ? positionals : ['.'], cwd);
  const groups = await groupByConfig(files, { cwd, configPath: values.config, packs: values.pack, parent: values.parent, updateLock: values['update-lock'] });
  const outcomes = new Map<string, FileOutcome>();
  let locale: Locale = localeFlag ?? 'vi';
  const cache = values.cache && !fix ? await LintCache.open(path.resolve(cwd, values['cache-location'] ?? '.plan-lint-cache')) : undefined;
  const progress = ProgressBar.shouldShow(files.length) ? new ProgressBar(files.length) : undefined;
  const tick = (filePath: string) => progress?.tick(path.relative(cwd, filePath));
  for (const group of groups) {
    locale = localeFlag ?? group.config.locale ?? 'vi';
    const parent = group.parentPath ? await loadParent(group.parentPath) : undefined;
    const settings: LintSettings = { config: group.config, parent, locale, fix, quiet: Boolean(values.quiet) };
    const done = await lintAll(group.files, settings, tick, cache && { cache, key: await runKey(settings, group.parentPath) });
    group.files.forEach((file, index) => outcomes.set(file, done[index]));
  }
  progress?.finish();
  await cache?.save();
  const ordered = files.map((file) => outcomes.get(file) as FileOutcome);

  const notes: string[] = [];
  for (const outcome of ordered) {
    if (outcome.fixSkipped) notes.push(`${path.relative(cwd, outcome.report.filePath)}: ${outcome.fixSkipped}`);
  }
  if (values.fix && !values['fix-dry-run']) await writeFixes(ordered, notes);

  const reports = ordered.map((outcome) => outcome.report);
  const color = values.color ?? (Boolean(process.stdout.isTTY) && !values.output && !process.env.NO_COLOR);
  const context = await reportContext(mergedConfig(groups), locale, color && format === 'stylish');
  const core = await import('@plan-lint/core');
  if (format === 'json' && values.output) {
    // Piece by piece: a large run's JSON report is tens of megabytes (see formatJsonChunks).
    await writeReport(core.formatJsonChunks(reports), values.output, cwd);
  } else {
    let text = core.formatters[format](reports, context);
    if (values['fix-dry-run'] && format !== 'json') text = dryRunText(reports, cwd) + text;
    await writeReport(text, values.output, cwd);
  }
  for (const note of notes) process.stderr.write(`plan-lint: ${note}\n`);
  return exitCode(reports, maxWarnings);
}

/** The packs of every config of the run, for the report's rule list (each pack once). */
function mergedConfig(groups: ConfigGroup[]): ResolvedConfig {
  const [first] = groups;
  const seen = new Set<string>();
  const packs = groups.flatMap((group) => group.config.packs).filter((pack) => {
    const key = `${pack.name}@${pack.version}@${pack.source}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...first.config, packs };
}

function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return -1;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number; got "${value}"`);
  return Number(value);
}

async function lintAll(
  files: string[],
  settings: LintSettings,
  tick: (filePath: string) => void,
  caching: { cache: LintCache; key: string } | undefined,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  let todo = files.map((_, index) => index);
  const hashes = new Map<number, string>();
  if (caching) {
    todo = [];
    for (let index = 0; index < files.length; index++) {
      const bytes = readBytes(files[index]);
      if (!bytes) {
        todo.push(index);
        continue;
      }
      const hash = sha256(bytes);
      hashes.set(index, hash);
      const hit = caching.cache.get(files[index], hash, caching.key);
      if (!hit) {
        todo.push(index);
        continue;
      }
      const report: ReportFile = { filePath: files[index], diagnostics: hit.diagnostics };
      if (hit.suppressed) report.suppressed = hit.suppressed;
      if (hit.governance) report.governance = hit.governance;
      // The text is only needed for excerpts and ESLint's `source`; Markdown and text are cheap to decode.
      if (!/\.(docx|pdf)$/i.test(files[index])) {
        const core = await import('@plan-lint/core');
        report.text = core.decodeBytes(bytes, files[index]).original;
      }
      outcomes[index] = { report };
      tick(files[index]);
    }
  }
  const workers = workerCount(todo.length);
  if (workers > 0) {
    const done = await lintInWorkers(todo.map((index) => files[index]), settings, workers, tick);
    todo.forEach((index, k) => (outcomes[index] = done[k]));
  } else {
    for (const index of todo) {
      outcomes[index] = await lintFile(files[index], settings);
      tick(files[index]);
    }
  }
  if (caching) {
    for (const index of todo) {
      const hash = hashes.get(index);
      const report = outcomes[index].report;
      if (hash && !report.fatal) caching.cache.set(files[index], hash, caching.key, report);
    }
  }
  return outcomes;
}

/** What, besides a file's bytes, decides its findings (see cacheKey). */
async function runKey(settings: LintSettings, parentPath: string | undefined): Promise<string> {
  const parentBytes = parentPath ? await readFile(parentPath).catch(() => Buffer.alloc(0)) : undefined;
  return cacheKey(settings, planLintVersion(), parentBytes, await import('@plan-lint/core'));
}

async function writeFixes(outcomes: FileOutcome[], notes: string[]): Promise<void> {
  for (const outcome of outcomes) {
    if (outcome.fixedText === undefined) continue;
    try {
      await writeFileAtomic(outcome.report.filePath, outcome.fixedText);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      notes.push(`${outcome.report.filePath}: the fixes were not written (${reason}); the file is unchanged.`);
      outcome.report.fatal = { message: `fixes not written: ${reason}` };
    }
  }
}

function dryRunText(reports: ReportFile[], cwd: string): string {
  return reports
    .filter((report) => report.output !== undefined)
    .map((report) => `# plan-lint --fix-dry-run: ${path.relative(cwd, report.filePath)}\n${report.output}${report.output?.endsWith('\n') ? '' : '\n'}`)
    .join('');
}

async function writeReport(text: string | Iterable<string>, output: string | undefined, cwd: string): Promise<void> {
  if (!output) {
    for (const piece of typeof text === 'string' ? [text] : text) if (piece) process.stdout.write(piece);
    return;
  }
  const target = path.resolve(cwd, output);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, text);
  } catch (error) {
    throw new UsageError(`cannot write the report to "${output}": ${(error as Error).message}`);
  }
}

/** A file's bytes, or undefined when it cannot be read (linting it then reports why). */
function readBytes(filePath: string): Buffer | undefined {
  try {
    return readFileSync(filePath);
  } catch {
    return undefined;
  }
}

function exitCode(reports: ReportFile[], maxWarnings: number): number {
  if (reports.some((report) => report.fatal)) return 2;
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    for (const diagnostic of report.diagnostics) diagnostic.severity === 'error' ? errors++ : warnings++;
  }
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    process.stderr.write(`plan-lint: ${warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
    return 1;
  }
  return 0;
}
