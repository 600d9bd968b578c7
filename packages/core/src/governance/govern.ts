import type { LoadedPack } from '../engine/pack-types.js';
import type { EffectiveRule, RuleSet } from '../engine/rule-set.js';
import { flattenPacks } from '../engine/rule-set.js';
import { follow } from '../engine/path-resolver.js';
import type { ParentFacts, PlanFacts } from '../facts/types.js';
import type { DisableComment, Position } from '../parse/ast.js';
import type { Diagnostic, Locale, SuppressedDiagnostic } from '../engine/diagnostic.js';
import { judgedSpan, type JudgedSpan } from './dates.js';
import { packsByName, ruleInForce, rulesInForce } from './in-force.js';
import { lockedRules } from './locked.js';
import type { GovernanceRecord, RuleApplication, Waiver, WaiverRegister } from './types.js';
import { waiversFor } from './waivers.js';
import { fillTemplate } from '../shared/template.js';

/** What governance reads of a config: its packs and its waivers register. */
export interface GovernedConfig {
  packs: readonly LoadedPack[];
  waivers?: WaiverRegister;
}

export const WAIVER_EXPIRED_RULE_ID = 'waiver-expired';
export const LOCKED_DISABLE_RULE_ID = 'locked-rule-disable';
const GOVERNANCE_DOCS = 'https://github.com/plan-lint/plan-lint/blob/main/docs/governance.md';

const MESSAGES = {
  waiverExpired: {
    vi: 'Miễn trừ quy tắc "{rule}" ({approvedBy}: {reason}) đã hết hạn ngày {expires}: lỗi của quy tắc này được tính lại; sửa kế hoạch hoặc xin gia hạn trong {register}.',
    en: 'The waiver of rule "{rule}" ({approvedBy}: {reason}) expired on {expires}: its findings count again; fix the plan or ask for a renewal in {register}.',
  },
  lockedDisable: {
    vi: 'Quy tắc "{rule}" bị khoá bởi bộ quy tắc "{pack}": chú thích trong văn bản không tắt được; chỉ cấp trên miễn trừ được trong plan-lint.waivers.json.',
    en: 'Rule "{rule}" is locked by pack "{pack}": an inline comment cannot disable it; only a waiver in plan-lint.waivers.json sets it aside.',
  },
} satisfies Record<string, Record<Locale, string>>;

/** A finding a waiver set aside: still reported, marked waived, never counted. */
export interface WaivedDiagnostic extends SuppressedDiagnostic {
  waived: true;
  waiver: Waiver;
}

export interface GovernedFindings {
  /** Findings inline disable comments may still disable. */
  open: Diagnostic[];
  /** Findings of locked rules, and the governance notices: never touched by inline disable comments. */
  kept: Diagnostic[];
  waived: WaivedDiagnostic[];
}

function notice(ruleId: string, id: keyof typeof MESSAGES, position: Position, locale: Locale, data: Record<string, string>): Diagnostic {
  return {
    ruleId,
    messageId: id,
    severity: 'warning',
    message: fillTemplate(MESSAGES[id][locale], data),
    position,
    docsUrl: `${GOVERNANCE_DOCS}#${ruleId}`,
    pack: 'plan-lint',
    data,
  };
}

/** What governance makes of a rule set for plans judged over one span: the same for every such plan. */
interface GovernedRuleSet {
  ruleSet: RuleSet;
  locked: Map<string, { pack: string }>;
  applications: readonly RuleApplication[];
}

/**
 * A batch lints hundreds of plans with one rule set, so the rules in force, the locked rules and the
 * rule applications are worked out once per rule set and per answer to what governs them: which of
 * the rules that have a period of effect were in force over the plan's span, the parent facts given,
 * the plan's own facts given and its topic. Keyed by the plan's dates instead, a batch of plans of
 * many dates worked them out again for nearly every plan. Kept while the config holds the same packs.
 */
interface GovernedCache {
  packs: readonly LoadedPack[];
  /** The rules (with their packs) whose standing depends on the span: those with a period of effect. */
  dated: Array<{ rule: EffectiveRule['rule']; pack: LoadedPack | undefined }>;
  byKey: Map<string, GovernedRuleSet>;
}

const governedRuleSets = new WeakMap<RuleSet, GovernedCache>();
const GOVERNED_SETS_KEPT = 256;

