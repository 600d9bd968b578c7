import type { Engine } from 'json-rules-engine';
import { resolvePath } from './path-resolver.js';

/**
 * json-rules-engine's verdict on rules whose conditions are plain, worked out without Promises.
 *
 * The engine makes a Promise per condition and deep-clones every rule's conditions on every run:
 * for the built-in packs that was most of the engine's time and about half of what facts, governance
 * and rules allocated. A rule set whose every condition is plain gets the same answer from the
 * functions below (compiled once per rule set), which follow json-rules-engine 7.3.1 (rule.js, condition.js, almanac.js) step
 * by step; any other rule set (condition references, priorities, fact params, unknown operators,
 * anything unexpected) runs in the engine. plain-conditions.test.ts checks both agree.
 *
 * Plain: a boolean node has exactly one of `all`/`any` (an array) or `not` (a node); a leaf has a
 * string `fact`, a string `operator` the engine knows, a `value` (or a reference `{ fact, path }` to
 * another fact's value), and perhaps a string `path` and a `name`. Nothing else, and no `priority`
 * anywhere (so every list is one priority set, evaluated whole, as the engine does).
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

/** A rule's verdict on the facts of one run. */
export type CompiledRule = (facts: Record<string, unknown>) => boolean;

/**
 * The rules compiled to functions, when all their conditions are plain; else undefined (run them in
 * the engine). Compiled once per rule set: the operators are looked up and the shapes read once.
 */
export function compilePlainRules(conditions: readonly unknown[], engine: Engine): CompiledRule[] | undefined {
  const operators = (engine as unknown as { operators?: OperatorMap }).operators;
  if (!operators || typeof operators.get !== 'function') return undefined;
  if (!conditions.every((node) => isObject(node) && booleanKeyOf(node) !== undefined && isPlainNode(node, operators))) return undefined;
  return conditions.map((node) => {
    // rule.js processResult: the rule fires on a truthy result.
    const evaluate = compileBoolean(node as Node, operators);
    return (facts) => Boolean(evaluate(facts));
  });
}

type Evaluate = (facts: Record<string, unknown>) => unknown;

/** almanac.factValue: an undefined fact is undefined (allowUndefinedFacts); a path is read from objects only. */
function compileFactValue(reference: Node): Evaluate {
  const fact = reference.fact as string;
  const path = reference.path as string | undefined;
  return (facts) => {
    const value = Object.hasOwn(facts, fact) ? facts[fact] : undefined;
    if (value === undefined) return undefined;
    if (path && value !== null && typeof value === 'object') return resolvePath(value, path);
    return value;
  };
}

/** rule.js evaluateCondition: a boolean node passes only when its result is exactly true; a leaf gives the operator's result. */
function compileCondition(node: Node, operators: OperatorMap): Evaluate {
  if (booleanKeyOf(node) !== undefined) {
    const evaluate = compileBoolean(node, operators);
    return (facts) => evaluate(facts) === true;
  }
  const operator = operators.get(node.operator as string)!;
  const factValue = compileFactValue(node);
  if (isFactReference(node.value)) {
    const value = compileFactValue(node.value);
    return (facts) => operator.evaluate(factValue(facts), value(facts));
  }
  const value = node.value;
  return (facts) => operator.evaluate(factValue(facts), value);
}

/**
 * rule.js prioritizeAndRun with one priority set: an empty list is true, one condition is its own
 * result, and otherwise every condition is evaluated (as Promise.all does) before they are combined.
 * `not` negates its one condition.
 */
function compileBoolean(node: Node, operators: OperatorMap): Evaluate {
  const key = booleanKeyOf(node)!;
  if (key === 'not') {
    const condition = compileCondition(node.not as Node, operators);
    return (facts) => !condition(facts);
  }
  const list = (node[key] as Node[]).map((child) => compileCondition(child, operators));
  if (list.length === 0) return () => true;
  if (list.length === 1) return list[0];
  if (key === 'all') return (facts) => list.map((condition) => condition(facts)).every((result) => result === true);
  return (facts) => list.map((condition) => condition(facts)).some((result) => result === true);
}
