import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ErrorObject } from 'ajv';
import { PlanLintInputError } from './errors.js';

export interface JsonFile {
  filePath: string;
  text: string;
  value: unknown;
  /** The position-tracking tree, for error positions only: built on first use when JSON.parse read the file. */
  readonly tree: Node | undefined;
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The most items a top-level array may hold (a pack's "rules"), and the message when it holds more. */
export interface ItemLimit {
  max: number;
  message: (count: number, max: number) => string;
}

/**
 * Parses JSON (comments and trailing commas allowed, as VS Code allows them in config files); a syntax error names file:line:col.
 * `itemLimits` are checked on the text before the tree is built: building it for 50,000 rules took
 * seconds, and refusing them only then was needlessly slow.
 */
export function parseJsonFile(filePath: string, rawText: string, code: string, itemLimits: Readonly<Record<string, ItemLimit>> = {}): JsonFile {
  // Windows Notepad saves UTF-8 with a byte-order mark; editors do not count it as a column.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const bounds = scanBounds(text, itemLimits);
  if (bounds.tooDeep !== -1) {
    throw new PlanLintInputError(code, `JSON nested more than ${MAX_JSON_DEPTH} levels deep: no pack or config needs that; flatten the nested "all"/"any" conditions.`, {
      vi: `JSON lồng quá ${MAX_JSON_DEPTH} cấp: không bộ quy tắc hay cấu hình nào cần vậy; hãy làm phẳng các điều kiện "all"/"any" lồng nhau.`,
      filePath,
      ...lineColumnAt(text, bounds.tooDeep),
    });
  }
  if (bounds.overLimit) {
    const { key, count, firstOver } = bounds.overLimit;
    const limit = itemLimits[key];
    throw new PlanLintInputError(code, limit.message(count, limit.max), { filePath, ...lineColumnAt(text, firstOver) });
  }
  // Strict JSON (every built-in pack) goes through JSON.parse, several times faster than building the
  // tree; the tree is built only if an error needs a position. JSON with comments or trailing commas,
  // and any syntax error, take the tree path below, which words the error.
  const fast = strictJson(text);
  if (fast !== NOT_STRICT) return lazyTreeFile(filePath, text, fast);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, JSONC_OPTIONS);
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    const where = lineColumnAt(text, first?.offset ?? 0);
    const what = first ? printParseErrorCode(first.error) : 'empty file';
    throw new PlanLintInputError(code, `JSON syntax error (${what}): fix the file so that it is valid JSON.`, {
      vi: `lỗi cú pháp JSON (${what}): hãy sửa tệp cho đúng JSON.`,
      filePath,
      ...where,
    });
  }
  return { filePath, text, value: nodeValue(tree), tree };
}

const JSONC_OPTIONS = { allowTrailingComma: true, disallowComments: false };
const NOT_STRICT = Symbol('not strict JSON');

/**
 * JSON.parse's value, or NOT_STRICT. Strict JSON is a subset of what the tree parser accepts, with the
 * same values, except a "__proto__" key: JSON.parse makes it an own property where nodeValue's
 * assignment sets the prototype, so a text that could hold one (also \u-escaped) takes the tree path.
 */
function strictJson(text: string): unknown {
  if (text.includes('__proto__') || /\\u00(?:5f|6f|7[024])/i.test(text)) return NOT_STRICT;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_STRICT;
  }
}

function lazyTreeFile(filePath: string, text: string, value: unknown): JsonFile {
  let tree: Node | undefined | null = null;
  return {
    filePath,
    text,
    value,
    get tree() {
      if (tree === null) tree = parseTree(text, [], JSONC_OPTIONS);
      return tree;
    },
  };
}

// The JSON parser, the schema validator and json-rules-engine all recurse: thousands of nested
// conditions overflow the stack (test/hostile). Real packs nest fewer than 10 levels.
export const MAX_JSON_DEPTH = 64;

interface Bounds {
  /** Offset of the bracket that goes past MAX_JSON_DEPTH, or -1. */
  tooDeep: number;
  /** The first limited top-level array with too many items: its item count and where the first item over the limit starts. */
  overLimit?: { key: string; count: number; firstOver: number };
}

/**
 * One pass over the text, strings and comments skipped: the nesting depth, and the items of the
 * top-level arrays named in `itemLimits`. Only an exact key counts ("rules", not "\u0072ules"):
 * what this misses, the schema still refuses, only later.
 */
