import { Engine, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import { DATE_FACT, dateFact } from './date-fact.js';
import { itemsOf, type ForEach } from './items.js';
import { operators } from './operators.js';
import { resolvePath } from './path-resolver.js';
import { compilePlainRules, type CompiledRule } from './plain-conditions.js';

/** The fact that holds the current item while a `forEach` rule runs over a list. */
export const ITEM_FACT = 'item';

/** What the evaluator needs of a pack rule. */
export interface EvaluatedRule {
  id: string;
  conditions: TopLevelCondition;
  forEach?: ForEach;
}

/** A rule that fired: once for a document rule, once per matching item for a `forEach` rule. */
export interface Firing {
  rule: number;
  /** The item it fired on (`forEach` rules only). */
  item?: Record<string, unknown>;
}

/**
 * The evaluator of record: a json-rules-engine `Engine` built through its public API (`addOperator`,
 * `addFact`, `addRule`, `run`), with plan-lint's operators and the `date` fact. Unknown facts are
 * undefined (a missing fact never fires a rule); an unknown condition reference is an error.
 */
export function newEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, allowUndefinedConditions: false, pathResolver: resolvePath });
  for (const operator of operators.values()) engine.addOperator(operator);
  engine.addFact(DATE_FACT, dateFact);
  return engine;
}

/**
 * Rules that run together: all the document rules, or the `forEach` rules over one list. The event
 * only names the rule's index: params are read from the rule, and the engine clones every event on
 * every run.
 */
interface Group {
  forEach?: ForEach;
  rules: number[];
  /**
   * An Engine keeps one `status` for all its runs, and a run that finishes marks it FINISHED while
   * another may not have started its rules, which then skips them all: each run borrows an idle engine.
   */
  idle: Engine[];
}

const MAX_IDLE_ENGINES = 4;

function forEachKey(forEach: ForEach | undefined): string {
  return forEach === undefined ? '' : JSON.stringify(forEach);
}

/**
 * Evaluates one rule set, built once and reused for every plan (building an engine is far dearer than
 * running it). When every condition is plain (plain-conditions.ts), the compiled functions answer
 * instead of `Engine.run`: evaluator.test.ts shows they answer the same.
 */
export class Evaluator {
  private readonly groups: Group[];
  private compiled: CompiledRule[] | null | undefined;

  constructor(readonly rules: readonly EvaluatedRule[]) {
    const byKey = new Map<string, Group>();
    rules.forEach((rule, index) => {
      const key = forEachKey(rule.forEach);
      let group = byKey.get(key);
      if (!group) {
        group = { forEach: rule.forEach, rules: [], idle: [] };
        byKey.set(key, group);
      }
      group.rules.push(index);
    });
    this.groups = [...byKey.values()];
  }

  /** The compiled rules, or null when some condition is not plain. */
  private fastPath(): CompiledRule[] | null {
    if (this.compiled === undefined) this.compiled = compilePlainRules(this.rules.map((rule) => rule.conditions), operators, ITEM_FACT) ?? null;
    return this.compiled;
  }

  /** Every firing, in rule order then item order. `planFacts` is the object the facts were computed as. */
  async evaluate(facts: Record<string, unknown>, planFacts: object = facts): Promise<Firing[]> {
    const compiled = this.fastPath();
    if (compiled) return this.order(this.evaluateCompiled(compiled, facts, planFacts));
    return this.evaluateWithEngine(facts, planFacts);
  }

  /** The same answer through `Engine.run` only (the differential test and any non-plain rule set). */
  async evaluateWithEngine(facts: Record<string, unknown>, planFacts: object = facts): Promise<Firing[]> {
    const firings: Firing[] = [];
    for (const group of this.groups) {
      const engine = group.idle.pop() ?? this.buildEngine(group);
      try {
        if (group.forEach === undefined) {
          const { events } = await engine.run(facts);
          for (const event of events) firings.push({ rule: Number(event.type) });
        } else {
          for (const item of itemsOf(group.forEach, facts, planFacts)) {
            const { events } = await engine.run({ ...facts, [ITEM_FACT]: item });
            for (const event of events) firings.push({ rule: Number(event.type), item });
          }
        }
      } finally {
        if (group.idle.length < MAX_IDLE_ENGINES) group.idle.push(engine);
      }
    }
    return this.order(firings);
  }

  private evaluateCompiled(compiled: CompiledRule[], facts: Record<string, unknown>, planFacts: object): Firing[] {
    const firings: Firing[] = [];
    for (const group of this.groups) {
      if (group.forEach === undefined) {
        for (const index of group.rules) if (compiled[index](facts)) firings.push({ rule: index });
        continue;
      }
      // The item is handed to the compiled rules, which read it as the ITEM_FACT (no copy of the facts).
      for (const item of itemsOf(group.forEach, facts, planFacts)) {
        for (const index of group.rules) if (compiled[index](facts, item)) firings.push({ rule: index, item });
      }
    }
    return firings;
  }

  /** Rule order, then item order within a rule (a stable sort keeps the items' order). */
  private order(firings: Firing[]): Firing[] {
    return firings.sort((a, b) => a.rule - b.rule);
  }

  private buildEngine(group: Group): Engine {
    const engine = newEngine();
    for (const index of group.rules) {
      engine.addRule({ name: this.rules[index].id, conditions: this.rules[index].conditions, event: { type: String(index) } });
    }
    return engine;
  }
}

/** One rule alone through `Engine.run`, with the engine's own account of each condition (`explain`). */
export async function traceRule(
  rule: EvaluatedRule,
  facts: Record<string, unknown>,
  planFacts: object = facts,
): Promise<{ fired: boolean; result?: RuleResult; item?: Record<string, unknown>; items: number; firedItems: number }> {
  const engine = newEngine();
  engine.addRule({ name: rule.id, conditions: rule.conditions, event: { type: rule.id, params: {} } });
  const resultOf = async (runFacts: Record<string, unknown>) => {
    const run = await engine.run(runFacts);
    return { fired: run.events.length > 0, result: [...run.results, ...run.failureResults][0] };
  };
  if (rule.forEach === undefined) {
    const { fired, result } = await resultOf(facts);
    return { fired, result, items: 0, firedItems: 0 };
  }
  const items = itemsOf(rule.forEach, facts, planFacts);
  let first: { fired: boolean; result?: RuleResult; item?: Record<string, unknown> } | undefined;
  let firedItems = 0;
  for (const item of items) {
    const outcome = await resultOf({ ...facts, [ITEM_FACT]: item });
    if (outcome.fired) firedItems++;
    // The account shown is the first item that fired, else the first item.
    if (!first || (outcome.fired && !first.fired)) first = { ...outcome, item };
  }
  return { fired: firedItems > 0, result: first?.result, item: first?.item, items: items.length, firedItems };
}
