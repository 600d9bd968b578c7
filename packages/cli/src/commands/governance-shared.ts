import path from 'node:path';
import type { LintResult, Locale, ResolvedConfig } from '@plan-lint/core';
import { readPlan } from '../input/read-plan.js';
import { loadParent, loadRunConfig } from '../lint/run-config.js';

/** The config that governs one file, as a lint run would pick it: --config, else the nearest upward, else recommended. */
export async function configForFile(filePath: string, options: { cwd: string; configPath?: string; packs?: string[] }): Promise<ResolvedConfig> {
  const core = await import('@plan-lint/core');
  const found = options.configPath ? undefined : core.findConfigFile(filePath);
  let config = found ? await core.loadConfigFile(found) : await loadRunConfig({ cwd: options.cwd, configPath: options.configPath });
  if (options.packs?.length) config = { ...config, packs: await core.resolvePacks(options.packs, { baseDir: options.cwd }) };
  return config;
}

/** Reads and lints one plan with its config and parent, as `plan-lint FILE` would. */
export async function lintOnePlan(
  file: string,
  options: { cwd: string; configPath?: string; packs?: string[]; parent?: string; locale?: Locale },
): Promise<{ result: LintResult; config: ResolvedConfig; locale: Locale }> {
  const core = await import('@plan-lint/core');
  const filePath = path.resolve(options.cwd, file);
  const config = await configForFile(filePath, options);
  const parentPath = options.parent ? path.resolve(options.cwd, options.parent) : config.parent;
  const parent = parentPath ? await loadParent(parentPath) : undefined;
  const locale = options.locale ?? config.locale ?? 'vi';
  const input = await readPlan(filePath);
  const result = await core.lintSource(input.source, { filePath, format: input.format, config, parent, locale });
  return { result, config, locale };
}
