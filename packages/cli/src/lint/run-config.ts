import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PlanDocument, ResolvedConfig } from '@plan-lint/core';
import { readPlan } from '../input/read-plan.js';

/**
 * The run's config: `--config FILE`, else the nearest config file from the working folder up,
 * else the recommended packs. `--pack` replaces the packs the config names. Errors in the config
 * or a pack are PlanLintInputErrors naming the file, line and column (exit 2).
 */
export async function loadRunConfig(options: { cwd: string; configPath?: string; packs?: string[] }): Promise<ResolvedConfig> {
  const core = await import('@plan-lint/core');
  const configPath = options.configPath ? path.resolve(options.cwd, options.configPath) : undefined;
  if (options.configPath && !existsSync(configPath as string)) {
    throw new core.PlanLintInputError('config-missing', 'config file not found; check the path given to --config.', { filePath: options.configPath });
  }
  // Passed as typed, so that errors name the file the way the user wrote it.
  const config = await core.loadConfig(undefined, { configPath: options.configPath, cwd: options.cwd });
  if (options.packs?.length) {
    return { ...config, packs: await core.resolvePacks(options.packs, { baseDir: options.cwd }) };
  }
  return config;
}

/** The superior's plan, parsed; any input format. An unreadable parent is an input error (exit 2). */
export async function loadParent(filePath: string): Promise<PlanDocument> {
  const core = await import('@plan-lint/core');
  const input = await readPlan(filePath);
  return core.parsePlan(input.source, { format: input.format });
}
