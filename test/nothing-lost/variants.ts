import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const defectsDir = fileURLToPath(new URL('../../fixtures/family/defects/', import.meta.url));

/** The defect fixtures whose rules carry fixes, without their `{{rule/messageId}}` expectation markers. */
export const FIXABLE = ['duplicate-word.md', 'citation-symbol.md', 'citation-format.md', 'citation-issuer.md'].map((name) => ({
  name,
  text: readFileSync(path.join(defectsDir, name), 'utf8').replace(/ *\{\{[^}]*\}\}/g, ''),
}));

export interface Variant {
  label: string;
  bom: boolean;
  eol: '\n' | '\r\n' | '\r';
  /** Which lines are decomposed (NFD): none, all, or every other line. */
  nfd: 'none' | 'all' | 'alternate';
}

export const VARIANTS: Variant[] = [
  { label: 'LF', bom: false, eol: '\n', nfd: 'none' },
  { label: 'CRLF', bom: false, eol: '\r\n', nfd: 'none' },
  { label: 'CR', bom: false, eol: '\r', nfd: 'none' },
  { label: 'BOM + CRLF', bom: true, eol: '\r\n', nfd: 'none' },
  { label: 'NFD', bom: false, eol: '\n', nfd: 'all' },
  { label: 'BOM + CRLF + NFD every other line', bom: true, eol: '\r\n', nfd: 'alternate' },
];

/** The text of a file in this variant, BOM included. */
export function render(text: string, variant: Variant): string {
  const lines = text.split('\n').map((line, index) => (variant.nfd === 'all' || (variant.nfd === 'alternate' && index % 2 === 1) ? line.normalize('NFD') : line));
  return (variant.bom ? '\ufeff' : '') + lines.join(variant.eol);
}

/** Line-end bytes of a text, in order: what a fix must not change outside its range. */
export function lineEnds(text: string): string[] {
  return text.match(/\r\n|\r|\n/g) ?? [];
}
