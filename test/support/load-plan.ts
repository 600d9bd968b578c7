import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeBytes, parsePlan, type PlanDocument } from '@plan-lint/core';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const seedFiles = [
  '000_4996ab619162ff16',
  '001_b75ea42580e22e9e',
  '002_eb56f502ee18d6dc',
  '003_b27ce499e714ffb3',
  '004_e583f4aa35644512',
] as const;

/** Parses a fixture the way the CLI does: strict decoding, format from the extension. */
export function parseFixture(relativePath: string): PlanDocument {
  const bytes = readFileSync(new URL(relativePath, `file://${repoRoot}`));
  return parsePlan(decodeBytes(bytes, relativePath), { format: relativePath.endsWith('.md') ? 'markdown' : 'text' });
}
