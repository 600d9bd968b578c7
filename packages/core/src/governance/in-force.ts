import type { LoadedPack, PackRule } from '../engine/pack-types.js';
import { flattenPacks, type EffectiveRule, type RuleSet } from '../engine/rule-set.js';
import { inForce, type JudgedSpan } from './dates.js';

/** The pack of each name as the rule set sees it (a later pack of the same name wins). */
export function packsByName(packs: readonly LoadedPack[]): Map<string, LoadedPack> {
  return new Map(flattenPacks(packs).map((pack) => [pack.name, pack]));
}

/** Whether a rule of a pack was in force over the span: the pack's period and the rule's own. */
export function ruleInForce(rule: PackRule, pack: LoadedPack | undefined, span: JudgedSpan): boolean {
  return inForce(pack?.json.effective, span) && inForce(rule.effective, span);
}

/**
 * The rule set without the rules that were not in force on the plan's date, so a plan of 2023 is
 * not judged by a rule that took effect in 2025. The key changes with the rules, so engines built
 * for one set are never used for another.
 */
export function rulesInForce(ruleSet: RuleSet, config: { readonly packs: readonly LoadedPack[] }, span: JudgedSpan): { ruleSet: RuleSet; notInForce: EffectiveRule[] } {
  const packs = packsByName(config.packs);
  const kept: EffectiveRule[] = [];
  const notInForce: EffectiveRule[] = [];
  for (const effective of ruleSet.rules) {
    (ruleInForce(effective.rule, packs.get(effective.pack), span) ? kept : notInForce).push(effective);
  }
  if (notInForce.length === 0) return { ruleSet, notInForce };
  const key = `${ruleSet.key}|not-in-force:${notInForce.map((effective) => effective.rule.id).join(',')}`;
  return { ruleSet: { ...ruleSet, key, rules: kept }, notInForce };
}
