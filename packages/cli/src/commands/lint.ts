import { parseArgs } from 'node:util';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FormatName, Locale, ReportFile, ResolvedConfig } from '@plan-lint/core';
import { expandTargets } from '../files/expand-targets.js';
import { IgnoreRules, ignoredMessage, type IgnoreSettings } from '../files/ignores.js';
import { localeFromEnvironment, setCliLocale, tr } from '../locale.js';
import { cleanStaleTemps, writeFileAtomic } from '../files/atomic-write.js';
import { FixNotWritten, writeFixedFile } from '../files/write-fix.js';
import { inputErrorMessage } from '../input/input-messages.js';
import { cacheKey, LintCache, sha256 } from '../lint/cache.js';
import { lintFile, type FileOutcome, type LintSettings } from '../lint/lint-file.js';
import { ProgressBar } from '../lint/progress.js';
import { reportContext } from '../lint/report-context.js';
import { lintInWorkers, workerCount } from '../lint/worker-pool.js';
import { groupByConfig, loadParent, loadRunConfig, type ConfigGroup } from '../lint/run-config.js';
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
  'ignore-pattern': { type: 'string', multiple: true },
  ignore: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'print-config': { type: 'string' },
} as const;

/** The name a plan read from standard input is reported under without --stdin-filename (as ESLint). */
const STDIN_NAME = '<text>';

