import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FAMILY = path.join(ROOT, 'fixtures/family');
export const COMPLIANT = path.join(FAMILY, 'compliant/truong-th-a.md');
export const SIGNATURE_DEFECT = path.join(FAMILY, 'defects/signature.md');

/** A built-in rule of a pack, as written in its folder (rules/<pack>/<rule-id>/rule.json), without the editor's "$schema". */
export function builtinRule(pack: string, id: string): Record<string, unknown> {
  const file = path.join(ROOT, 'rules', pack, id, 'rule.json');
  if (!existsSync(file)) throw new Error(`no rule ${id} in ${pack}`);
  const { $schema: _schema, ...rule } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return rule;
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

/** The compliance record's JSON Schema, compiled (the record every `--format compliance` run writes). */
export function complianceValidator() {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'packages/core/schemas/compliance.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  return ajv.compile(schema);
}