function governedRuleSet(allRules: RuleSet, packs: readonly LoadedPack[], span: JudgedSpan, facts: PlanFacts, topic: string): GovernedRuleSet {
  let cache = governedRuleSets.get(allRules);
  if (!cache || cache.packs !== packs) {
    const byName = packsByName(packs);
    const dated = allRules.rules
      .map((effective) => ({ rule: effective.rule, pack: byName.get(effective.pack) }))
      .filter(({ rule, pack }) => rule.effective !== undefined || pack?.json.effective !== undefined);
    cache = { packs, dated, byKey: new Map() };
    governedRuleSets.set(allRules, cache);
  }
  let standing = '';
  for (const { rule, pack } of cache.dated) standing += ruleInForce(rule, pack, span) ? '1' : '0';
  const parent = facts.parent ?? null;
  const given = parent ? factsGiven(packs, parent, 'needsParent') : undefined;
  const own = factsGiven(packs, facts, 'needsFacts');
  const key = `${standing}|${given === undefined ? '-' : [...given].join(',')}|${[...own].join(',')}|${topic}`;
  const cached = cache.byKey.get(key);
  if (cached) return cached;
  const inForce = rulesInForce(allRules, { packs }, span);
  const offTopic = rulesOffTopic(packs, topic);
  const ruleSet = withoutRules(inForce.ruleSet, offTopic, 'off-topic');
  const locked = lockedRules(packs);
  const notInForce = new Set(inForce.notInForce.map((e) => e.rule.id));
  const governed = { ruleSet, locked, applications: applications(allRules, packs, locked, notInForce, offTopic, given, own) };
  if (cache.byKey.size >= GOVERNED_SETS_KEPT) cache.byKey.clear();
  cache.byKey.set(key, governed);
  return governed;
}

/** Every fact path the packs' rules name in `needsParent` or `needsFacts`, once per set of packs. */
const namedFacts = { needsParent: new WeakMap<readonly LoadedPack[], string[]>(), needsFacts: new WeakMap<readonly LoadedPack[], string[]>() };

/** Of the facts the rules compare (`needsParent` of the parent, `needsFacts` of the plan), those given (a value that is not empty). */
function factsGiven(packs: readonly LoadedPack[], facts: ParentFacts | PlanFacts, field: 'needsParent' | 'needsFacts'): Set<string> {
  let named = namedFacts[field].get(packs);
  if (!named) {
    const paths = new Set<string>();
    for (const pack of flattenPacks(packs)) {
      for (const rule of pack.json.rules ?? []) {
        const needs = rule[field];
        if (Array.isArray(needs)) needs.forEach((path) => paths.add(path));
      }
    }
    named = [...paths].sort();
    namedFacts[field].set(packs, named);
  }
  return new Set(named.filter((path) => valuesAt(facts, path.split('.')).some(hasValue)));
}

/** The values at a dotted path, `*` standing for each item of a list. */
function valuesAt(root: unknown, names: readonly string[]): unknown[] {
  const star = names.indexOf('*');
  if (star === -1) return [follow(root, names)];
  const list = follow(root, names.slice(0, star));
  return Array.isArray(list) ? list.flatMap((item) => valuesAt(item, names.slice(star + 1))) : [];
}

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some(hasValue);
  return true;
}

/** The rules of packs written for another topic than the plan's (a pack without `topic` fits every plan). */
function rulesOffTopic(packs: readonly LoadedPack[], topic: string): Set<string> {
  const off = new Set<string>();
  for (const pack of flattenPacks(packs)) {
    if (pack.json.topic === undefined || pack.json.topic === topic) continue;
    for (const rule of pack.json.rules ?? []) off.add(rule.id);
  }
  return off;
}

function withoutRules(ruleSet: RuleSet, ids: Set<string>, label: string): RuleSet {
  if (ids.size === 0 || !ruleSet.rules.some((effective) => ids.has(effective.rule.id))) return ruleSet;
  const rules = ruleSet.rules.filter((effective) => !ids.has(effective.rule.id));
  // A new key: engines are pooled by key, and this set runs fewer rules.
  return { ...ruleSet, key: `${ruleSet.key}|${label}:${[...ids].sort().join(',')}`, rules };
}

