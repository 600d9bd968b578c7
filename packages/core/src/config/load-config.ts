import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { loadBuiltinPack } from '../engine/pack-loader.js';
import { flattenPacks } from '../engine/rule-set.js';
import { resolvePack, type PackLoadOptions, type PackRef } from '../engine/pack-loader.js';
import type { LoadedPack } from '../engine/pack-types.js';
import type { Locale } from '../engine/diagnostic.js';
import { PlanLintInputError } from '../shared/errors.js';
import { readJsonTextAsync } from '../shared/read-file.js';
import { parseJsonFile, positionOfPointer, schemaError, type JsonFile } from '../shared/json-file.js';
import { configSchemaValidator } from '../shared/schema-validators.js';
import { assertLockedRulesKept } from '../governance/locked.js';
import { loadWaivers } from '../governance/waivers.js';
import type { ConfigOverride, ResolvedConfig, RuleSetting } from './types.js';
import { closestName } from '../shared/did-you-mean.js';

export const CONFIG_FILE_NAMES = ['plan-lint.config.json', '.planlintrc.json'] as const;

/** The config file as written (validated against schemas/config.schema.json). */
export interface ConfigJson {
  $schema?: string;
  packs?: PackRef[];
  parent?: string;
  /** Globs of files not to lint (the CLI applies them: packages/cli/src/files/ignores.ts). */
  ignores?: string[];
  locale?: Locale;
  /** The plans' topic, instead of the one read from each plan. */
  topic?: string;
  rules?: Record<string, RuleSetting>;
  overrides?: Array<{ files: string | string[]; rules?: Record<string, RuleSetting> }>;
  /** Rewrite plan-lint.lock.json where it differs from the URL packs in use, as `--update-lock` does. */
  updateLock?: boolean;
}

export interface LoadConfigOptions extends Omit<PackLoadOptions, 'baseDir'> {
  /** An explicit config file (`--config`); otherwise one is looked for upward from the linted file. */
  configPath?: string;
  /** Where the upward search starts when no file is given; default the current folder. */
  cwd?: string;
}

/** The nearest `plan-lint.config.json` or `.planlintrc.json` in the folder of `fromPath` or above it. */
export function findConfigFile(fromPath: string): string | undefined {
  let dir = path.resolve(fromPath);
  if (!isDirectory(dir)) dir = path.dirname(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function isDirectory(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}

function severityError(file: JsonFile, errors: ErrorObject[]): PlanLintInputError | undefined {
  const error = errors.find((e) => e.keyword === 'enum' && /\/rules\/[^/]+$/.test(e.instancePath));
  if (!error) return undefined;
  const id = error.instancePath.split('/').at(-1)!.replace(/~1/g, '/').replace(/~0/g, '~');
  const value = error.instancePath.split('/').slice(1).reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], file.value);
  return new PlanLintInputError(
    'config-schema',
    `rule "${id}" has severity ${JSON.stringify(value)}; use "off", "warn" or "error".`,
    {
      vi: `quy tắc "${id}" có mức độ ${JSON.stringify(value)}; hãy dùng "off", "warn" hoặc "error".`,
      filePath: file.filePath,
      ...positionOfPointer(file, error.instancePath),
    },
  );
}

/**
 * Reads and checks a config file, loads its packs, and makes its paths absolute. Every problem is a
 * PlanLintInputError naming the file, line and column.
 */
export async function loadConfigFile(configPath: string, options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const filePath = path.resolve(configPath);
  let text: string;
  try {
    text = await readJsonTextAsync(filePath, 'The config file');
  } catch (error) {
    if (error instanceof PlanLintInputError) throw error;
    throw new PlanLintInputError('config-missing', `Cannot read the config file: ${(error as Error).message}.`, {
      vi: `không đọc được tệp cấu hình: ${(error as Error).message}.`,
      filePath,
    });
  }
  const file = parseJsonFile(filePath, text, 'config-json');
  const validate = configSchemaValidator;
  if (!validate(file.value)) {
    throw severityError(file, validate.errors ?? []) ?? schemaError(file, validate.errors ?? [], 'config-schema', 'The config');
  }
  const json = file.value as ConfigJson;
  const baseDir = path.dirname(filePath);
  const packOptions: PackLoadOptions = { ...options, baseDir, updateLock: options.updateLock || json.updateLock === true };
  const packs: LoadedPack[] = [];
  for (const [index, ref] of (json.packs ?? ['recommended']).entries()) {
    packs.push(await resolvePack(ref, packOptions, { filePath, ...positionOfPointer(file, `/packs/${index}`) }));
  }
  const known = new Set(flattenPacks(packs).flatMap((pack) => (pack.json.rules ?? []).map((rule) => rule.id)));
  const checkRules = (rules: Record<string, RuleSetting> | undefined, pointer: string) => {
    for (const id of Object.keys(rules ?? {})) {
      if (known.has(id)) continue;
      const names = packs.map((p) => p.name).join(', ');
      const guess = closestName(id, [...known]);
      throw new PlanLintInputError(
        'config-unknown-rule',
        `rule "${id}" is not defined by the packs in use (${names}); ${guess ? `did you mean "${guess}"?` : 'check its spelling with "plan-lint rules".'}`,
        {
          vi: `các bộ quy tắc đang dùng (${names}) không có quy tắc "${id}"; ${guess ? `có phải ý bạn là "${guess}"?` : 'xem tên đúng bằng "plan-lint rules".'}`,
          filePath,
          ...positionOfPointer(file, `${pointer}/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`, true),
        },
      );
    }
  };
  checkRules(json.rules, '/rules');
  json.overrides?.forEach((override, index) => checkRules(override.rules, `/overrides/${index}/rules`));
  assertLockedRulesKept(json, packs, filePath, (pointer) => positionOfPointer(file, pointer, true));
  const overrides: ConfigOverride[] = (json.overrides ?? []).map((override) => ({
    files: Array.isArray(override.files) ? override.files : [override.files],
    rules: override.rules ?? {},
  }));
  return {
    filePath,
    baseDir,
    packs,
    rules: json.rules ?? {},
    overrides,
    locale: json.locale,
    ...(json.ignores ? { ignores: json.ignores } : {}),
    ...(json.topic ? { topic: json.topic } : {}),
    parent: json.parent ? path.resolve(baseDir, json.parent) : undefined,
    waivers: await loadWaivers(baseDir),
  };
}

/**
 * The config for a file: `options.configPath` if given, else the nearest config file above `forFile`
 * (or the current folder), else the built-in recommended packs.
 */
export async function loadConfig(forFile?: string, options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const explicit = options.configPath;
  const found = explicit ?? findConfigFile(forFile ?? path.join(options.cwd ?? process.cwd(), 'plan'));
  if (found) return loadConfigFile(found, options);
  const base = await defaultConfig();
  const baseDir = options.cwd ?? process.cwd();
  return { ...base, baseDir, waivers: await loadWaivers(baseDir) };
}

let defaultConfigPromise: Promise<ResolvedConfig> | undefined;

/** The configuration used when there is none: the recommended packs, default severities. */
export function defaultConfig(): Promise<ResolvedConfig> {
  defaultConfigPromise ??= loadBuiltinPack('recommended').then(
    (pack) => ({ baseDir: process.cwd(), packs: [pack], rules: {}, overrides: [] }),
    (error: unknown) => {
      defaultConfigPromise = undefined;
      throw error;
    },
  );
  return defaultConfigPromise;
}
