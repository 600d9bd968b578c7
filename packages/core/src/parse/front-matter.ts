// Front matter of a Markdown plan is almost always a few flat `key: value` lines. Running the
// YAML library on them was ~10 % of parsePlan (--cpu-prof over the 1,000-plan corpus), so this
// reads exactly that flat case and leaves everything else to the YAML library: any line, key or
// value it is not sure of returns undefined, and the caller parses the whole body with YAML.

// A key that YAML reads as itself: no quoting, no flow or block indicators.
const FLAT_LINE = /^([A-Za-z_][A-Za-z0-9_]*): +(\S(?:.*\S)?)$/;
// Values starting with a letter or digit are plain scalars, unless they contain what ends or
// nests one (`: `, ` #`, a final `:`) or a character YAML refuses or treats specially.
const PLAIN_START = /^[\p{L}\p{N}]/u;
const NOT_PLAIN = /: | #|:$|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
// Plain scalars that the YAML 1.2 core schema (yaml 2.x `schema: 'core'`) does not read as strings:
// null, booleans, integers (decimal, 0o, 0x) and floats (with .inf and .nan).
const CORE_NON_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;
// A decimal integer that a JavaScript number holds exactly, as YAML returns it.
const SAFE_INTEGER = /^[0-9]{1,15}$/;

/** The flat front matter as YAML (core schema) would read it, or undefined when unsure. */
export function readFlatFrontMatter(body: string): Record<string, unknown> | undefined {
  if (body.length === 0) return undefined;
  const record: Record<string, unknown> = {};
  for (const line of body.split('\n')) {
    const match = FLAT_LINE.exec(line);
    if (!match) return undefined;
    const [, key, raw] = match;
    // Keys YAML would resolve to another type, keys of Object.prototype and repeated keys.
    if (CORE_NON_STRING.test(key) || key in record || key in Object.prototype) return undefined;
    if (!PLAIN_START.test(raw) || NOT_PLAIN.test(raw)) return undefined;
    if (SAFE_INTEGER.test(raw)) record[key] = Number(raw);
    else if (CORE_NON_STRING.test(raw)) return undefined;
    else record[key] = raw;
  }
  return record;
}
