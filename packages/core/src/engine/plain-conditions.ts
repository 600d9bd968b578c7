import type { Engine } from 'json-rules-engine';
import { resolvePath } from './path-resolver.js';

/**
 * json-rules-engine's verdict on rules whose conditions are plain, worked out without Promises.
 *
 * The engine makes a Promise per condition and deep-clones every rule's conditions on every run:
 * for the built-in packs that was most of the engine's time and a third of the memory a lint
 * allocates outside the parser. A rule set whose every condition is plain gets the same answer from
 * the functions below, which follow json-rules-engine 7.3.1 (rule.js, condition.js, almanac.js) step
 * by step; any other rule set (condition references, priorities, fact params, unknown operators,
 * anything unexpected) runs in the engine. plain-conditions.test.ts checks both agree.
 *
 * Plain: a boolean node has exactly one of `all`/`any` (an array) or `not` (a node); a leaf has a
 * string `fact`, a string `operator` the engine knows, a `value` (or a reference `{ fact, path }` to
 * another fact's value), and perhaps a string `path` and a `name`. Nothing else, and no `priority` anywhere (so every list is
 * one priority set, evaluated whole, as the engine does).
 */

interface Operator {
  evaluate(factValue: unknown, value: unknown): unknown;
}

interface OperatorMap {
  get(name: string): Operator | null | undefined;
}

type Node = Record<string, unknown>;

const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'path', 'name']);

function isObject(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function booleanKeyOf(node: Node): 'all' | 'any' | 'not' | undefined {
  const keys = Object.keys(node);
  const bool = keys.filter((key) => key === 'all' || key === 'any' || key === 'not');
  if (bool.length !== 1 || keys.some((key) => key !== bool[0] && key !== 'name')) return undefined;
  return bool[0] as 'all' | 'any' | 'not';
}

function isPlainNode(node: unknown, operators: OperatorMap): boolean {
  if (!isObject(node)) return false;
  const key = booleanKeyOf(node);
  if (key === 'all' || key === 'any') {
    const list = node[key];
    return Array.isArray(list) && list.every((child) => isPlainNode(child, operators));
  }
  if (key === 'not') return isPlainNode(node.not, operators);
  if (Object.keys(node).some((name) => !LEAF_KEYS.has(name))) return false;
  if (typeof node.fact !== 'string' || typeof node.operator !== 'string' || !Object.hasOwn(node, 'value')) return false;
  if (node.path !== undefined && typeof node.path !== 'string') return false;
  if (isFactReference(node.value) && !isPlainReference(node.value)) return false;
  return Boolean(operators.get(node.operator));
}

/** almanac.getValue: a value `{ fact: … }` (an object, even an array, with its own `fact`) names a fact to read. */
function isFactReference(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'fact');
}

/** A reference with a string fact and perhaps a string path, and nothing else. */
function isPlainReference(value: Node): boolean {
  return (
    !Array.isArray(value) &&
    Object.keys(value).every((key) => key === 'fact' || key === 'path') &&
    typeof value.fact === 'string' &&
    (value.path === undefined || typeof value.path === 'string')
  );
}

/** The rules' conditions, when all of them are plain; else undefined (run them in the engine). */
export function plainConditions(conditions: readonly unknown[], engine: Engine): { operators: OperatorMap } | undefined {
  const operators = (engine as unknown as { operators?: OperatorMap }).operators;
  if (!operators || typeof operators.get !== 'function') return undefined;
  return conditions.every((node) => isObject(node) && booleanKeyOf(node) !== undefined && isPlainNode(node, operators))
    ? { operators }
    : undefined;
}

/** almanac.factValue: an undefined fact is undefined (allowUndefinedFacts); a path is read from objects only. */
function factValue(facts: Record<string, unknown>, leaf: Node): unknown {
  const value = Object.hasOwn(facts, leaf.fact as string) ? facts[leaf.fact as string] : undefined;
  if (value === undefined) return undefined;
  const path = leaf.path as string | undefined;
  if (path && value !== null && typeof value === 'object') return resolvePath(value, path);
  return value;
}

/** rule.js evaluateCondition: a boolean node passes only when its result is exactly true; a leaf gives the operator's result. */
function evaluateCondition(node: Node, facts: Record<string, unknown>, operators: OperatorMap): unknown {
  const key = booleanKeyOf(node);
  if (key === undefined) {
    const value = isFactReference(node.value) ? factValue(facts, node.value) : node.value;
    return operators.get(node.operator as string)!.evaluate(factValue(facts, node), value);
  }
  return evaluateBoolean(node, key, facts, operators) === true;
}

/** rule.js prioritizeAndRun with one priority set: an empty list is true, one condition is its own result. */
function evaluateList(list: Node[], method: 'every' | 'some', facts: Record<string, unknown>, operators: OperatorMap): unknown {
  if (list.length === 0) return true;
  if (list.length === 1) return evaluateCondition(list[0], facts, operators);
  // Every condition of the set is evaluated, as Promise.all does, before the results are combined.
  const results = list.map((child) => evaluateCondition(child, facts, operators));
  return method === 'every' ? results.every((result) => result === true) : results.some((result) => result === true);
}

function evaluateBoolean(node: Node, key: 'all' | 'any' | 'not', facts: Record<string, unknown>, operators: OperatorMap): unknown {
  if (key === 'all') return evaluateList(node.all as Node[], 'every', facts, operators);
  if (key === 'any') return evaluateList(node.any as Node[], 'some', facts, operators);
  return !evaluateCondition(node.not as Node, facts, operators);
}

/** Whether a rule with these (plain) conditions fires: the engine emits `success` for a truthy result. */
export function rulePasses(conditions: unknown, facts: Record<string, unknown>, operators: OperatorMap): boolean {
  const node = conditions as Node;
  return Boolean(evaluateBoolean(node, booleanKeyOf(node)!, facts, operators));
}