function scanBounds(text: string, itemLimits: Readonly<Record<string, ItemLimit>>): Bounds {
  let depth = 0;
  let rootIsObject = false;
  // The last string seen directly in the root object: the key of the value that follows it.
  let keyStart = -1;
  let keyEnd = -1;
  let counting: { key: string; max: number; count: number; firstOver: number } | undefined;
  let expectItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20) continue;
    if (expectItem && c !== 0x2f && c !== 0x5d && c !== 0x2c && counting) {
      // The first character of an item of the counted array (depth 2).
      expectItem = false;
      if (++counting.count === counting.max + 1) counting.firstOver = i;
    }
    if (c === 0x22) {
      // A string: skip to its closing quote, past escapes.
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
      if (depth === 1) {
        keyStart = start + 1;
        keyEnd = i;
      }
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (depth === 0) rootIsObject = c === 0x7b;
      if (++depth > MAX_JSON_DEPTH) return { tooDeep: i };
      if (c === 0x5b && depth === 2 && rootIsObject && keyEnd >= keyStart && keyStart >= 0) {
        const key = text.slice(keyStart, keyEnd);
        const limit = Object.hasOwn(itemLimits, key) ? itemLimits[key] : undefined;
        if (limit) {
          counting = { key, max: limit.max, count: 0, firstOver: -1 };
          expectItem = true;
        }
      }
    } else if (c === 0x5d || c === 0x7d) {
      if (depth === 2 && counting) {
        if (counting.count > counting.max) return { tooDeep: -1, overLimit: { key: counting.key, count: counting.count, firstOver: counting.firstOver } };
        counting = undefined;
        expectItem = false;
      }
      depth--;
    } else if (c === 0x2c && depth === 2 && counting) {
      expectItem = true;
    }
  }
  // A file cut off inside the counted array: still refused by its count, not by the slower parse.
  if (counting && counting.count > counting.max) return { tooDeep: -1, overLimit: { key: counting.key, count: counting.count, firstOver: counting.firstOver } };
  return { tooDeep: -1 };
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) out[String(key.value)] = nodeValue(value);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** `/rules/3/severity` → ['rules', 3, 'severity']. */
function pointerSegments(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Where in the file a JSON pointer points (the deepest node that exists); `key` prefers the property name to its value. */
export function positionOfPointer(file: JsonFile, pointer: string, key = false): { line: number; column: number } {
  let segments = pointerSegments(pointer);
  while (file.tree) {
    const node = findNodeAtLocation(file.tree, segments);
    if (node) {
      const at = key && node.parent?.type === 'property' ? node.parent : node;
      return lineColumnAt(file.text, at.offset);
    }
    if (segments.length === 0) break;
    segments = segments.slice(0, -1);
  }
  return { line: 1, column: 1 };
}

/** The first schema error as an input error at its line:col, with the JSON path and what is allowed. */
export function schemaError(file: JsonFile, errors: ErrorObject[], code: string, whatOf: string | ((instancePath: string) => string)): PlanLintInputError {
  const error = pickError(errors);
  const what = typeof whatOf === 'string' ? whatOf : whatOf(error.instancePath);
  const where = positionOfPointer(file, error.instancePath);
  const jsonPath = error.instancePath ? `$${error.instancePath.replace(/\//g, '.')}` : '$';
  let detail = error.message ?? 'is invalid';
  if (error.keyword === 'enum') detail += `: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'additionalProperties') detail += `: "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  return new PlanLintInputError(code, `${what} does not match its schema at ${jsonPath}: ${detail}.`, {
    vi: `${what === 'The config' ? 'Cấu hình' : what === 'The pack' ? 'Bộ quy tắc' : what} không khớp lược đồ (schema) tại ${jsonPath}: ${detail}.`,
    filePath: file.filePath,
    ...where,
  });
}

/** The most specific error: the deepest path, preferring enum/type errors over oneOf summaries. */
function pickError(errors: ErrorObject[]): ErrorObject {
  return [...errors].sort((a, b) => {
    const depth = b.instancePath.split('/').length - a.instancePath.split('/').length;
    if (depth !== 0) return depth;
    const rank = (e: ErrorObject) => (e.keyword === 'oneOf' || e.keyword === 'anyOf' ? 1 : 0);
    return rank(a) - rank(b);
  })[0];
}
