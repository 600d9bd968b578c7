import type { Position } from '../parse/ast.js';
import type { Diagnostic, FixRecord, Locale } from './diagnostic.js';
import type { Finding, FindingData, Flaggable, PlanFacts } from '../facts/types.js';
import { formatDate } from '../facts/text.js';
import { Evaluator, type EvaluatedRule } from './evaluator.js';
import { checksOf, type RuleEventParams } from './pack-types.js';
import type { EffectiveRule, RuleSet } from './rule-set.js';
import { fillTemplate } from '../shared/template.js';

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

function valueAtPath(root: unknown, dotted: string): unknown {
  let value: unknown = root;
  for (const part of dotted.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function isPosition(value: unknown): value is Position {
  return Boolean(value && typeof value === 'object' && 'start' in value && 'end' in value);
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
    const report = (position: Position, finding: Finding | undefined, data: FindingData | undefined) => {
      const requested = finding?.messageId;
      const messageId = requested && rule.messages[requested] ? requested : params.messageId;
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
    if (params.items) {
      // A flag set by a check of the core (being retired: facts observe, packs judge).
      const value = (facts as unknown as Record<string, unknown>)[params.items.fact];
      const list = (Array.isArray(value) ? value : value ? [value] : []) as Flaggable[];
      for (const item of list) {
        const found = item.issues?.[params.items.flag];
        if (!found) continue;
        for (const finding of Array.isArray(found) ? found : [found]) {
          const position = finding.position ?? item.position ?? (Array.isArray(value) ? undefined : facts.anchor);
          // An item of a list without a position came from a generated node: it is never blamed (unist).
          if (position) report(position, finding, finding.data);
        }
      }
      continue;
    }
    const scope = firing.item ? { ...runFacts, item: firing.item } : runFacts;
    const at = params.at ? valueAtPath(scope, params.at) : firing.item ? firing.item.position : undefined;
    // An item without a position came from a generated node: it is never blamed (unist).
    if (firing.item && !isPosition(at)) continue;
    const position = isPosition(at) ? at : facts.anchor;
    const data = dataOf(params, scope, firing.item);
    const finding: Finding = {};
    if (params.fix !== undefined) {
      if (typeof params.fix === 'string') {
        const fix = valueAtPath(scope, params.fix);
        if (isFix(fix)) finding.fix = fix;
      } else {
        finding.fix = { range: [position.start.offset, position.end.offset], text: fillTemplate(params.fix.replace, data ?? {}) };
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
 * A message's placeholders: an item's own strings and numbers (and a match's groups as `{1}`, `{2}` …),
 * then the event's `data` (name → dotted fact path; `item.…` on a `forEach` rule; `…|date` writes an ISO
 * date as people do, 05/03/2020). A list of strings is joined with commas; on a `forEach` rule a missing
 * value is written as nothing.
 */
function dataOf(params: RuleEventParams, scope: Record<string, unknown>, item: Record<string, unknown> | undefined): FindingData | undefined {
  let data: FindingData | undefined;
  if (item) {
    data = {};
    for (const [name, value] of Object.entries(item)) if (typeof value === 'string' || typeof value === 'number') data[name] = value;
    if (Array.isArray(item.groups)) item.groups.forEach((group, index) => typeof group === 'string' && (data![String(index + 1)] = group));
  }
  if (params.data) {
    data ??= {};
    for (const [name, reference] of Object.entries(params.data)) {
      const bar = reference.indexOf('|');
      const factPath = bar === -1 ? reference : reference.slice(0, bar);
      let value = valueAtPath(scope, factPath);
      if (bar !== -1 && reference.slice(bar + 1) === 'date' && typeof value === 'string') value = formatDate(value);
      if (Array.isArray(value) && value.every((entry) => typeof entry === 'string' || typeof entry === 'number')) value = value.join(', ');
      if (typeof value === 'string' || typeof value === 'number') data[name] = value;
      else if (item) data[name] = '';
    }
  }
  return data;
}
