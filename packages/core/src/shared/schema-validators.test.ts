import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations.
import { generateValidatorSource } from '../../schemas/generate-validators.mjs';
import { configSchemaValidator, packSchemaValidator } from './schema-validators.js';

describe('precompiled schema validators', () => {
  it('are up to date with the schemas (run node packages/core/schemas/generate-validators.mjs)', () => {
    const committed = readFileSync(new URL('./schema-validators.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(generateValidatorSource());
  });

  it('check packs and configs', () => {
    expect(packSchemaValidator({ name: 'so-gddt', version: '1.0.0' })).toBe(true);
    expect(packSchemaValidator({ name: 'Sở GDĐT', version: '1.0.0' })).toBe(false);
    expect(packSchemaValidator.errors?.[0].instancePath).toBe('/name');
    expect(configSchemaValidator({ rules: { 'duplicate-word': 'warn' } })).toBe(true);
    expect(configSchemaValidator({ rules: { 'duplicate-word': 'erorr' } })).toBe(false);
  });
});
