import { Operator } from 'json-rules-engine';
import { RE2JS } from 're2js';
import { rememberedBy } from '../shared/remember.js';

/**
 * Every operator a pack may name, as json-rules-engine `Operator`s. The engine gets each through
 * `addOperator` (the built-in names too, with json-rules-engine 7.3.1's own callbacks and fact
 * validators), and the compiled fast path (plain-conditions.ts) calls the very same objects: the two
 * cannot disagree on an operator, and neither reads the library's private fields.
 */

const isIso = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** `--11-15` (a day of any year, ISO 8601): compared with a full date by month and day only. */
const YEARLESS = /^--\d{2}-\d{2}$/;
const FULL = /^\d{4}-\d{2}-\d{2}$/;

/** The two dates in one comparable form: month-day when either has no year, else as written. */
function comparable(a: string, b: string): [string, string] {
  const aYearless = YEARLESS.test(a);
  const bYearless = YEARLESS.test(b);
  if (aYearless === bYearless) return [a, b];
  if (aYearless && FULL.test(b)) return [a.slice(2), b.slice(5)];
  if (bYearless && FULL.test(a)) return [a.slice(5), b.slice(2)];
  return [a, b];
}

function compareDates(fact: unknown, value: unknown): number | undefined {
  if (!isIso(fact) || !isIso(value)) return undefined;
  const [a, b] = comparable(fact, value);
  return a < b ? -1 : a > b ? 1 : 0;
}

function inRange(value: unknown, range: unknown): boolean | undefined {
  if (!isIso(value) || !range || typeof range !== 'object') return undefined;
  const { from, to } = range as { from?: unknown; to?: unknown };
  if (!isIso(from) || !isIso(to)) return undefined;
  const afterFrom = compareDates(value, from)! >= 0;
  const beforeTo = compareDates(value, to)! <= 0;
  // A yearless range that wraps the new year (--12-15 … --01-15).
  if (YEARLESS.test(from) && YEARLESS.test(to) && from > to) return afterFrom || beforeTo;
  return afterFrom && beforeTo;
}

/** Patterns compiled once: packs are few, plans many. RE2 semantics, so matching is linear in the text. */
const patterns = new Map<string, RE2JS | null>();

export function compilePattern(source: string): RE2JS {
  const cached = patterns.get(source);
  if (cached) return cached;
  if (cached === null) throw new Error(`not a valid regular expression: ${source}`);
  try {
    const compiled = RE2JS.compile(source);
    if (patterns.size >= 512) patterns.clear();
    patterns.set(source, compiled);
    return compiled;
  } catch (error) {
    patterns.set(source, null);
    throw error;
  }
}

/** Why a pattern does not compile (RE2 syntax), or undefined when it does. */
export function patternError(source: unknown): string | undefined {
  if (typeof source !== 'string') return 'the pattern must be a string';
  try {
    compilePattern(source);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Each pattern's verdicts on the short texts it is asked about (a symbol, a doc type, a recipient
 * line): they repeat from citation to citation and plan to plan, and re2js is slow to set up a match.
 */
const verdictsOf = new Map<RE2JS, (text: string) => boolean>();

function matches(fact: unknown, value: unknown): boolean | undefined {
  if (typeof fact !== 'string' || typeof value !== 'string') return undefined;
  let pattern: RE2JS;
  try {
    pattern = compilePattern(value);
  } catch {
    return undefined;
  }
  let verdict = verdictsOf.get(pattern);
  if (!verdict) {
    verdict = rememberedBy((text) => pattern.matcher(text).find());
    // Patterns are as many as compilePattern keeps (it starts again past 512).
    if (verdictsOf.size >= 512) verdictsOf.clear();
    verdictsOf.set(pattern, verdict);
  }
  return verdict(fact);
}

function numberValidator(factValue: unknown): boolean {
  return Number.parseFloat(factValue as string).toString() !== 'NaN';
}

type Callback = (fact: any, value: any) => boolean;

/** json-rules-engine 7.3.1's defaults (engine-default-operators.js), same callbacks, same validators. */
const builtIn: Array<[string, Callback, ((fact: unknown) => boolean)?]> = [
  ['equal', (a, b) => a === b],
  ['notEqual', (a, b) => a !== b],
  ['in', (a, b) => b.indexOf(a) > -1],
  ['notIn', (a, b) => b.indexOf(a) === -1],
  ['contains', (a, b) => a.indexOf(b) > -1, Array.isArray],
  ['doesNotContain', (a, b) => a.indexOf(b) === -1, Array.isArray],
  ['lessThan', (a, b) => a < b, numberValidator],
  ['lessThanInclusive', (a, b) => a <= b, numberValidator],
  ['greaterThan', (a, b) => a > b, numberValidator],
  ['greaterThanInclusive', (a, b) => a >= b, numberValidator],
];

/**
 * plan-lint's own. Dates are ISO 8601 strings (`2024-06-05`, or `--11-15` for a day of any year, which
 * is compared with a full date by month and day). A missing side makes every date, text and number
 * operator false, and its negation false too: a rule never fires on a fact the plan lacks.
 */
const own: Array<[string, Callback]> = [
  ['dateBefore', (fact, value) => compareDates(fact, value)! < 0],
  ['dateOnOrBefore', (fact, value) => compareDates(fact, value)! <= 0],
  ['dateAfter', (fact, value) => compareDates(fact, value)! > 0],
  ['dateOnOrAfter', (fact, value) => compareDates(fact, value)! >= 0],
  ['withinRange', (fact, value) => inRange(fact, value) === true],
  ['notWithinRange', (fact, value) => inRange(fact, value) === false],
  ['matches', (fact, value) => matches(fact, value) === true],
  ['notMatches', (fact, value) => matches(fact, value) === false],
  ['yearEquals', (fact, value) => typeof fact === 'number' && fact === value],
  ['yearDiffers', (fact, value) => typeof fact === 'number' && typeof value === 'number' && fact !== value],
  ['isEmpty', (fact) => fact === undefined || fact === null || (Array.isArray(fact) && fact.length === 0)],
  ['notEmpty', (fact) => (Array.isArray(fact) ? fact.length > 0 : fact !== undefined && fact !== null)],
];

// `compareDates(...)! < 0` with undefined is `undefined < 0` = false: a missing date is never before or after.

/** `Operator.evaluate` (validator, then callback) is public in json-rules-engine but missing from its typings. */
export type EvaluatingOperator = Operator & { evaluate(factValue: unknown, value: unknown): boolean };

export const operators: ReadonlyMap<string, EvaluatingOperator> = new Map(
  [...builtIn.map(([name, cb, validator]) => new Operator(name, cb, validator)), ...own.map(([name, cb]) => new Operator(name, cb))].map(
    (operator) => [operator.name, operator as EvaluatingOperator],
  ),
);

export const operatorNames = [...operators.keys()];
