import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type CliLocale = 'vi' | 'en';

const LOCALES: readonly CliLocale[] = ['vi', 'en'];
// As core's CONFIG_FILE_NAMES; repeated here so that `--help` and usage errors load no core.
const CONFIG_FILE_NAMES = ['plan-lint.config.json', '.planlintrc.json'];

let current: CliLocale = 'vi';

/** The language of everything the CLI prints itself (help, usage and config errors, notes). */
export function cliLocale(): CliLocale {
  return current;
}

export function setCliLocale(locale: CliLocale): void {
  current = locale;
}

/** The text in the run's language: both are written at each place, so none can be forgotten. */
export function tr(vi: string, en: string): string {
  return current === 'en' ? en : vi;
}

export function isCliLocale(value: unknown): value is CliLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language the environment asks for: the first of LC_ALL, LC_MESSAGES, LANG that is set decides
 * (POSIX precedence); `vi_VN.UTF-8` → vi, `en_US.UTF-8` → en, anything else (C, POSIX, fr_FR) → none.
 */
export function localeFromEnvironment(env: NodeJS.ProcessEnv = process.env): CliLocale | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (!value) continue;
    const language = /^([a-z]{2,3})(?:[_.@-]|$)/i.exec(value)?.[1]?.toLowerCase();
    return isCliLocale(language) ? language : undefined;
  }
  return undefined;
}

/** `--locale X` or `--locale=X` among the arguments, as written (checked later by the command). */
export function localeFlag(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') break;
    if (arg === '--locale') return argv[index + 1];
    if (arg.startsWith('--locale=')) return arg.slice('--locale='.length);
  }
  return undefined;
}

/**
 * The `locale` of the config that governs the working folder (`--config FILE`, else the nearest
 * config file upward), read without loading its packs; undefined when there is none or it is broken
 * (loading it later reports why).
 */
export function configLocale(cwd: string, argv: readonly string[]): CliLocale | undefined {
  const configIndex = argv.findIndex((arg) => arg === '--config' || arg === '-c');
  const explicit = configIndex >= 0 ? argv[configIndex + 1] : argv.find((arg) => arg.startsWith('--config='))?.slice('--config='.length);
  const file = explicit ? path.resolve(cwd, explicit) : nearestConfig(cwd);
  if (!file) return undefined;
  try {
    const value = (JSON.parse(readFileSync(file, 'utf8')) as { locale?: unknown }).locale;
    return isCliLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function nearestConfig(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The run's language before any command starts: `--locale`, then the config's `locale`, then
 * LC_ALL / LC_MESSAGES / LANG, then Vietnamese. A wrong `--locale` value is left to the command,
 * which reports it.
 */
export function initialLocale(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): CliLocale {
  const flag = localeFlag(argv);
  if (isCliLocale(flag)) return flag;
  return configLocale(cwd, argv) ?? localeFromEnvironment(env) ?? 'vi';
}
