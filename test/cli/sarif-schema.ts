import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';

/**
 * The SARIF 2.1.0 JSON schema (`sarif-2.1.0-rtm.5.json`, vendored from the npm package
 * @microsoft/jest-sarif 1.0.0-beta.0). It is draft-04: Ajv 8 reads it once the draft-04 `id`
 * is renamed `$id` (the schema uses no other draft-04-only keyword). Formats `uri`,
 * `uri-reference` and `date-time` are checked by small patterns. `unicodeRegExp: false`: the schema's
 * `language` pattern has a stray `]`, legal in a plain RegExp but not with the `u` flag.
 */
export function sarifValidator(): (value: unknown) => { valid: boolean; errors: string } {
  const schema = JSON.parse(readFileSync(new URL('./schemas/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat('uri-reference', /^[^\s]*$/);
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  const validate = ajv.compile(schema);
  return (value) => {
    const valid = validate(value) as boolean;
    return { valid, errors: ajv.errorsText(validate.errors, { separator: '\n' }) };
  };
}
