import type { Position } from '../parse/ast.js';
import type { Diagnostic, FixRecord, Locale } from './diagnostic.js';
import type { FindingData, PlanFacts, Suggestion } from '../facts/types.js';
import { formatDate } from '../facts/text.js';
import { Evaluator, ITEM_FACT, type EvaluatedRule } from './evaluator.js';
import { checksOf, type LocalizedText, type RuleEventParams } from './pack-types.js';
import type { EffectiveRule, RuleSet } from './rule-set.js';
import { fillTemplate, placeholdersOf } from '../shared/template.js';
import { flatCopy } from '../shared/remember.js';

/** The edits a firing offers: a fix (applied when the rule is fixable) and suggestions. */
interface Found {
  fix?: FixRecord;
  suggestions?: Suggestion[];
}

/** The evaluator of each rule set, built once and reused for every plan. */
interface Prepared {
  evaluator: Evaluator;
  /** Evaluated rule → the rule and the check (its conditions and event) it came from. */
  checks: Array<{ effective: EffectiveRule; params: RuleEventParams }>;
}

const prepared = new Map<string, Prepared>();
const MAX_CACHED_RULE_SETS = 32;

function prepare(ruleSet: RuleSet): Prepared {
  let found = prepared.get(ruleSet.key);
  if (found) return found;
  const rules: EvaluatedRule[] = [];
  const checks: Prepared['checks'] = [];
  for (const effective of ruleSet.rules) {
    for (const check of checksOf(effective.rule)) {
      rules.push({ id: effective.rule.id, conditions: check.conditions, forEach: check.forEach });
      checks.push({ effective, params: check.event.params });
    }
  }
  found = { evaluator: new Evaluator(rules), checks };
  if (prepared.size >= MAX_CACHED_RULE_SETS) prepared.delete(prepared.keys().next().value as string);
  prepared.set(ruleSet.key, found);
  return found;
}

/** What the rules read: the facts, the parent as `{}` when there is none (paths into it are then undefined), the text. */
export function runFactsOf(facts: PlanFacts): Record<string, unknown> {
  return { ...facts, parent: facts.parent ?? {}, text: facts.text } as unknown as Record<string, unknown>;
}

/** Dotted path → its names: packs name few paths, read on every firing. */
const pathNames = new Map<string, string[]>();

/** What a firing's paths read: the run's facts, and under `item` the item it fired on (`forEach`). */
interface Scope {
  facts: Record<string, unknown>;
  item?: Record<string, unknown>;
}

/** The value at a dotted path of the scope, as if the item were set on (a copy of) the facts. */
function valueAtPath(scope: Scope, dotted: string): unknown {
  let names = pathNames.get(dotted);
  if (names === undefined) pathNames.set(dotted, (names = dotted.split('.')));
  let value: unknown = names[0] === ITEM_FACT && scope.item ? scope.item : scope.facts[names[0]];
  for (let index = 1; index < names.length; index++) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[names[index]];
  }
  return value;
}

function isPosition(value: unknown): value is Position {
  return Boolean(value && typeof value === 'object' && 'start' in value && 'end' in value);
}

/** The first of the paths that holds a position: `at` may name a narrower place and its fallbacks. */
function firstPosition(scope: Scope, at: string | string[]): unknown {
  for (const path of Array.isArray(at) ? at : [at]) {
    const value = valueAtPath(scope, path);
    if (isPosition(value)) return value;
  }
  return undefined;
}

function isFix(value: unknown): value is FixRecord {
  const range = (value as FixRecord | null)?.range;
  return Array.isArray(range) && range.length === 2 && typeof (value as FixRecord).text === 'string';
}

/** Runs the rule set over the facts once, and turns each firing into diagnostics. */
export async function runRules(ruleSet: RuleSet, facts: PlanFacts, locale: Locale): Promise<Diagnostic[]> {
  if (ruleSet.rules.length === 0) return [];
  const { evaluator, checks } = prepare(ruleSet);
  const runFacts = runFactsOf(facts);
  const firings = await evaluator.evaluate(runFacts, facts);
  const diagnostics: Diagnostic[] = [];
  for (const firing of firings) {
    const { effective, params } = checks[firing.rule];
    const rule = effective.rule;
    const message = (messageId: string, data: FindingData | undefined) => {
      const text = rule.messages[messageId];
      return fillTemplate(text?.[locale] ?? text?.vi ?? messageId, data);
    };
    const report = (position: Position, finding: Found, data: FindingData | undefined) => {
      const messageId = params.messageId;
      const diagnostic: Diagnostic = {
        ruleId: rule.id,
        messageId,
        severity: effective.severity,
        message: message(messageId, data),
        position,
        docsUrl: effective.docsUrl,
        pack: effective.pack,
      };
      if (data) diagnostic.data = data;
      if (finding?.fix && rule.fixable) diagnostic.fix = finding.fix;
      if (finding?.suggestions?.length) {
        diagnostic.suggestions = finding.suggestions.map((suggestion) => ({
          messageId: suggestion.messageId,
          message: message(suggestion.messageId, suggestion.data),
          fix: suggestion.fix,
        }));
      }
      diagnostics.push(diagnostic);
    };
    const scope: Scope = { facts: runFacts, item: firing.item };
    const at = params.at ? firstPosition(scope, params.at) : firing.item ? firing.item.position : undefined;
    // An item without a position came from a generated node: it is never blamed (unist).
    if (firing.item && !isPosition(at)) continue;
    const position = isPosition(at) ? at : facts.anchor;
    const messageText = rule.messages[params.messageId];
    const allData = dataOf(params, scope, firing.item, namesOf(params, messageText).needed);
    const data = usedData(allData, params, messageText);
    const finding: Found = {};
    if (params.fix !== undefined) {
      if (typeof params.fix === 'string') {
        const fix = valueAtPath(scope, params.fix);
        if (isFix(fix)) finding.fix = fix;
      } else {
        finding.fix = { range: [position.start.offset, position.end.offset], text: fillTemplate(params.fix.replace, allData ?? {}) };
      }
    }
    if (params.suggestions) {
      const list = valueAtPath(scope, params.suggestions);
      if (Array.isArray(list)) finding.suggestions = list.filter((suggestion) => isFix(suggestion?.fix));
    }
    report(position, finding, data);
  }
  return diagnostics;
}

