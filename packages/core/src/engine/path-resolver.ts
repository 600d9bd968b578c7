import type { PathResolver } from 'json-rules-engine';
import { JSONPath } from 'jsonpath-plus';

/** `$.a.b`: names only, which JSONPath follows as plain own properties. */
const SIMPLE_PATH = /^\$(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/** What json-rules-engine 7.3.1's default resolver does (almanac.js), with the same jsonpath-plus version. */
function jsonPathResolver(value: object, path: string): unknown {
  return JSONPath({ path, json: value, wrap: false });
}

/** Path → its property names, or null when JSONPath must read it. Paths come from packs: few. */
const parsedPaths = new Map<string, string[] | null>();

function namesOf(path: string): string[] | null {
  let names = parsedPaths.get(path);
  if (names === undefined) {
    names = SIMPLE_PATH.test(path) ? path.slice(2).split('.') : null;
    parsedPaths.set(path, names);
  }
  return names;
}

/** Follows `names` as JSONPath does: a name only from a truthy value that has it as an own property. */
export function follow(value: unknown, names: readonly string[]): unknown {
  let current: unknown = value;
  for (const name of names) {
    if (!current || !Object.hasOwn(current, name)) return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}

/**
 * A condition's `path` read without jsonpath-plus when it is a plain `$.a.b`: jsonpath-plus throws and
 * catches an Error on every scalar it returns unwrapped, which made reading a path cost a stack trace.
 * It follows a name only from a truthy value that has it as an own property, as JSONPath does, and
 * gives undefined otherwise; any other path goes to JSONPath.
 */
export const resolvePath: PathResolver = (value: object, path: string) => {
  const names = namesOf(path);
  return names === null ? jsonPathResolver(value, path) : follow(value, names);
};

/** resolvePath for one path, parsed once (the compiled fast path reads the same path on every item). */
export function compilePath(path: string): { read: (value: object) => unknown; simple: boolean } {
  const names = namesOf(path);
  if (names === null) return { read: (value) => jsonPathResolver(value, path), simple: false };
  return { read: (value) => follow(value, names), simple: true };
}
