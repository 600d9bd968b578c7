import { Almanac, type PathResolver } from 'json-rules-engine';

/** `$.a.b`: names only, which JSONPath follows as plain own properties. */
const SIMPLE_PATH = /^\$(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/** json-rules-engine's own resolver (jsonpath-plus), for every path that is not a plain `$.a.b`. */
let jsonPathResolver: PathResolver | undefined;

/** An Almanac's resolver when none is given: json-rules-engine (pinned 7.3.1) exports it no other way. */
function defaultResolver(): PathResolver {
  const resolver = (new Almanac() as unknown as { pathResolver?: PathResolver }).pathResolver;
  if (typeof resolver !== 'function') throw new Error('plan-lint: json-rules-engine has no default path resolver');
  return resolver;
}

/** Path → its property names, or null when JSONPath must read it. Paths come from packs: few. */
const parsedPaths = new Map<string, string[] | null>();

/**
 * A condition's `path` read without jsonpath-plus when it is a plain `$.a.b`: jsonpath-plus throws and
 * catches an Error on every scalar it returns unwrapped, which made reading a path cost a stack trace.
 * It follows a name only from a truthy value that has it as an own property, as JSONPath does, and
 * gives undefined otherwise; any other path goes to JSONPath.
 */
export const resolvePath: PathResolver = (value: object, path: string) => {
  let names = parsedPaths.get(path);
  if (names === undefined) {
    names = SIMPLE_PATH.test(path) ? path.slice(2).split('.') : null;
    parsedPaths.set(path, names);
  }
  if (names === null) {
    jsonPathResolver ??= defaultResolver();
    return jsonPathResolver(value, path);
  }
  let current: unknown = value;
  for (const name of names) {
    if (!current || !Object.hasOwn(current, name)) return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
};
