import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PlanDocument, ResolvedConfig } from '@plan-lint/core';
import { readPlan } from '../input/read-plan.js';

/**
 * The run's config: `--config FILE`, else the nearest config file from the working folder up,
 * else the recommended packs. `--pack` replaces the packs the config names. Errors in the config
 * or a pack are PlanLintInputErrors naming the file, line and column (exit 2).
 */
export async function loadRunConfig(options: { cwd: string; configPath?: string; packs?: string[]; updateLock?: boolean }): Promise<ResolvedConfig> {
  const core = await import('@plan-lint/core');
  const configPath = options.configPath ? path.resolve(options.cwd, options.configPath) : undefined;
  if (options.configPath && !existsSync(configPath as string)) {
    throw new core.PlanLintInputError('config-missing', 'config file not found; check the path given to --config.', { filePath: options.configPath });
  }
  // Passed as typed, so that errors name the file the way the user wrote it.
  const config = await core.loadConfig(undefined, { configPath: options.configPath, cwd: options.cwd, updateLock: options.updateLock });
  if (options.packs?.length) {
    return { ...config, packs: await core.resolvePacks(options.packs, { baseDir: options.cwd, updateLock: options.updateLock }) };
  }
  return config;
}

/** The superior's plan, parsed; any input format. An unreadable parent is an input error (exit 2). */
export async function loadParent(filePath: string): Promise<PlanDocument> {
  const core = await import('@plan-lint/core');
  const input = await readPlan(filePath);
  return core.parsePlan(input.source, { format: input.format });
}

export interface ConfigGroup {
  config: ResolvedConfig;
  parentPath?: string;
  files: string[];
}

/**
 * Files grouped by the config that governs them: `--config` for all, else each file's nearest
 * config file upward (as ESLint's eslintrc lookup), else the recommended packs. Each config is
 * loaded once. `--pack` replaces every config's packs; `--parent` every config's parent.
 */
export async function groupByConfig(
  files: readonly string[],
  options: { cwd: string; configPath?: string; packs?: string[]; parent?: string; updateLock?: boolean },
): Promise<ConfigGroup[]> {
  const core = await import('@plan-lint/core');
  const byConfig = new Map<string, ConfigGroup>();
  const groupFor = async (key: string, load: () => Promise<ResolvedConfig>) => {
    let group = byConfig.get(key);
    if (!group) {
      let config = await load();
      if (options.packs?.length) config = { ...config, packs: await core.resolvePacks(options.packs, { baseDir: options.cwd, updateLock: options.updateLock }) };
      const parentPath = options.parent ? path.resolve(options.cwd, options.parent) : config.parent;
      group = { config, parentPath, files: [] };
      byConfig.set(key, group);
    }
    return group;
  };
  // Files come from expandTargets, so each is a file and its config is its folder's: look each
  // folder up once (the walk up tests two names per level; 1,000 plans in one folder took 260 ms).
  const configFileOfFolder = new Map<string, string | undefined>();
  const configFileOf = (file: string) => {
    const folder = path.dirname(file);
    if (!configFileOfFolder.has(folder)) configFileOfFolder.set(folder, core.findConfigFile(folder));
    return configFileOfFolder.get(folder);
  };
  for (const file of files) {
    const configFile = options.configPath ? undefined : configFileOf(file);
    const group = configFile
      ? await groupFor(configFile, () => core.loadConfigFile(configFile, { updateLock: options.updateLock }))
      : await groupFor('', () => loadRunConfig({ cwd: options.cwd, configPath: options.configPath, updateLock: options.updateLock }));
    group.files.push(file);
  }
  return [...byConfig.values()];
}
