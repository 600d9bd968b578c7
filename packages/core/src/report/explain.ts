import { ruleVerdict } from './outcome.js';
import type { ResolvedConfig } from '../config/types.js';
import { traceRule } from '../engine/evaluator.js';
import { checksOf, type LoadedPack, type PackRule } from '../engine/pack-types.js';
import { runFactsOf } from '../engine/run-rules.js';
import { flattenPacks, matchingOverrides, settingSeverity } from '../engine/rule-set.js';
import type { PlanFacts } from '../facts/types.js';
import type { LintResult } from '../lint.js';
import type { Position } from '../parse/ast.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import type { WaivedDiagnostic } from '../governance/govern.js';
import type { RuleApplication } from '../governance/types.js';

/** A layer that set (or kept) a rule's severity, in the order they apply. */
export interface SeverityLayer {
  layer: 'pack' | 'extends' | 'config' | 'override' | 'waiver';
  /** The pack (`name@version`), config file, override globs or waiver register. */
  source: string;
  severity: 'error' | 'warning' | 'off' | 'waived';
}

/** One condition of a rule, as evaluated on this plan. */
export interface ConditionTrace {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
  /** The fact's value at `path` (undefined when the engine did not need to evaluate it). */
  factValue?: unknown;
  /** true / false; undefined when an earlier condition already decided (`all` / `any` stop early). */
  result?: boolean;
  /** Where in the plan the fact was read from. */
  ranges: Position[];
}

export interface RuleExplanation {
  ruleId: string;
  pack: string;
  outcome: 'failed' | 'passed' | 'waived' | 'not-applicable';
  reason?: RuleApplication['reason'];
  /** Whether the rule's conditions held (its event fired). */
  fired: boolean;
  severity: RuleApplication['severity'];
  layers: SeverityLayer[];
  conditions: ConditionTrace[];
  /** The condition that decided: the first false one of an `all`, the first true one of an `any`. */
  deciding?: ConditionTrace;
  findings: Diagnostic[];
  waived: WaivedDiagnostic[];
  legalBasis?: string[];
  locked?: boolean;
  judgedOn?: string;
}

const MAX_RANGES = 5;

function isPosition(value: unknown): value is Position {
  return Boolean(value && typeof value === 'object' && 'start' in value && 'end' in value && typeof (value as Position).start?.line === 'number');
}

/** Positions a fact was read from: the fact's own, its items', its `at`/`datePosition`. */
function rangesOf(value: unknown): Position[] {
  const ranges: Position[] = [];
  const add = (position: unknown) => {
    if (isPosition(position) && ranges.length < MAX_RANGES) ranges.push(position);
  };
  if (Array.isArray(value)) {
    for (const item of value as Array<{ position?: Position }>) add(item?.position);
    return ranges;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    add(record.position);
    add(record.datePosition);
    if (record.at && typeof record.at === 'object') Object.values(record.at as Record<string, unknown>).forEach(add);
  }
  return ranges;
}

/** The fact's value without positions and flags: what the condition compared. */
function plainValue(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 2) return Array.isArray(value) ? `[${value.length} items]` : '{…}';
  if (Array.isArray(value)) return value.slice(0, 5).map((item) => plainValue(item, depth + 1)).concat(value.length > 5 ? [`… ${value.length - 5} more`] : []);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'position' || key === 'datePosition' || key === 'at' || isPosition(inner)) continue;
    out[key] = plainValue(inner, depth + 1);
  }
  return out;
}

interface EvaluatedCondition {
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  result?: boolean;
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
}

function traces(node: EvaluatedCondition | undefined, facts: PlanFacts, out: ConditionTrace[]): ConditionTrace | undefined {
  if (!node) return undefined;
  if (node.fact) {
    const raw = (facts as unknown as Record<string, unknown>)[node.fact];
    const trace: ConditionTrace = {
      fact: node.fact,
      operator: node.operator ?? '',
      value: node.value,
      result: typeof node.result === 'boolean' ? node.result : undefined,
      ranges: rangesOf(raw ?? null),
    };
    if (node.path) trace.path = node.path;
    if ('factResult' in node) trace.factValue = plainValue(node.factResult);
    out.push(trace);
    return trace;
  }
  const children = node.all ?? node.any ?? (node.not ? [node.not] : []);
  let deciding: ConditionTrace | undefined;
  for (const child of children) {
    const trace = traces(child, facts, out);
    if (deciding || !trace) continue;
    if (node.all && trace.result === false) deciding = trace;
    if (node.any && trace.result === true) deciding = trace;
    if (node.not && trace.result !== undefined) deciding = trace;
  }
  if (!deciding && node.all) deciding = out.at(-1);
  return deciding;
}

