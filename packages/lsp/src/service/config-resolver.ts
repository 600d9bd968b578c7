import { basename, dirname, isAbsolute, resolve } from 'node:path';
import {
  decodeByExtension,
  CONFIG_FILE_NAMES,
  defaultConfig,
  findConfigFile,
  isBuiltinPackName,
  loadConfigFile,
  parsePlan,
  PlanLintInputError,
  readPlanBytesAsync,
  resolvePacks,
  resolveRuleSet,
  RULE_FILE,
  type LoadedPack,
  type Locale,
  type ParentFacts,
  type ResolvedConfig,
} from '@plan-lint/core';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Logger } from '../logger.js';
import { PositionMap } from '../positions.js';
import type { PlanLintSettings } from '../settings.js';
import { DIAGNOSTIC_SOURCE } from './diagnostic-service.js';
import type { ParentPlan } from './plan-analysis.js';
import { say } from '../locale.js';
import { pathToUri } from './uris.js';

export interface FolderConfig {
  /** Undefined: the built-in recommended packs (no config, or a broken one). */
  config?: ResolvedConfig;
  parent?: ParentPlan;
  /** The parent facts the packs carry, merged as the engine merges them. */
  packParent?: ParentFacts;
}

/** A config, pack or parent-plan problem, shown as a diagnostic on the file at fault. */
export interface ConfigProblem {
  uri: string;
  diagnostic: LspDiagnostic;
}

export interface ConfigResolverOptions {
  settings: () => PlanLintSettings;
  workspaceFolders: () => readonly string[];
  log: Logger;
  /** The language of problem messages (a broken config cannot say its own `locale`). */
  locale: () => Locale;
  /** Called with every problem known after a resolution (an empty list clears the old ones). */
  onProblems: (problems: ConfigProblem[]) => void;
}

/**
 * The nearest config of a folder, with its packs and its parent plan, read once and kept until a
 * watched file or the settings change: the per-keystroke path never touches the disk.
 */
export class ConfigResolver {
  private readonly byFolder = new Map<string, Promise<FolderConfig>>();
  private readonly dependencies = new Set<string>();
  private readonly problems = new Map<string, ConfigProblem[]>();

  constructor(private readonly options: ConfigResolverOptions) {}

  resolve(filePath: string | undefined): Promise<FolderConfig> {
    const folder = filePath ? dirname(filePath) : (this.options.workspaceFolders()[0] ?? process.cwd());
    let pending = this.byFolder.get(folder);
    if (!pending) {
      pending = this.load(folder);
      this.byFolder.set(folder, pending);
    }
    return pending;
  }

  invalidate(): void {
    this.byFolder.clear();
    this.dependencies.clear();
    this.problems.clear();
  }

  /** Whether a changed file can change a lint result: a config file anywhere, or a pack or parent read before. */
  isDependency(filePath: string): boolean {
    const normalized = resolve(filePath);
    if (this.dependencies.has(normalized) || CONFIG_FILE_NAMES.some((name) => normalized.endsWith(`/${name}`) || normalized.endsWith(`\\${name}`))) return true;
    // A new rule folder beside a pack that globs its rule folders: <pack dir>/<rule-id>/rule.json.
    return basename(normalized) === RULE_FILE && this.dependencies.has(dirname(dirname(normalized)));
  }