/** `plan-lint [options] [FILE|DIR|GLOB ...]`: lint, report, exit 0 / 1 / 2. */
export async function runLint(argv: string[]): Promise<number> {
  const { values, positionals } = withUsageErrors(() => parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, allowNegative: true }));
  const format: FormatName = oneOf('--format', values.format, FORMATS) ?? 'stylish';
  const localeFlag = oneOf<Locale>('--locale', values.locale, LOCALES);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const cwd = process.cwd();
  const fix = Boolean(values.fix || values['fix-dry-run']);
  const fromStdin = positionals.length === 1 && positionals[0] === '-';
  if (positionals.includes('-') && !fromStdin) {
    throw new UsageError(tr('"-" (đọc từ đầu vào chuẩn) không đi cùng tệp hay thư mục nào khác', '"-" (standard input) cannot be combined with files or folders'));
  }
  if (values['stdin-filename'] !== undefined && !fromStdin) {
    throw new UsageError(tr('--stdin-filename chỉ dùng với "-" (đọc kế hoạch từ đầu vào chuẩn)', '--stdin-filename goes with "-" (the plan read from standard input)'));
  }
  const ignoreSettings = { noIgnore: values.ignore === false, patterns: values['ignore-pattern'], configPath: values.config, outputs: values.output ? [values.output] : [] };
  if (values['print-config'] !== undefined) return printConfig(values['print-config'], cwd, { configPath: values.config, packs: values.pack, parent: values.parent }, ignoreSettings);

  const notes: string[] = [];
  let files: string[];
  let stdin: Buffer | undefined;
  if (fromStdin) {
    const named = values['stdin-filename'];
    const filePath = named ? path.resolve(cwd, named) : path.join(cwd, STDIN_NAME);
    stdin = await readStandardInput();
    files = [filePath];
    const reason = named ? new IgnoreRules(cwd, ignoreSettings).reasonFor(filePath, false, path.dirname(filePath)) : undefined;
    if (reason) {
      // As ESLint: a plan on standard input whose name is ignored is not linted, and the user is told.
      process.stderr.write(`plan-lint: ${ignoredMessage(named as string, reason)}\n`);
      files = [];
    }
  } else {
    const expanded = await expandTargets(positionals.length ? positionals : ['.'], cwd, ignoreSettings);
    files = expanded.files;
    for (const note of expanded.ignoredNotes) process.stderr.write(`plan-lint: ${note}\n`);
    // Temporary files a killed run of plan-lint left beside the plans (atomic-write.ts) go first.
    cleanStaleTemps(files.map((file) => path.dirname(file)));
  }
  const groups = files.length ? await groupByConfig(files, { cwd, configPath: values.config, packs: values.pack, parent: values.parent, updateLock: values['update-lock'] }) : [];
  // And those left beside a lockfile or in the pack cache (core's pack loader names them the same way).
  if (!fromStdin) cleanStaleTemps(groups.flatMap((group) => [group.config.baseDir, path.join(group.config.baseDir, '.plan-lint-cache')]));
  const outcomes = new Map<string, FileOutcome>();
  const environment = localeFromEnvironment();
  let locale: Locale = localeFlag ?? groups[0]?.config.locale ?? environment ?? 'vi';
  const cache = values.cache && !fix && !fromStdin ? await LintCache.open(path.resolve(cwd, values['cache-location'] ?? '.plan-lint-cache')) : undefined;
  const progress = ProgressBar.shouldShow(files.length) ? new ProgressBar(files.length) : undefined;
  const tick = (filePath: string) => progress?.tick(path.relative(cwd, filePath));
  for (const group of groups) {
    locale = localeFlag ?? group.config.locale ?? environment ?? 'vi';
    const parent = group.parentPath ? await loadParent(group.parentPath) : undefined;
    const settings: LintSettings = { config: group.config, parent, locale, fix, quiet: Boolean(values.quiet) };
    const done = stdin
      ? [await lintFile(group.files[0], settings, stdin)]
      : await lintAll(group.files, settings, tick, cache && { cache, key: await runKey(settings, group.parentPath) });
    group.files.forEach((file, index) => outcomes.set(file, done[index]));
  }
  setCliLocale(locale);
  progress?.finish();
  await cache?.save();
  const ordered: FileOutcome[] = [];
  for (const file of files) {
    const outcome = outcomes.get(file) as FileOutcome;
    if (!outcome.isOwnReport) ordered.push(outcome);
    else if (positionals.some((target) => path.resolve(cwd, target) === file)) {
      notes.push(ignoredMessage(path.relative(cwd, file), { pattern: path.relative(cwd, file), source: tr('một báo cáo do plan-lint ghi', 'a report plan-lint wrote') }));
    }
  }

  for (const outcome of ordered) {
    if (outcome.fixSkipped) notes.push(`${path.relative(cwd, outcome.report.filePath)}: ${outcome.fixSkipped}`);
  }
  if (values.fix && !values['fix-dry-run']) {
    if (stdin) {
      if (ordered.some((outcome) => outcome.fixedText !== undefined)) {
        notes.push(tr('kế hoạch đọc từ đầu vào chuẩn không được ghi lại; dùng --fix-dry-run để xem các sửa.', 'a plan read from standard input is not written back; use --fix-dry-run to see the fixes.'));
      }
    } else {
      await writeFixes(ordered, notes, locale);
    }
  }

  const reports = ordered.map((outcome) => outcome.report);
  const color = values.color ?? colorFromEnvironment(Boolean(process.stdout.isTTY) && !values.output);
  const config = groups.length ? mergedConfig(groups) : await loadRunConfig({ cwd, configPath: values.config, packs: values.pack });
  const context = await reportContext(config, locale, color && format === 'stylish');
  const core = await import('@plan-lint/core');
  if (format === 'json' && values.output) {
    // Piece by piece: a large run's JSON report is tens of megabytes (see formatJsonChunks).
    await writeReport(core.formatJsonChunks(reports), values.output, cwd);
  } else {
    let text = core.formatters[format](reports, context);
    if (values['fix-dry-run'] && format !== 'json') text = (await dryRunDiff(reports, cwd)) + text;
    await writeReport(text, values.output, cwd);
  }
  for (const note of notes) process.stderr.write(`plan-lint: ${note}\n`);
  return exitCode(reports, maxWarnings);
}

/**
 * Colours: --color / --no-color first, then FORCE_COLOR (any value but 0 or false forces them),
 * then NO_COLOR (any non-empty value, no-color.org), then whether the output is a terminal.
 */
export function colorFromEnvironment(isTerminal: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  return isTerminal;
}

