// "Derive a rule pack from this plan": a superior turns its own plan into a pack that its
// subordinates lint against. The pack carries the plan's facts (number, date, deadlines by kind,
// action month) as core computes them for `--parent`, on top of the recommended rules.
import { parentFactsFromDocument, type PackJson, type PlanDocument } from '@plan-lint/core';

/** `21/KH-PGDĐT` → `kh-pgddt-21`: a pack name the schema accepts (lower-case ASCII, dashes). */
export function packNameFromSymbol(symbol: string | undefined, fallback: string): string {
  const ascii = (symbol ?? fallback)
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const [serial, ...rest] = ascii.split('/');
  const parts = (rest.length > 0 ? [...rest, serial] : [serial]).join('-');
  const name = parts.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return name === '' ? 'derived-pack' : /^[a-z0-9]/.test(name) ? name : `p-${name}`;
}

export function derivePackJson(document: PlanDocument, fileName: string): PackJson {
  const parent = parentFactsFromDocument(document);
  const label = [parent.symbol, parent.date].filter(Boolean).join(', ');
  return {
    $schema: 'https://plan-lint.dev/schemas/pack.schema.json',
    name: packNameFromSymbol(parent.symbol, fileName.replace(/\.[^.]+$/, '')),
    version: '1.0.0',
    description: `Derived from ${parent.title ?? fileName}${label ? ` (${label})` : ''}: subordinates' plans are checked against its deadlines and number.`,
    extends: ['recommended'],
    parent,
  };
}
