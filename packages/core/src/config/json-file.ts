import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ErrorObject } from 'ajv';
import { PlanLintInputError } from '../shared/errors.js';

export interface JsonFile {
  filePath: string;
  text: string;
  value: unknown;
  tree: Node | undefined;
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

/** Parses JSON (comments and trailing commas allowed, as VS Code allows them in config files); a syntax error names file:line:col. */
export function parseJsonFile(filePath: string, text: string, code: string): JsonFile {
  const tooDeep = firstTooDeep(text);
  if (tooDeep !== -1) {
    throw new PlanLintInputError(code, `JSON nested more than ${MAX_JSON_DEPTH} levels deep: no pack or config needs that; flatten the nested "all"/"any" conditions.`, {
      filePath,
      ...lineColumnAt(text, tooDeep),
    });
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    const where = lineColumnAt(text, first?.offset ?? 0);
    const what = first ? printParseErrorCode(first.error) : 'empty file';
    throw new PlanLintInputError(code, `JSON syntax error (${what}): fix the file so that it is valid JSON.`, {
      filePath,
      ...where,
    });
  }
  return { filePath, text, value: nodeValue(tree), tree };
}

// The JSON parser, the schema validator and json-rules-engine all recurse: thousands of nested
// conditions overflow the stack (test/hostile). Real packs nest fewer than 10 levels.
export const MAX_JSON_DEPTH = 64;

/** Offset of the bracket that goes past MAX_JSON_DEPTH (strings and comments skipped), or -1. */
function firstTooDeep(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote, past escapes.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return -1;
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
export function schemaError(file: JsonFile, errors: ErrorObject[], code: string, what: string): PlanLintInputError {
  const error = pickError(errors);
  const where = positionOfPointer(file, error.instancePath);
  const jsonPath = error.instancePath ? `$${error.instancePath.replace(/\//g, '.')}` : '$';
  let detail = error.message ?? 'is invalid';
  if (error.keyword === 'enum') detail += `: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'additionalProperties') detail += `: "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  return new PlanLintInputError(code, `${what} does not match its schema at ${jsonPath}: ${detail}.`, {
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