/** Every rule of the packs, as it stood for a plan judged over the span. */
function applications(
  allRules: RuleSet,
  packs: readonly LoadedPack[],
  locked: Map<string, { pack: string }>,
  notInForce: Set<string>,
  offTopic: Set<string>,
  /** The parent facts named by the rules that this plan's parent gives; undefined without a parent. */
  parentGives: Set<string> | undefined,
  /** The plan's own facts named by the rules (`needsFacts`) that it gives. */
  planGives: Set<string>,
): RuleApplication[] {
  const inSet = new Map(allRules.rules.map((effective) => [effective.rule.id, effective]));
  const byId = new Map<string, RuleApplication>();
  for (const pack of flattenPacks(packs)) {
    for (const rule of pack.json.rules ?? []) {
      const effective = inSet.get(rule.id);
      const application: RuleApplication = { ruleId: rule.id, pack: pack.name, severity: effective?.severity ?? 'off', applies: true };
      if (!effective) Object.assign(application, { applies: false, reason: 'off' });
      else if (notInForce.has(rule.id)) Object.assign(application, { applies: false, reason: 'not-in-force' });
      else if (offTopic.has(rule.id)) Object.assign(application, { applies: false, reason: 'topic-not-covered' });
      else if (rule.needsParent && !parentGives) Object.assign(application, { applies: false, reason: 'needs-parent' });
      // A parent that gives none of what the rule compares: the rule made no check, so it did not pass.
      else if (Array.isArray(rule.needsParent) && !rule.needsParent.some((path) => parentGives!.has(path))) {
        Object.assign(application, { applies: false, reason: 'parent-silent' });
      } else if (rule.needsFacts && !rule.needsFacts.some((path) => planGives.has(path))) {
        // The plan gives none of what the rule compares (its date could not be read, say): no check made.
        Object.assign(application, { applies: false, reason: 'plan-silent' });
      }
      if (rule.locked || locked.has(rule.id)) application.locked = true;
      if (rule.legalBasis) application.legalBasis = rule.legalBasis;
      byId.set(rule.id, application);
    }
  }
  return [...byId.values()];
}

/**
 * Governance of one lint (docs/governance.md): which rules were in force on the plan's date, which
 * findings waivers set aside, and which findings inline comments may not touch (locked rules).
 */
export class Governance {
  readonly ruleSet: RuleSet;
  readonly record: GovernanceRecord;
  private readonly locked: Map<string, { pack: string }>;

  constructor(
    private readonly config: GovernedConfig,
    allRules: RuleSet,
    private readonly facts: PlanFacts,
    private readonly filePath: string | undefined,
    private readonly now: Date = new Date(),
  ) {
    const span = judgedSpan(facts.metadata.date, facts.metadata.year, now);
    // facts.parent is null without a parent: a rule that compares with it made no check; nor does one
    // whose own facts the plan does not give.
    const governed = governedRuleSet(allRules, config.packs, span, facts, facts.topic.id);
    this.ruleSet = governed.ruleSet;
    this.locked = governed.locked;
    // Copies: a record belongs to its plan, and a caller may annotate it.
    this.record = { judgedOn: span.label, judgedBy: span.by, rules: governed.applications.map((application) => ({ ...application })) };
  }

  /** Splits the engine's findings: waived, locked (kept as they are), open to inline disable comments. */
  settle(found: Diagnostic[], disableComments: readonly DisableComment[], locale: Locale): GovernedFindings {
    const { active, expired } = waiversFor(this.config.waivers, this.filePath, this.now);
    const open: Diagnostic[] = [];
    const kept: Diagnostic[] = [];
    const waived: WaivedDiagnostic[] = [];
    for (const diagnostic of found) {
      const waiver = active.find((candidate) => candidate.rule === diagnostic.ruleId);
      if (waiver) {
        waived.push({ ...diagnostic, waived: true, waiver, justification: `${waiver.reason} (${waiver.approvedBy}, ${waiver.expires})` });
      } else {
        (this.locked.has(diagnostic.ruleId) ? kept : open).push(diagnostic);
      }
    }
    const register = this.config.waivers?.filePath ?? '';
    for (const waiver of expired) {
      kept.push(notice(WAIVER_EXPIRED_RULE_ID, 'waiverExpired', this.facts.anchor, locale, {
        rule: waiver.rule,
        approvedBy: waiver.approvedBy,
        reason: waiver.reason,
        expires: waiver.expires,
        register: register.split(/[\\/]/).pop() ?? register,
      }));
    }
    for (const comment of disableComments) {
      if (!comment.position || comment.kind === 'enable') continue;
      for (const rule of comment.rules) {
        const lock = this.locked.get(rule);
        if (lock) kept.push(notice(LOCKED_DISABLE_RULE_ID, 'lockedDisable', comment.position, locale, { rule, pack: lock.pack }));
      }
    }
    return { open, kept, waived };
  }
}