/**
 * Runs one rule alone through the evaluator of record (`Engine.run`, evaluator.ts), over the same facts
 * lint gives it, and reads back how each condition evaluated. A rule with `checks` fired when any did;
 * the account shown is that of the first check that fired (else the rule's own conditions). A
 * `forEach` rule is shown on the first item it fired on (else its first item).
 */
async function evaluateRule(rule: PackRule, facts: PlanFacts): Promise<{ fired: boolean; conditions: ConditionTrace[]; deciding?: ConditionTrace }> {
  const runFacts = runFactsOf(facts);
  let shown: Awaited<ReturnType<typeof traceRule>> | undefined;
  for (const check of checksOf(rule)) {
    const trace = await traceRule({ id: rule.id, conditions: check.conditions, forEach: check.forEach }, runFacts, facts);
    if (!shown || (trace.fired && !shown.fired)) shown = trace;
    if (trace.fired) break;
  }
  const scope = shown?.item ? { ...runFacts, item: shown.item } : runFacts;
  const ruleResult = shown?.result as unknown as { conditions: EvaluatedCondition } | undefined;
  const conditions: ConditionTrace[] = [];
  const deciding = traces(ruleResult?.conditions, scope as unknown as PlanFacts, conditions);
  return { fired: Boolean(shown?.fired), conditions, deciding };
}

/** The severity of a rule, layer by layer: pack or extended pack, the config, its matching overrides, a waiver. */
export function severityLayers(ruleId: string, config: ResolvedConfig, filePath: string | undefined, waived: boolean): SeverityLayer[] {
  const layers: SeverityLayer[] = [];
  const topLevel = new Set<LoadedPack>(config.packs);
  for (const pack of flattenPacks(config.packs)) {
    const rule = (pack.json.rules ?? []).find((candidate) => candidate.id === ruleId);
    if (!rule) continue;
    layers.push({ layer: topLevel.has(pack) ? 'pack' : 'extends', source: `${pack.name}@${pack.version}`, severity: rule.severity });
  }
  if (config.rules[ruleId] !== undefined) {
    layers.push({ layer: 'config', source: config.filePath ?? '(no config file)', severity: settingSeverity(config.rules[ruleId]) });
  }
  for (const override of matchingOverrides(config, filePath)) {
    const setting = override.rules[ruleId];
    if (setting !== undefined) layers.push({ layer: 'override', source: `${config.filePath ?? 'config'} overrides [${override.files.join(', ')}]`, severity: settingSeverity(setting) });
  }
  if (waived) layers.push({ layer: 'waiver', source: config.waivers?.filePath ?? 'plan-lint.waivers.json', severity: 'waived' });
  return layers;
}

/** Why each rule fired or not on one linted plan (`plan-lint explain`, the language server's hover). */
export async function explainResult(result: LintResult, config: ResolvedConfig, ruleId?: string): Promise<RuleExplanation[]> {
  const rulesById = new Map<string, { rule: PackRule; pack: string }>();
  for (const pack of flattenPacks(config.packs)) for (const rule of pack.json.rules ?? []) rulesById.set(rule.id, { rule, pack: pack.name });
  const applications = result.governance?.rules ?? [];
  const explanations: RuleExplanation[] = [];
  for (const application of applications) {
    if (ruleId && application.ruleId !== ruleId) continue;
    const entry = rulesById.get(application.ruleId);
    if (!entry) continue;
    const findings = result.diagnostics.filter((diagnostic) => diagnostic.ruleId === application.ruleId);
    const waived = (result.suppressed ?? []).filter((diagnostic) => diagnostic.ruleId === application.ruleId);
    const evaluation = await evaluateRule(entry.rule, result.facts);
    const { outcome, reason } = ruleVerdict(application, findings.length, waived.length);
    const explanation: RuleExplanation = {
      ruleId: application.ruleId,
      pack: application.pack,
      outcome,
      fired: evaluation.fired,
      severity: application.severity,
      layers: severityLayers(application.ruleId, config, result.filePath === '<text>' ? undefined : result.filePath, waived.length > 0),
      conditions: evaluation.conditions,
      findings,
      waived,
      judgedOn: result.governance?.judgedOn,
    };
    if (evaluation.deciding) explanation.deciding = evaluation.deciding;
    if (reason) explanation.reason = reason;
    if (application.legalBasis) explanation.legalBasis = application.legalBasis;
    if (application.locked) explanation.locked = true;
    explanations.push(explanation);
  }
  return explanations;
}
