import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { tr } from '../locale.js';

/**
 * What a linter of plans never reads unless told to (--no-ignore): a repository's own documents,
 * and what plan-lint itself writes (its cache, Word review copies). gitignore syntax, matched at
 * any depth below the folder being linted.
 */
export const DEFAULT_IGNORES = ['README*', 'CHANGELOG*', 'LICENSE*', 'CONTRIBUTING*', 'node_modules/', '.plan-lint-cache/', '*.review.docx'];

const CONFIG_FILE_NAMES = ['plan-lint.config.json', '.planlintrc.json'];

/** The rule that decided, for the message that names it. */
export interface IgnoreReason {
  pattern: string;
  /** Where the pattern comes from, in the user's words (a file path, `--ignore-pattern`, …). */
  source: string;
}

interface Source {
  /** Paths are tested relative to this folder. */
  base: string;
  label: () => string;
  test: (relative: string, isDir: boolean) => { ignored: boolean; unignored: boolean; pattern?: string };
}

export interface IgnoreSettings {
  /** --no-ignore: nothing is skipped but node_modules and .git while walking. */
  noIgnore?: boolean;
  /** --ignore-pattern, relative to the working folder (ESLint flat-config globs, `!` negates). */
  patterns?: readonly string[];
  /** --config: then only its `ignores` count, not those of config files found in folders. */
  configPath?: string;
  /** Files this run writes (its -o report): never linted. */
  outputs?: readonly string[];
}

/**
 * The ignore rules of a run, in increasing precedence (a later source can undo an earlier one with
 * `!`): the default ignores, then per folder from the repository root down its .gitignore, its
 * .planlintignore and its config file's `ignores`, then --ignore-pattern.
 */
export class IgnoreRules {
  private readonly folderSources = new Map<string, Source[]>();
  private readonly cliSource?: Source;
  private readonly explicitConfig?: Source;
  private readonly outputs: Set<string>;

  constructor(
    private readonly cwd: string,
    private readonly settings: IgnoreSettings = {},
  ) {
    this.outputs = new Set((settings.outputs ?? []).map((file) => path.resolve(cwd, file)));
    if (settings.patterns?.length) this.cliSource = globSource(cwd, settings.patterns, () => '--ignore-pattern');
    if (settings.configPath) this.explicitConfig = configSource(path.resolve(cwd, settings.configPath));
  }

  get enabled(): boolean {
    return !this.settings.noIgnore;
  }

  /** Why `target` (a file or folder) is skipped, or undefined when it is linted. `root`: the folder the defaults are anchored at. */
  reasonFor(target: string, isDir: boolean, root: string): IgnoreReason | undefined {
    if (this.outputs.has(target)) {
      return { pattern: path.relative(this.cwd, target) || target, source: tr('báo cáo mà lần chạy này ghi (-o)', 'the report this run writes (-o)') };
    }
    if (this.settings.noIgnore) return undefined;
    let decided: { source: Source; pattern: string } | undefined;
    for (const source of this.sourcesFor(target, root)) {
      const relative = path.relative(source.base, target).split(path.sep).join('/');
      if (relative === '' || relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) continue;
      const result = source.test(relative, isDir);
      if (result.ignored) decided = { source, pattern: result.pattern ?? relative };
      else if (result.unignored) decided = undefined;
    }
    return decided && { pattern: decided.pattern, source: decided.source.label() };
  }

  private readonly chains = new Map<string, Source[]>();

  private sourcesFor(target: string, root: string): Source[] {
    const dir = path.dirname(target);
    const key = `${root}\0${dir}`;
    let sources = this.chains.get(key);
    if (!sources) {
      sources = [defaultSource(root)];
      for (const folder of foldersFromTop(dir, root)) sources.push(...this.folder(folder));
      if (this.explicitConfig) sources.push(this.explicitConfig);
      if (this.cliSource) sources.push(this.cliSource);
      this.chains.set(key, sources);
    }
    return sources;
  }

  private folder(dir: string): Source[] {
    let sources = this.folderSources.get(dir);
    if (!sources) {
      sources = [];
      for (const name of ['.gitignore', '.planlintignore']) {
        const file = path.join(dir, name);
        const text = readOrUndefined(file);
        if (text !== undefined) sources.push(gitignoreSource(dir, text, () => path.relative(this.cwd, file) || name));
      }
      if (!this.settings.configPath) {
        const config = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).find((file) => existsSync(file));
        const source = config && configSource(config, this.cwd);
        if (source) sources.push(source);
      }
      this.folderSources.set(dir, sources);
    }
    return sources;
  }
}

