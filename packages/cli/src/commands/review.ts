import { parseArgs } from 'node:util';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locale } from '@plan-lint/core';
import { writeFileAtomic } from '../files/atomic-write.js';
import { expandTargets } from '../files/expand-targets.js';
import { localeFromEnvironment, setCliLocale, tr } from '../locale.js';
import { lintFile } from '../lint/lint-file.js';
import { groupByConfig, loadParent } from '../lint/run-config.js';
import { oneOf, withUsageErrors } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { printedHelp } from './shared.js';

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  'output-dir': { type: 'string' },
  parent: { type: 'string' },
  pack: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  locale: { type: 'string' },
} as const;

const REVIEW_SUFFIX = '.review.docx';

/**
 * `plan-lint review PLAN.docx [-o COPY.docx | --output-dir DIR]`: a copy of each Word plan with
 * one Word comment per finding. Exit codes as the lint: 0, 1 when a finding is an error, 2 for
 * usage, config and input errors (a plan that is not a Word file among them).
 */
export async function runReview(argv: string[]): Promise<number> {
  if (printedHelp(argv, 'review')) return 0;
  const { values, positionals } = withUsageErrors(() => parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  const localeFlag = oneOf<Locale>('--locale', values.locale, ['vi', 'en'] as const);
  const cwd = process.cwd();
  if (positionals.length === 0) throw new UsageError(tr('review cần ít nhất một tệp Word (.docx) hoặc thư mục', 'review needs at least one Word file (.docx) or folder'));
  if (values.output !== undefined && values['output-dir'] !== undefined) {
    throw new UsageError(tr('dùng --output hoặc --output-dir, không dùng cả hai', 'use --output or --output-dir, not both'));
  }
  const { files, ignoredNotes } = await expandTargets(positionals, cwd);
  // A review copy named on the command line is ignored (*.review.docx): the note says so.
  for (const note of ignoredNotes) process.stderr.write(`plan-lint: ${note}\n`);
  const named = new Set(positionals.map((target) => path.resolve(cwd, target)));
  // A folder's other plans are passed over; a named non-Word plan is an error that says what to do instead.
  const namedNotWord = files.filter((file) => !isWord(file) && named.has(file));
  const plans = files.filter(isWord);
  if (namedNotWord.length > 0) {
    process.stderr.write(`plan-lint: ${notWordMessage(path.relative(cwd, namedNotWord[0]))}\n`);
    return 2;
  }
  if (plans.length === 0) {
    if (ignoredNotes.length === 0) process.stderr.write(`plan-lint: ${noWordFilesMessage(positionals.join(' '))}\n`);
    return 2;
  }
  if (values.output !== undefined && plans.length > 1) {
    throw new UsageError(tr(`--output nhận một bản nhận xét; có ${plans.length} tệp Word: dùng --output-dir THƯ-MỤC`, `--output takes one review copy; there are ${plans.length} Word files: use --output-dir DIR`));
  }
  if (values.output !== undefined && path.resolve(cwd, values.output) === plans[0]) {
    throw new UsageError(tr('--output không được là chính kế hoạch: bản nhận xét là một bản sao, kế hoạch gốc giữ nguyên', '--output cannot be the plan itself: the review copy is a copy, the plan stays as it is'));
  }

  const groups = await groupByConfig(plans, { cwd, configPath: values.config, packs: values.pack, parent: values.parent });
  const environment = localeFromEnvironment();
  const core = await import('@plan-lint/core');
  let exitCode = 0;
  for (const group of groups) {
    const locale: Locale = localeFlag ?? group.config.locale ?? environment ?? 'vi';
    setCliLocale(locale);
    const parent = group.parentPath ? await loadParent(group.parentPath) : undefined;
    for (const file of group.files) {
      const outcome = await lintFile(file, { config: group.config, parent, locale, fix: false, quiet: false });
      const shown = path.relative(cwd, file);
      if (outcome.report.fatal) {
        process.stderr.write(`plan-lint: ${shown}: ${outcome.report.fatal.message}\n`);
        exitCode = 2;
        continue;
      }
      const copy = await core.reviewDocx(core.readPlanBytes(file), outcome.report.diagnostics, { locale });
      const target = outputPath(file, cwd, values.output, values['output-dir']);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFileAtomic(target, copy.bytes);
      process.stdout.write(
        `${shown} → ${path.relative(cwd, target)}: ${tr(`${copy.comments} nhận xét`, `${copy.comments} comment${copy.comments === 1 ? '' : 's'}`)}\n`,
      );
      if (exitCode === 0 && outcome.report.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) exitCode = 1;
    }
  }
  return exitCode;
}

/** `-o`, else DIR/<the plan's path from the working folder>.review.docx, else beside the plan. */
function outputPath(file: string, cwd: string, output: string | undefined, outputDir: string | undefined): string {
  if (output !== undefined) return path.resolve(cwd, output);
  const base = path.basename(file).replace(/\.docx$/i, '') + REVIEW_SUFFIX;
  if (outputDir === undefined) return path.join(path.dirname(file), base);
  const relative = path.relative(cwd, path.dirname(file));
  const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  return path.resolve(cwd, outputDir, inside ? relative : '', base);
}

function isWord(file: string): boolean {
  return path.extname(file).toLowerCase() === '.docx';
}

function noWordFilesMessage(targets: string): string {
  return tr(
    `không có tệp Word (.docx) nào trong ${targets}; review chỉ làm bản nhận xét cho tệp Word. Với kế hoạch .md, .txt, .pdf hãy tạo báo cáo HTML: plan-lint ${targets} --format html -o bao-cao.html`,
    `no Word files (.docx) in ${targets}; review makes review copies of Word files only. For .md, .txt and .pdf plans write the HTML report: plan-lint ${targets} --format html -o report.html`,
  );
}

function notWordMessage(file: string): string {
  const kind = path.extname(file).toLowerCase();
  const what = kind === '.pdf' ? 'PDF' : kind === '.md' || kind === '.markdown' ? 'Markdown' : tr('văn bản', 'text');
  return tr(
    `review chỉ làm bản nhận xét cho tệp Word (.docx); ${file} là tệp ${what}. Để xem các lỗi đánh dấu ngay trong văn bản, hãy tạo báo cáo HTML: plan-lint ${file} --format html -o bao-cao.html`,
    `review makes review copies of Word files (.docx) only; ${file} is a ${what} file. To see the findings marked in the text, write the HTML report: plan-lint ${file} --format html -o report.html`,
  );
}
