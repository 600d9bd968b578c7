import { parentFactsFromDocument } from '../facts/parent.js';
import type { PlanDocument } from '../parse/ast.js';
import { builtinPackPath } from './builtin-packs.js';
import { readPackFileSync } from './pack-loader.js';
import type { PackJson, PackRule } from './pack-types.js';

export interface DerivePackOptions {
  /** Default: `parent-` and the parent's symbol in kebab case (`parent-21-kh-pgddt`). */
  name?: string;
  version?: string;
  description?: string;
  /** Packs the derived pack builds on; default `["recommended"]`, so the pack alone lints like `--parent`. */
  extends?: string[];
}

function slug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A pack for a superior's subordinates (`plan-lint pack derive`): the superior's facts (number, date,
 * deadlines by kind) and the built-in rules that read them, so that it can be published and pinned.
 */
export function derivePack(parent: PlanDocument, options: DerivePackOptions = {}): PackJson {
  const facts = parentFactsFromDocument(parent);
  const builtin = readPackFileSync(builtinPackPath('binh-dang-gioi'));
  const rules: PackRule[] = (builtin.rules ?? []).filter((rule) => rule.needsParent);
  const name = options.name ?? `parent-${slug(facts.symbol ?? parent.metadata.title?.text ?? 'plan').slice(0, 60) || 'plan'}`;
  const title = facts.title ? ` "${facts.title}"` : '';
  return {
    $schema: 'https://plan-lint.dev/schemas/pack.schema.json',
    name,
    version: options.version ?? '1.0.0',
    description:
      options.description ??
      `Chỉ đạo của kế hoạch cấp trên ${facts.symbol ?? ''}${title}. Directives of the parent plan ${facts.symbol ?? ''}.`.replace(/\s+/g, ' '),
    extends: options.extends ?? ['recommended'],
    rules,
    parent: facts,
  };
}