/** The plan given on standard input (`plan-lint -`), whole. */
async function readStandardInput(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** `--print-config FILE`: the config that governs FILE, as JSON (ESLint's --print-config). */
async function printConfig(
  target: string,
  cwd: string,
  options: { configPath?: string; packs?: string[]; parent?: string },
  ignoreSettings: IgnoreSettings,
): Promise<number> {
  const filePath = path.resolve(cwd, target);
  const [group] = await groupByConfig([filePath], { cwd, ...options });
  const core = await import('@plan-lint/core');
  const { config } = group;
  const ruleSet = core.resolveRuleSet(config, filePath);
  const severities = new Map(ruleSet.rules.map((effective) => [effective.rule.id, effective.severity]));
  const rules: Record<string, string> = {};
  for (const id of [...ruleSet.knownIds].sort()) rules[id] = severities.get(id) ?? 'off';
  const ignored = new IgnoreRules(cwd, ignoreSettings).reasonFor(filePath, false, path.dirname(filePath));
  const effective = {
    filePath,
    configFile: config.filePath ?? null,
    locale: config.locale ?? localeFromEnvironment() ?? 'vi',
    packs: core.flattenPacks(config.packs).map((pack) => ({ name: pack.name, version: pack.version, source: pack.source })),
    parent: group.parentPath ?? null,
    rules,
    overrides: config.overrides,
    ignores: config.ignores ?? [],
    ignored: ignored ? { pattern: ignored.pattern, source: ignored.source } : false,
    waivers: config.waivers ? config.waivers.waivers.length : 0,
  };
  process.stdout.write(`${JSON.stringify(effective, null, 2)}\n`);
  return 0;
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
  if (!/^-?\d+$/.test(value)) throw new UsageError(tr(`--max-warnings cần một số nguyên; nhận được "${value}"`, `--max-warnings needs a whole number; got "${value}"`));
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
      const bytes = readBytes(files[index], await import('@plan-lint/core'));
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
      if (/\.(docx|pdf)$/i.test(files[index])) report.converted = true;
      else {
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
      if (hash && !report.fatal && !outcomes[index].isOwnReport) caching.cache.set(files[index], hash, caching.key, report);
    }
  }
  return outcomes;
}

/** What, besides a file's bytes, decides its findings (see cacheKey). */
async function runKey(settings: LintSettings, parentPath: string | undefined): Promise<string> {
  const parentBytes = parentPath ? await readFile(parentPath).catch(() => Buffer.alloc(0)) : undefined;
  return cacheKey(settings, planLintVersion(), parentBytes, await import('@plan-lint/core'));
}

async function writeFixes(outcomes: FileOutcome[], notes: string[], locale: Locale): Promise<void> {
  for (const outcome of outcomes) {
    if (outcome.fixedText === undefined) continue;
    try {
      await writeFixedFile(outcome.report.filePath, outcome.fixedText, outcome.readStamp);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      notes.push(`${outcome.report.filePath}: ${tr(`không ghi được các sửa (${reason}); tệp giữ nguyên.`, `the fixes were not written (${reason}); the file is unchanged.`)}`);
      const english = `fixes not written: ${reason}`;
      outcome.report.fatal = { message: error instanceof FixNotWritten ? inputErrorMessage(error.code, english, locale) : english };
    }
  }
}

/** What --fix would change, as a unified diff per file (jsdiff), never the whole plan. */
async function dryRunDiff(reports: ReportFile[], cwd: string): Promise<string> {
  const changed = reports.filter((report) => report.output !== undefined && report.text !== undefined);
  if (changed.length === 0) return '';
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff');
  return changed
    .map((report) => {
      const relative = path.relative(cwd, report.filePath);
      const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
      const [before, after] = inside ? [`a/${relative.split(path.sep).join('/')}`, `b/${relative.split(path.sep).join('/')}`] : [report.filePath, report.filePath];
      return createTwoFilesPatch(before, after, report.text as string, report.output as string, '', '', { context: 3, headerOptions: FILE_HEADERS_ONLY });
    })
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
    throw new UsageError(tr(`không ghi được báo cáo vào "${output}": ${(error as Error).message}`, `cannot write the report to "${output}": ${(error as Error).message}`));
  }
}

/** A file's bytes, or undefined when it cannot be read, is not a regular file or is too large (linting it then reports why). */
function readBytes(filePath: string, core: typeof import('@plan-lint/core')): Buffer | undefined {
  try {
    return core.readPlanBytes(filePath);
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
    process.stderr.write(`plan-lint: ${tr(`${warnings} cảnh báo, nhiều hơn --max-warnings ${maxWarnings}.`, `${warnings} warnings, more than --max-warnings ${maxWarnings}.`)}\n`);
    return 1;
  }
  return 0;
}
