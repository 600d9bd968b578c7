import type { EvaluatingOperator } from './operators.js';
import { DATE_FACT, shiftDate } from './date-fact.js';
import { compilePath } from './path-resolver.js';

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

/**
 * A rule's verdict on the facts of one run, and the item of a `forEach` run: the value of the fact
 * named `itemFact` (compilePlainRules), handed over as it is rather than set on a copy of the facts.
 */
export type CompiledRule = (facts: Record<string, unknown>, item?: object) => boolean;

/**
 * The rules compiled to functions, when all their conditions are plain; else undefined (run them in
 * the engine). Compiled once per rule set: the operators are looked up and the shapes read once.
 */
export function compilePlainRules(conditions: readonly unknown[], operators: OperatorMap, itemFact = 'item'): CompiledRule[] | undefined {
  if (!conditions.every((node) => isObject(node) && booleanKeyOf(node) !== undefined && isPlainNode(node, operators))) return undefined;
  const context: Context = { operators, itemFact };
  return conditions.map((node) => {
    // rule.js processResult: the rule fires on a truthy result.
    const evaluate = compileBoolean(node as Node, context).evaluate;
    return (facts, item) => Boolean(evaluate(facts, item));
  });
}

/** What compiling needs besides a node: the operators, and the fact that holds a `forEach` item. */
interface Context {
  operators: OperatorMap;
  itemFact: string;
}

type Evaluate = (facts: Record<string, unknown>, item: object | undefined) => unknown;

/**
 * A compiled condition, and whether it can throw. The engine evaluates every condition of a list
 * (Promise.all) and a throw rejects the run; a list whose conditions cannot throw may stop at the
 * first that decides it, with the same verdict.
 */
interface Compiled {
  evaluate: Evaluate;
  total: boolean;
}

/**
 * Operators that cannot throw whatever the fact, given the value: plan-lint's own (operators.ts:
 * they type-check both sides), equality, and those json-rules-engine guards with a fact validator
 * (`contains` checks for an array; the comparisons parse a number and compare with a value from JSON).
 * `in` and `notIn` call the value's `indexOf`: total only when the value is a fixed string or list.
 */
const TOTAL_OPERATORS = new Set([
  'equal',
  'notEqual',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'dateBefore',
  'dateOnOrBefore',
  'dateAfter',
  'dateOnOrAfter',
  'withinRange',
  'notWithinRange',
  'matches',
  'notMatches',
  'yearEquals',
  'yearDiffers',
  'isEmpty',
  'notEmpty',
]);

/** Days a `date` fact may shift by and stay inside JavaScript's dates (toISOString throws outside). */
const MAX_TOTAL_DAYS = 10_000_000;

/** almanac.factValue: an undefined fact is undefined (allowUndefinedFacts); a path is read from objects only. */
function compileFactValue(reference: Node, context: Context): Compiled {
  const fact = reference.fact as string;
  const path = typeof reference.path === 'string' && reference.path ? compilePath(reference.path) : undefined;
  const date = fact === DATE_FACT ? compileDateFact(reference.params as Node, context) : undefined;
  const own: Evaluate = (facts) => (Object.hasOwn(facts, fact) ? facts[fact] : undefined);
  // The item of a `forEach` run is the value of its fact, as if it were set on the facts.
  const read: Evaluate = date ? date.evaluate : fact === context.itemFact ? (facts, item) => (item !== undefined ? item : own(facts, item)) : own;
  const total = (path === undefined || path.simple) && (date === undefined || date.total);
  if (!path) return { evaluate: read, total };
  return {
    evaluate: (facts, item) => {
      const value = read(facts, item);
      if (value === undefined) return undefined;
      if (value !== null && typeof value === 'object') return path.read(value);
      return value;
    },
    total,
  };
}

/** date-fact.ts: the date at another fact's path, shifted by whole days. */
function compileDateFact(params: Node, context: Context): Compiled {
  const base = compileFactValue({ fact: params.fact, path: params.path }, context);
  const days = (params.days as number | undefined) ?? 0;
  return { evaluate: (facts, item) => shiftDate(base.evaluate(facts, item), days), total: base.total && Math.abs(days) <= MAX_TOTAL_DAYS };
}

/** rule.js evaluateCondition: a boolean node passes only when its result is exactly true; a leaf gives the operator's result. */
function compileCondition(node: Node, context: Context): Compiled {
  if (booleanKeyOf(node) !== undefined) {
    const compiled = compileBoolean(node, context);
    const evaluate = compiled.evaluate;
    return { evaluate: (facts, item) => evaluate(facts, item) === true, total: compiled.total };
  }
  const name = node.operator as string;
  const operator = context.operators.get(name)!;
  const factValue = compileFactValue(node, context);
  const readFact = factValue.evaluate;
  if (isFactReference(node.value)) {
    const value = compileFactValue(node.value, context);
    const readValue = value.evaluate;
    // A value read from the facts may be anything: only the operators that type-check it stay total.
    const total = factValue.total && value.total && TOTAL_OPERATORS.has(name) && !name.startsWith('lessThan') && !name.startsWith('greaterThan');
    return { evaluate: (facts, item) => operator.evaluate(readFact(facts, item), readValue(facts, item)), total };
  }
  const value = node.value;
  const total =
    factValue.total && (TOTAL_OPERATORS.has(name) || ((name === 'in' || name === 'notIn') && (typeof value === 'string' || Array.isArray(value))));
  return { evaluate: (facts, item) => operator.evaluate(readFact(facts, item), value), total };
}

/**
 * rule.js prioritizeAndRun with one priority set: an empty list is true, one condition is its own
 * result, and otherwise every condition is evaluated (as Promise.all does) before they are combined;
 * when none can throw, the first condition that decides the list ends it (the same verdict).
 * `not` negates its one condition.
 */
function compileBoolean(node: Node, context: Context): Compiled {
  const key = booleanKeyOf(node)!;
  if (key === 'not') {
    const condition = compileCondition(node.not as Node, context);
    const evaluate = condition.evaluate;
    return { evaluate: (facts, item) => !evaluate(facts, item), total: condition.total };
  }
  const compiled = (node[key] as Node[]).map((child) => compileCondition(child, context));
  const list = compiled.map((condition) => condition.evaluate);
  const total = compiled.every((condition) => condition.total);
  if (list.length === 0) return { evaluate: () => true, total };
  if (list.length === 1) return { evaluate: list[0], total };
  const all = key === 'all';
  if (total) {
    return {
      evaluate: all
        ? (facts, item) => {
            for (const condition of list) if (condition(facts, item) !== true) return false;
            return true;
          }
        : (facts, item) => {
            for (const condition of list) if (condition(facts, item) === true) return true;
            return false;
          },
      total,
    };
  }
  return {
    evaluate: (facts, item) => {
      let decided = false;
      for (const condition of list) if ((condition(facts, item) === true) !== all) decided = true;
      return all ? !decided : decided;
    },
    total,
  };
}
