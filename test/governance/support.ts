import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FAMILY = path.join(ROOT, 'fixtures/family');
export const COMPLIANT = path.join(FAMILY, 'compliant/truong-th-a.md');
export const SIGNATURE_DEFECT = path.join(FAMILY, 'defects/signature.md');

/** A built-in rule of a pack, as written in its pack.json. */
export function builtinRule(pack: string, id: string): Record<string, unknown> {
  const json = JSON.parse(readFileSync(path.join(ROOT, 'rules', pack, 'pack.json'), 'utf8')) as { rules: Array<{ id: string }> };
  const rule = json.rules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no rule ${id} in ${pack}`);
  return structuredClone(rule) as Record<string, unknown>;
}

/** A temporary folder with the given files (JSON values are written as JSON). */
export function folderWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-governance-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
  return dir;
}

/** A superior's pack: van-ban with `signature` locked at error. */
export function lockedSignaturePack(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'phong-gddt-que-son',
    version: '1.0.0',
    extends: ['van-ban'],
    rules: [{ ...builtinRule('van-ban', 'signature'), severity: 'error', locked: true, ...extra }],
  };
}
