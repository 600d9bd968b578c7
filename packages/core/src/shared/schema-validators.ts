import type { ErrorObject } from 'ajv';
import { validateConfig, validatePack, validateRule, validateWaivers } from './schema-validators.generated.js';

/** A compiled JSON Schema check; `errors` holds Ajv's errors after a failed call. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** schemas/pack.schema.json, compiled ahead of time (schemas/generate-validators.mjs). */
export const packSchemaValidator = validatePack as unknown as SchemaValidator;
/** schemas/rule.schema.json: one rule in a folder of its own (rules/<pack>/<rule-id>/rule.json). */
export const ruleSchemaValidator = validateRule as unknown as SchemaValidator;
/** schemas/config.schema.json, compiled ahead of time (schemas/generate-validators.mjs). */
export const configSchemaValidator = validateConfig as unknown as SchemaValidator;
/** schemas/waivers.schema.json (plan-lint.waivers.json), compiled ahead of time. */
export const waiversSchemaValidator = validateWaivers as unknown as SchemaValidator;