/** The message for a named file or folder that an ignore rule hides (as ESLint words it). */
export function ignoredMessage(shown: string, reason: IgnoreReason): string {
  return tr(
    `${shown}: bị bỏ qua vì khớp mẫu bỏ qua "${reason.pattern}" (${reason.source}). Dùng --no-ignore để vẫn kiểm tra tệp này.`,
    `${shown}: file ignored because of a matching ignore pattern "${reason.pattern}" (${reason.source}). Use --no-ignore to lint it anyway.`,
  );
}

const defaultSources = new Map<string, Source>();

function defaultSource(root: string): Source {
  let source = defaultSources.get(root);
  if (!source) {
    source = gitignoreSource(root, DEFAULT_IGNORES.join('\n'), () => tr('mặc định của plan-lint', "plan-lint's default ignores"));
    defaultSources.set(root, source);
  }
  return source;
}

function gitignoreSource(base: string, text: string, label: () => string): Source {
  const rules: Ignore = ignore().add(text);
  return {
    base,
    label,
    test: (relative, isDir) => {
      const result = rules.test(isDir ? `${relative}/` : relative);
      return { ignored: result.ignored, unignored: result.unignored, pattern: result.rule?.pattern };
    },
  };
}

/**
 * ESLint flat-config globs (picomatch, dot files included): relative to `base`, `dir/` names a
 * folder, `!` keeps what an earlier pattern skipped; the last pattern that matches decides.
 */
function globSource(base: string, patterns: readonly string[], label: () => string): Source {
  const compiled = patterns.map((written) => {
    const negated = written.startsWith('!');
    let body = negated ? written.slice(1) : written;
    if (body.startsWith('./')) body = body.slice(2);
    const dirOnly = body.endsWith('/');
    const glob = dirOnly ? body.replace(/\/+$/, '') : body;
    return { written, negated, dirOnly, match: picomatch(glob, { dot: true }) };
  });
  return {
    base,
    label,
    test: (relative, isDir) => {
      let state: { ignored: boolean; unignored: boolean; pattern?: string } = { ignored: false, unignored: false };
      for (const pattern of compiled) {
        if (pattern.dirOnly && !isDir) continue;
        if (!pattern.match(relative)) continue;
        state = pattern.negated ? { ignored: false, unignored: true } : { ignored: true, unignored: false, pattern: pattern.written };
      }
      return state;
    },
  };
}

function configSource(file: string, cwd = process.cwd()): Source | undefined {
  const text = readOrUndefined(file);
  if (text === undefined) return undefined;
  let ignores: unknown;
  try {
    ignores = (JSON.parse(text) as { ignores?: unknown }).ignores;
  } catch {
    return undefined; // Loading the config later reports what is wrong with it.
  }
  if (!Array.isArray(ignores) || !ignores.every((pattern) => typeof pattern === 'string')) return undefined;
  const shown = () => `"ignores" ${tr('trong', 'in')} ${path.relative(cwd, file) || path.basename(file)}`;
  return globSource(path.dirname(file), ignores as string[], shown);
}

/**
 * `dir` and the folders above it whose ignore files count, top first: up to the repository root
 * (the nearest `.git` upward), or outside a repository up to the folder being linted.
 */
function foldersFromTop(dir: string, root: string): string[] {
  const chain: string[] = [];
  const top = repositoryRoot(dir) ?? root;
  for (let current = dir; ; current = path.dirname(current)) {
    chain.unshift(current);
    if (current === top || path.dirname(current) === current) break;
    if (!isInside(top, current)) return [dir];
  }
  return chain;
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

const repositoryRoots = new Map<string, string | undefined>();
function repositoryRoot(dir: string): string | undefined {
  if (repositoryRoots.has(dir)) return repositoryRoots.get(dir);
  const parent = path.dirname(dir);
  const root = existsSync(path.join(dir, '.git')) ? dir : parent === dir ? undefined : repositoryRoot(parent);
  repositoryRoots.set(dir, root);
  return root;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