/**
 * What a diagnostic carries as `data`: the event's own `data`, and of an item's fields those its
 * message names (an item has many fields; a diagnostic keeps the values its message was built from).
 */
function usedData(data: FindingData | undefined, params: RuleEventParams, message: LocalizedText | undefined): FindingData | undefined {
  if (!data) return undefined;
  const names = namesOf(params, message).used;
  const used: FindingData = {};
  for (const name of names) if (name in data) used[name] = data[name];
  return used;
}

/**
 * The names of a check's data, worked out once per check and message: `used`, those its data and
 * its message use (what a diagnostic keeps); `needed`, those and the ones its fix's template fills
 * (what a firing copies from its item).
 */
interface CheckNames {
  used: Set<string>;
  needed: Set<string>;
}

const checkNames = new WeakMap<RuleEventParams, Map<LocalizedText | undefined, CheckNames>>();

function namesOf(params: RuleEventParams, message: LocalizedText | undefined): CheckNames {
  let byMessage = checkNames.get(params);
  if (!byMessage) checkNames.set(params, (byMessage = new Map()));
  let names = byMessage.get(message);
  if (!names) {
    const used = new Set(Object.keys(params.data ?? {}));
    for (const text of Object.values(message ?? {})) {
      for (const name of placeholdersOf(text)) used.add(name);
    }
    const needed = new Set(used);
    if (params.fix !== undefined && typeof params.fix !== 'string') for (const name of placeholdersOf(params.fix.replace)) needed.add(name);
    byMessage.set(message, (names = { used, needed }));
  }
  return names;
}

/** A group's number as a placeholder (`{1}` is the first group), else 0. */
function groupNumber(name: string): number {
  return /^[1-9]\d*$/.test(name) ? Number(name) : 0;
}

/** One `data` reference: a dotted fact path, perhaps with `|date`; a list of strings is joined with commas. */
function dataValue(scope: Scope, reference: string): string | number | undefined {
  const bar = reference.indexOf('|');
  let value = valueAtPath(scope, bar === -1 ? reference : reference.slice(0, bar));
  if (bar !== -1 && reference.slice(bar + 1) === 'date' && typeof value === 'string') value = formatDate(value);
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string' || typeof entry === 'number')) value = value.join(', ');
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/**
 * A message's placeholders: an item's own strings and numbers (and a match's groups as `{1}`, `{2}` …),
 * then the event's `data` (name → dotted fact path; `item.…` on a `forEach` rule; `…|date` writes an ISO
 * date as people do, 05/03/2020; a list of references gives fallbacks). A value that is not there is
 * written as nothing.
 */
function dataOf(
  params: RuleEventParams,
  scope: Scope,
  item: Record<string, unknown> | undefined,
  /** The names the caller reads: an item has many fields, of which only these are copied. */
  needed: ReadonlySet<string>,
): FindingData | undefined {
  let data: FindingData | undefined;
  if (item) {
    data = {};
    const groups = Array.isArray(item.groups) ? item.groups : undefined;
    for (const name of needed) {
      const value = item[name];
      if ((typeof value === 'string' || typeof value === 'number') && Object.prototype.propertyIsEnumerable.call(item, name)) data[name] = value;
      const group = groups ? groupNumber(name) : 0;
      if (group > 0 && group <= groups!.length && typeof groups![group - 1] === 'string') data[name] = groups![group - 1] as string;
    }
  }
  if (params.data) {
    data ??= {};
    for (const [name, references] of Object.entries(params.data)) {
      data[name] = '';
      // A list names a value and its fallbacks: the first that is there.
      for (const reference of Array.isArray(references) ? references : [references]) {
        const value = dataValue(scope, reference);
        if (value !== undefined && value !== '') {
          data[name] = value;
          break;
        }
      }
    }
  }
  // A report keeps its findings to the end of the run: a value sliced from the plan's text would
  // keep each plan's text (one more copy than the report's) alive with it, 38 KB a plan.
  if (data) for (const name in data) if (typeof data[name] === 'string') data[name] = flatCopy(data[name] as string);
  return data;
}
