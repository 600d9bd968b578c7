import path from 'node:path';
import { help } from './help.js';
import { inputErrorMessage } from './input/input-messages.js';
import { initialLocale, setCliLocale, tr } from './locale.js';
import { UsageError } from './usage-error.js';
import { planLintVersion } from './version.js';

const COMMANDS = new Set(['convert', 'review', 'inspect', 'pack', 'rules', 'init', 'explain', 'mcp']);

/**
 * Runs plan-lint with its arguments and returns the exit code. Commands are imported only when
 * used, so `plan-lint --version` or a lint of one Markdown file loads no Word or PDF reader.
 */
export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  setCliLocale(initialLocale(argv, process.cwd()));
  try {
    const [first, ...rest] = argv;
    if (first === '--version' || first === '-v') {
      process.stdout.write(`${planLintVersion()}\n`);
      return 0;
    }
    if (first !== undefined && COMMANDS.has(first)) {
      switch (first) {
        case 'convert':
          return await (await import('./commands/convert.js')).runConvert(rest);
        case 'review':
          return await (await import('./commands/review.js')).runReview(rest);
        case 'inspect':
          return await (await import('./commands/inspect.js')).runInspect(rest);
        case 'pack':
          return await (await import('./commands/pack.js')).runPack(rest);
        case 'rules':
          return await (await import('./commands/rules.js')).runRules(rest);
        case 'init':
          return await (await import('./commands/init.js')).runInit(rest);
        case 'explain':
          return await (await import('./commands/explain.js')).runExplain(rest);
        case 'mcp':
          return await (await import('./commands/mcp.js')).runMcp(rest);
      }
    }
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(help('lint'));
      return 0;
    }
    return await (await import('./commands/lint.js')).runLint(argv);
  } catch (error) {
    return reportFailure(error);
  }
}

/** Usage, config, pack and input errors: a message naming the file, exit 2. Anything else is a bug. */
export function reportFailure(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`plan-lint: ${error.message}\n${tr('Chạy "plan-lint --help" để xem cách dùng.', 'Run "plan-lint --help" for usage.')}\n`);
    return 2;
  }
  if (isInputError(error)) {
    process.stderr.write(`plan-lint: ${placeOf(error)}${tr(error.vi ?? inputErrorVi(error), error.message)}\n`);
    return 2;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`plan-lint: ${tr('lỗi nội bộ, xin báo lỗi kèm lệnh đã chạy:', 'internal error, please report it with the command you ran:')}\n${detail}\n`);
  return 2;
}

/**
 * `plan-lint … | head`: once the reader has gone, output is dropped and the run ends as it would
 * have (its exit code), with no EPIPE stack trace. Other stream errors still surface.
 */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
        stream.destroy();
        return;
      }
      throw error;
    });
  }
}

/** Decode errors keep their Vietnamese wording in the CLI (input/input-messages.ts), by code. */
function inputErrorVi(error: InputErrorLike): string {
  return inputErrorMessage(error.code ?? '', error.message, 'vi');
}

/** `file:line:column: `, the file relative to the working folder when it lies inside it. */
function placeOf(error: InputErrorLike): string {
  const file = error.filePath && path.isAbsolute(error.filePath) && !path.relative(process.cwd(), error.filePath).startsWith('..')
    ? path.relative(process.cwd(), error.filePath)
    : error.filePath;
  const place = [file, error.line, error.column].filter((part) => part !== undefined).join(':');
  return place ? `${place}: ` : '';
}

interface InputErrorLike extends Error {
  code?: string;
  /** The Vietnamese message, when the error has one (core writes both). */
  vi?: string;
  filePath?: string;
  line?: number;
  column?: number;
}

/** Checked by name: importing the core's error class here would load the whole core for `--help`. */
function isInputError(error: unknown): error is InputErrorLike {
  return error instanceof Error && error.name === 'PlanLintInputError';
}
