import { Engine } from 'json-rules-engine';
import type { Position } from '../parse/ast.js';
import type { Diagnostic, Locale } from '../report/diagnostic.js';
import type { Finding, FindingData, Flaggable, PlanFacts } from '../facts/types.js';
import { formatDate, isFullIso } from '../facts/text.js';
import { customOperators } from './operators.js';
import { resolvePath } from './path-resolver.js';
import { compilePlainRules, type CompiledRule } from './plain-conditions.js';
import type { EffectiveRule, RuleSet } from './rule-set.js';

/**
 * Engines are built once per rule set and reused: building one is far dearer than running it
 * (performance.md). An Engine keeps one `status` for all its runs, and a run that finishes marks it
 * FINISHED while another run may not have started its rules, which then skips them all; so each run
 * borrows an idle engine and concurrent runs get engines of their own.
 */
interface EnginePool {
  idle: Engine[];
  byId: Map<string, EffectiveRule>;
  ruleSet: RuleSet;
  /** Set on the first run: the rules compiled to run outside the engine, or null when they are not all plain. */
  plain?: CompiledRule[] | null;
}

const pools = new Map<string, EnginePool>();
const MAX_CACHED_RULE_SETS = 32;
const MAX_IDLE_ENGINES = 4;

function buildEngine(ruleSet: RuleSet): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, allowUndefinedConditions: false, pathResolver: resolvePath });
  for (const [name, evaluate] of customOperators) engine.addOperator(name, evaluate);
  for (const effective of ruleSet.rules) {
    engine.addRule({
      name: effective.rule.id,
      conditions: effective.rule.conditions,
      // The event only names the rule: its params are read from the rule set, and the engine clones
      // every rule's event on every run.
      event: { type: effective.rule.id },
    });
  }
  return engine;
}

function poolFor(ruleSet: RuleSet): EnginePool {
  let pool = pools.get(ruleSet.key);
  if (!pool) {
    if (pools.size >= MAX_CACHED_RULE_SETS) pools.delete(pools.keys().next().value as string);
    pool = { idle: [], byId: new Map(ruleSet.rules.map((effective) => [effective.rule.id, effective])), ruleSet };
    pools.set(ruleSet.key, pool);
  }
  return pool;
}

/** A message template cut at its `{name}` placeholders: odd parts are the names. Templates are few; messages many. */
const templateParts = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = templateParts.get(template);
  if (!parts) {
    // split with a capture group keeps the names at the odd indexes.
    parts = template.split(/\{(\w+)\}/);
    if (templateParts.size >= 1024) templateParts.clear();
    templateParts.set(template, parts);
  }
  return parts;
}

/** `{name}` → data.name when data has it (`in`, as before), else left as written. */
function fillTemplate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = parts[0];
  for (let index = 1; index < parts.length; index += 2) {
    const key = parts[index];
    out += (key in data ? String(data[key]) : `{${key}}`) + parts[index + 1];
  }
  return out;
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
  const pool = poolFor(ruleSet);
  const { byId } = pool;
  // A missing parent is an empty object, so that paths into it resolve to undefined instead of failing.
  const runFacts = { ...facts, parent: facts.parent ?? {} } as unknown as Record<string, unknown>;
  let events: Array<{ type: string }>;
  if (pool.plain === undefined) {
    // Building an engine once also checks the rules as the engine would, and gives its operators.
    const engine = pool.idle.pop() ?? buildEngine(pool.ruleSet);
    pool.idle.push(engine);
    pool.plain = compilePlainRules(pool.ruleSet.rules.map((effective) => effective.rule.conditions), engine) ?? null;
  }
  const plain = pool.plain;
  if (plain) {
    events = [];
    for (let index = 0; index < plain.length; index++) {
      if (plain[index](runFacts)) events.push({ type: pool.ruleSet.rules[index].rule.id });
    }
  } else {
    const engine = pool.idle.pop() ?? buildEngine(pool.ruleSet);
    try {
      ({ events } = await engine.run(runFacts));
    } finally {
      if (pool.idle.length < MAX_IDLE_ENGINES) pool.idle.push(engine);
    }
  }
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
          const position = finding.position ?? item.position ?? (Array.isArray(value) ? undefined : facts.anchor);
          // An item of a list without a position came from a generated node: it is never blamed (unist).
          if (position) report(position, finding, finding.data);
        }
      }
    } else {
      const at = params.at ? valueAtPath(facts, params.at) : undefined;
      let data: FindingData | undefined;
      if (params.data) {
        data = {};
        for (const [name, factPath] of Object.entries(params.data)) {
          const value = valueAtPath(facts, factPath);
          // Facts hold ISO dates; a message shows them as Vietnamese write them (05/12/2026).
          if (typeof value === 'string') data[name] = isFullIso(value) ? formatDate(value) : value;
          else if (typeof value === 'number') data[name] = value;
        }
      }
      report(isPosition(at) ? at : facts.anchor, undefined, data);
    }
  }
  return diagnostics;
}
