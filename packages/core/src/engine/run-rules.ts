import { Engine } from 'json-rules-engine';
import type { Position } from '../parse/ast.js';
import type { Diagnostic, Locale } from '../report/diagnostic.js';
import type { Finding, FindingData, Flaggable, PlanFacts } from '../facts/types.js';
import { customOperators } from './operators.js';
import type { EffectiveRule, RuleSet } from './rule-set.js';

/** Engines are built once per rule set: building one is far dearer than running it (performance.md). */
const engines = new Map<string, { engine: Engine; byId: Map<string, EffectiveRule> }>();
const MAX_CACHED_ENGINES = 32;

function engineFor(ruleSet: RuleSet) {
  let cached = engines.get(ruleSet.key);
  if (cached) return cached;
  const engine = new Engine([], { allowUndefinedFacts: true, allowUndefinedConditions: false });
  for (const [name, evaluate] of customOperators) engine.addOperator(name, evaluate);
  const byId = new Map<string, EffectiveRule>();
  for (const effective of ruleSet.rules) {
    byId.set(effective.rule.id, effective);
    engine.addRule({
      name: effective.rule.id,
      conditions: effective.rule.conditions,
      event: { type: effective.rule.id, params: effective.rule.event.params },
    });
  }
  if (engines.size >= MAX_CACHED_ENGINES) engines.delete(engines.keys().next().value as string);
  cached = { engine, byId };
  engines.set(ruleSet.key, cached);
  return cached;
}

function fillTemplate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
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

/** Runs the rule set over the facts once, and turns each event into diagnostics. */
export async function runRules(ruleSet: RuleSet, facts: PlanFacts, locale: Locale): Promise<Diagnostic[]> {
  if (ruleSet.rules.length === 0) return [];
  const { engine, byId } = engineFor(ruleSet);
  // A missing parent is an empty object, so that paths into it resolve to undefined instead of failing.
  const { events } = await engine.run({ ...facts, parent: facts.parent ?? {} } as unknown as Record<string, unknown>);
  const diagnostics: Diagnostic[] = [];
  for (const event of events) {
    const effective = byId.get(event.type);
    if (!effective) continue;
    const params = effective.rule.event.params;
    const report = (position: Position, finding: Finding | undefined, data: FindingData | undefined) => {
      const requested = finding?.messageId;
      const messageId = requested && effective.rule.messages[requested] ? requested : params.messageId;
      const text = effective.rule.messages[messageId];
      const diagnostic: Diagnostic = {
        ruleId: effective.rule.id,
        messageId,
        severity: effective.severity,
        message: fillTemplate(text?.[locale] ?? text?.vi ?? messageId, data),
        position,
        docsUrl: effective.docsUrl,
        pack: effective.pack,
      };
      if (data) diagnostic.data = data;
      if (finding?.fix && effective.rule.fixable) diagnostic.fix = finding.fix;
      if (finding?.suggestions?.length) {
        diagnostic.suggestions = finding.suggestions.map((suggestion) => {
          const template = effective.rule.messages[suggestion.messageId];
          return {
            messageId: suggestion.messageId,
            message: fillTemplate(template?.[locale] ?? template?.vi ?? suggestion.messageId, suggestion.data),
            fix: suggestion.fix,
          };
        });
      }
      diagnostics.push(diagnostic);
    };
    if (params.items) {
      const value = (facts as unknown as Record<string, unknown>)[params.items.fact];
      const list = (Array.isArray(value) ? value : value ? [value] : []) as Flaggable[];
      for (const item of list) {
        const found = item.issues?.[params.items.flag];
        if (!found) continue;
        for (const finding of Array.isArray(found) ? found : [found]) {
          report(finding.position ?? item.position ?? facts.anchor, finding, finding.data);
        }
      }
    } else {
      const at = params.at ? valueAtPath(facts, params.at) : undefined;
      let data: FindingData | undefined;
      if (params.data) {
        data = {};
        for (const [name, factPath] of Object.entries(params.data)) {
          const value = valueAtPath(facts, factPath);
          if (typeof value === 'string' || typeof value === 'number') data[name] = value;
        }
      }
      report(isPosition(at) ? at : facts.anchor, undefined, data);
    }
  }
  return diagnostics;
}
