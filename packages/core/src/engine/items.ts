import { compilePattern } from './operators.js';
import { resolvePath } from './path-resolver.js';
import type { Position } from '../parse/ast.js';
import { textSourceOf } from '../facts/text-fact.js';

/**
 * What a `forEach` rule runs over: the items of a list fact (`"citations"`, or `{ "fact": "sections",
 * "path": "$.list" }`), or each place a regular expression (RE2: linear time) matches the plan's text
 * or the text of its sections of one kind (`{ "match": "Lưu\\s+VT", "in": "plan" }`).
 */
export type ForEach = string | { fact: string; path?: string } | { match: string; in?: string };

/** A match item: the text matched, its groups and its place. */
export interface MatchItem {
  text: string;
  groups: string[];
  position: Position;
  [key: string]: unknown;
}

/** A pack is data: a pattern that matches everywhere cannot flood the report. */
export const MAX_MATCHES = 1000;

function matchItems(pattern: string, scope: string, planFacts: object): MatchItem[] {
  const source = textSourceOf(planFacts);
  if (!source) return [];
  const compiled = compilePattern(pattern);
  const items: MatchItem[] = [];
  for (const part of source.parts(scope)) {
    const matcher = compiled.matcher(part.text);
    let from = 0;
    while (items.length < MAX_MATCHES && from <= part.text.length && matcher.find(from)) {
      const start = matcher.start();
      const end = matcher.end();
      const groups: string[] = [];
      for (let group = 1; group <= matcher.groupCount(); group++) groups.push(matcher.group(group) ?? '');
      items.push({ text: matcher.group() ?? '', groups, position: source.position(part.start + start, part.start + end) });
      // An empty match moves on by one, as String.prototype.matchAll does.
      from = end > start ? end : end + 1;
    }
  }
  return items;
}

/** The items a `forEach` names on one plan: a list is its elements, an object is one item, else none. */
export function itemsOf(forEach: ForEach, facts: Record<string, unknown>, planFacts: object): Array<Record<string, unknown>> {
  if (typeof forEach === 'object' && 'match' in forEach) return matchItems(forEach.match, forEach.in ?? 'plan', planFacts);
  const fact = typeof forEach === 'string' ? forEach : forEach.fact;
  const path = typeof forEach === 'string' ? undefined : forEach.path;
  let value = Object.hasOwn(facts, fact) ? facts[fact] : undefined;
  if (path && value !== null && typeof value === 'object') value = resolvePath(value, path);
  if (Array.isArray(value)) return value.filter((item) => item !== null && typeof item === 'object');
  return value !== null && typeof value === 'object' ? [value as Record<string, unknown>] : [];
}
