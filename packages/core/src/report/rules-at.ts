import type { ResolvedConfig } from '../config/types.js';
import type { EffectivePeriod } from '../engine/pack-types.js';
import { flattenPacks, resolveRuleSet } from '../engine/rule-set.js';
import type { Locale } from '../engine/diagnostic.js';
import type { JudgedSpan } from '../governance/dates.js';
import { ruleInForce } from '../governance/in-force.js';
import { lockedRules } from '../governance/locked.js';

/** A rule of the packs with its governance data: what `plan-lint rules --at` and the MCP server list. */
export interface GovernedRule {
  id: string;
  pack: string;
  packVersion: string;
  severity: 'error' | 'warning' | 'off';
  description?: string;
  docsUrl?: string;
  locked: boolean;
  effective?: EffectivePeriod;
  legalBasis?: string[];
  /** Whether it was in force on the date asked (always true without one). */
  inForce: boolean;
}

/** Every rule of the config's packs (a later pack's rule replaces an earlier one), on a date when one is given. */
export function governedRules(config: ResolvedConfig, locale: Locale, span?: JudgedSpan): GovernedRule[] {
  const inSet = new Map(resolveRuleSet(config).rules.map((effective) => [effective.rule.id, effective]));
  const locked = lockedRules(config.packs);
  const byId = new Map<string, GovernedRule>();
  for (const pack of flattenPacks(config.packs)) {
    for (const rule of pack.json.rules ?? []) {
      const effective = inSet.get(rule.id);
      const period = rule.effective ?? pack.json.effective;
      byId.set(rule.id, {
        id: rule.id,
        pack: pack.name,
        packVersion: pack.version,
        severity: effective?.severity ?? 'off',
        description: rule.description?.[locale] ?? rule.description?.vi,
        docsUrl: effective?.docsUrl ?? rule.docs,
        locked: locked.has(rule.id),
        ...(period ? { effective: period } : {}),
        ...(rule.legalBasis ? { legalBasis: rule.legalBasis } : {}),
        inForce: span ? ruleInForce(rule, pack, span) : true,
      });
    }
  }
  return [...byId.values()].sort((a, b) => a.pack.localeCompare(b.pack) || a.id.localeCompare(b.id));
}
