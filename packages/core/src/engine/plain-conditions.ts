import type { EvaluatingOperator } from './operators.js';
import { DATE_FACT, shiftDate } from './date-fact.js';
import { resolvePath } from './path-resolver.js';

/**
 * json-rules-engine's verdict on rules whose conditions are plain, worked out without Promises.
 *
 * The engine makes a Promise per condition and deep-clones every rule's conditions on every run:
 * for the built-in packs that was most of the engine's time. A rule set whose every condition is
 * plain gets the same answer from the functions below (compiled once per rule set), which follow
 * json-rules-engine 7.3.1 (rule.js, condition.js, almanac.js) step by step and call the same
 * `Operator` objects the engine was given (operators.ts); any other rule set (condition references,
 * priorities, operator decorators, anything unexpected) runs in the engine. evaluator.test.ts checks
 * that both agree on every shipped pack and fixture and on thousands of random condition trees.
 *
 * Plain: a boolean node has exactly one of `all`/`any` (an array) or `not` (a node); a leaf has a
 * string `fact`, a string `operator` of operators.ts, a `value` (or a reference `{ fact, path }` to
 * another fact's value), and perhaps a string `path` and a `name`; the `date` fact also takes
 * `params`. Nothing else, and no `priority` anywhere (so every list is one priority set, evaluated
 * whole, as the engine does).
 */

type OperatorMap = ReadonlyMap<string, EvaluatingOperator>;

type Node = Record<string, unknown>;

const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'path', 'name', 'params']);

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
  if (!isPlainReference(node)) return false;
  if (isFactReference(node.value) && !isPlainReference(node.value)) return false;
  return operators.has(node.operator);
}

/** almanac.getValue: a value `{ fact: … }` (an object, even an array, with its own `fact`) names a fact to read. */
function isFactReference(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'fact');
}

const REFERENCE_KEYS = new Set(['fact', 'path', 'params', 'operator', 'value', 'name']);

/**
 * A string fact and perhaps a string path; `params` only on the `date` fact, with a plain reference
 * and a whole number of days (the engine would hand other params to a constant fact, which ignores them).
 */
function isPlainReference(value: Node): boolean {
  if (Array.isArray(value) || typeof value.fact !== 'string') return false;
  if (value.path !== undefined && typeof value.path !== 'string') return false;
  if (Object.keys(value).some((key) => !REFERENCE_KEYS.has(key))) return false;
  if (value.fact === DATE_FACT) {
    const params = value.params;
    if (!isObject(params) || !Object.keys(params).every((key) => key === 'fact' || key === 'path' || key === 'days')) return false;
    if (typeof params.fact !== 'string' || params.fact === DATE_FACT) return false;
    if (params.path !== undefined && typeof params.path !== 'string') return false;
    return params.days === undefined || Number.isInteger(params.days);
  }
  return value.params === undefined;
}

/** A rule's verdict on the facts of one run. */
export type CompiledRule = (facts: Record<string, unknown>) => boolean;

/**
 * The rules compiled to functions, when all their conditions are plain; else undefined (run them in
 * the engine). Compiled once per rule set: the operators are looked up and the shapes read once.
 */
export function compilePlainRules(conditions: readonly unknown[], operators: OperatorMap): CompiledRule[] | undefined {
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
  const read: Evaluate =
    fact === DATE_FACT ? compileDateFact(reference.params as Node) : (facts) => (Object.hasOwn(facts, fact) ? facts[fact] : undefined);
  return (facts) => {
    const value = read(facts);
    if (value === undefined) return undefined;
    if (path && value !== null && typeof value === 'object') return resolvePath(value, path);
    return value;
  };
}

/** date-fact.ts: the date at another fact's path, shifted by whole days. */
function compileDateFact(params: Node): Evaluate {
  const base = compileFactValue({ fact: params.fact, path: params.path });
  const days = (params.days as number | undefined) ?? 0;
  return (facts) => shiftDate(base(facts), days);
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
