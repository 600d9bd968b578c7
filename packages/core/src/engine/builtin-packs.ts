import path from 'node:path';
import { builtinRulesDir, configSchemaPath } from '../config/rules-dir.js';
import type { ResolvedConfig } from '../config/types.js';
import { loadPackFromFile } from './pack-loader.js';
import type { LoadedPack } from './pack-types.js';

export { builtinRulesDir, configSchemaPath };

export const BUILTIN_PACKS = ['recommended', 'binh-dang-gioi', 'van-ban'] as const;
export type BuiltinPackName = (typeof BUILTIN_PACKS)[number];

export function isBuiltinPackName(name: string): name is BuiltinPackName {
  return (BUILTIN_PACKS as readonly string[]).includes(name);
}

export function builtinPackPath(name: BuiltinPackName): string {
  return path.join(builtinRulesDir(), name, 'pack.json');
}

export async function loadBuiltinPack(name: BuiltinPackName): Promise<LoadedPack> {
  return loadPackFromFile(builtinPackPath(name));
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
