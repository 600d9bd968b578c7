import path from 'node:path';
import { builtinRulesDir, configSchemaPath } from '../shared/rules-dir.js';

export { builtinRulesDir, configSchemaPath };

// The names of the packs shipped in rules/; pack-loader.ts loads them (loadBuiltinPack).
export const BUILTIN_PACKS = ['recommended', 'binh-dang-gioi', 'van-ban'] as const;
export type BuiltinPackName = (typeof BUILTIN_PACKS)[number];

export function isBuiltinPackName(name: string): name is BuiltinPackName {
  return (BUILTIN_PACKS as readonly string[]).includes(name);
}

export function builtinPackPath(name: BuiltinPackName): string {
  return path.join(builtinRulesDir(), name, 'pack.json');
}