  private async load(folder: string): Promise<FolderConfig> {
    const settings = this.options.settings();
    // An untrusted workspace: its config, packs and parent are not read (VS Code Workspace Trust).
    const configPath = settings.onlyBuiltInPacks ? undefined : findConfigFile(folder);
    const problems: ConfigProblem[] = [];
    let config: ResolvedConfig | undefined;
    if (configPath) this.dependencies.add(resolve(configPath));
    try {
      config = configPath ? await loadConfigFile(configPath) : { ...(await defaultConfig()), baseDir: folder };
    } catch (error) {
      problems.push(this.toProblem(error, configPath));
      config = undefined;
    }
    const extraPacks = settings.onlyBuiltInPacks ? settings.packs.filter(isBuiltinPackName) : settings.packs;
    if (config && extraPacks.length > 0) {
      try {
        const baseDir = this.options.workspaceFolders()[0] ?? folder;
        config = { ...config, packs: [...config.packs, ...(await resolvePacks(extraPacks, { baseDir }))] };
      } catch (error) {
        problems.push(this.toProblem(error, configPath));
      }
    }
    for (const pack of config?.packs ?? []) this.trackPack(pack);
    const parentPath = settings.onlyBuiltInPacks ? undefined : (this.settingsParent(settings) ?? config?.parent);
    let parent: ParentPlan | undefined;
    if (parentPath) {
      this.dependencies.add(resolve(parentPath));
      try {
        parent = await readParent(parentPath);
      } catch (error) {
        problems.push(this.toProblem(error, configPath ?? parentPath));
      }
    }
    this.problems.set(folder, problems);
    this.options.onProblems([...this.problems.values()].flat());
    return { config, parent, packParent: config ? (resolveRuleSet(config, undefined).parent ?? undefined) : undefined };
  }

  private settingsParent(settings: PlanLintSettings): string | undefined {
    if (!settings.parent) return undefined;
    if (isAbsolute(settings.parent)) return settings.parent;
    return resolve(this.options.workspaceFolders()[0] ?? process.cwd(), settings.parent);
  }

  private trackPack(pack: LoadedPack, seen = new Set<LoadedPack>()): void {
    // Each pack once: a pack extended along many paths would be walked 2^depth times.
    if (seen.has(pack)) return;
    seen.add(pack);
    if (!/^[a-z]+:\/\//i.test(pack.source)) this.dependencies.add(resolve(pack.source));
    // Its rule files, and the folders its "rules": ["*"] read (a rule folder added there counts too).
    for (const part of pack.parts ?? []) this.dependencies.add(resolve(part));
    for (const parent of pack.extends) this.trackPack(parent, seen);
  }

  /** A config error names its file, line and column; it becomes a diagnostic there. */
  private toProblem(error: unknown, fallbackFile: string | undefined): ConfigProblem {
    const inputError = error instanceof PlanLintInputError ? error : undefined;
    const filePath = inputError?.filePath ?? fallbackFile ?? this.options.workspaceFolders()[0] ?? process.cwd();
    const locale = this.options.locale();
    if (!inputError) {
      this.options.log.error(`plan-lint: ${say(locale, 'đọc cấu hình thất bại', 'reading the configuration failed')}: ${(error as Error)?.stack ?? String(error)}`);
    }
    const text = locale === 'vi' ? (inputError?.vi ?? (error as Error)?.message ?? String(error)) : ((error as Error)?.message ?? String(error));
    const line = Math.max(0, (inputError?.line ?? 1) - 1);
    const character = Math.max(0, (inputError?.column ?? 1) - 1);
    return {
      uri: pathToUri(filePath),
      diagnostic: {
        range: { start: { line, character }, end: { line, character: character + 1 } },
        severity: DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        code: inputError?.code ?? 'config',
        message: `${text} ${say(locale, 'plan-lint kiểm tra bằng các bộ quy tắc có sẵn cho đến khi lỗi này được sửa.', 'plan-lint lints with the built-in packs until this is fixed.')}`,
      },
    };
  }
}

/** The parent plan from disk, in any input format. */
async function readParent(filePath: string): Promise<ParentPlan> {
  // A regular file within the CLI's 20 MB only: a FIFO named as the parent hung the server.
  const bytes = await readPlanBytesAsync(filePath);
  const { source, format } = await decodeByExtension(bytes, filePath);
  const plan = parsePlan(source, { format });
  return { filePath, uri: pathToUri(filePath), plan, positions: new PositionMap(source) };
}
