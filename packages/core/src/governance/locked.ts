import { flattenPacks, severityRank } from '../engine/rule-set.js';
import type { LoadedPack, RuleSeverity, RuleSetting } from '../engine/pack-types.js';
import { PlanLintInputError } from '../shared/errors.js';

type Setting = RuleSetting;

/** Locked rule id → the pack that locked it and the severity it set. A lock, once set, is never lifted by a later pack. */
export function lockedRules(packs: readonly LoadedPack[]): Map<string, { pack: string; severity: RuleSeverity }> {
  const locked = new Map<string, { pack: string; severity: RuleSeverity }>();
  for (const pack of flattenPacks(packs)) {
    for (const rule of pack.json.rules ?? []) {
      if (rule.locked && !locked.has(rule.id)) locked.set(rule.id, { pack: pack.name, severity: rule.severity });
    }
  }
  return locked;
}

/**
 * A config may raise a locked rule but never turn it off or lower it: the superior who published
 * the pack decides (docs/governance.md). `locate` gives the line and column of a JSON pointer.
 */
export function assertLockedRulesKept(
  settings: { rules?: Record<string, Setting>; overrides?: Array<{ rules?: Record<string, Setting> }> },
  packs: readonly LoadedPack[],
  filePath: string | undefined,
  locate: (pointer: string) => { line?: number; column?: number } = () => ({}),
): void {
  const locked = lockedRules(packs);
  if (locked.size === 0) return;
  // A pack loaded after the one that locked a rule (a school's own pack extending it) may not lower it either.
  const lockedSoFar = new Set<string>();
  for (const pack of flattenPacks(packs)) {
    for (const rule of pack.json.rules ?? []) {
      const lock = locked.get(rule.id);
      if (!lock) continue;
      if (lock.pack === pack.name) lockedSoFar.add(rule.id);
      // Packs before the locking one (what it extends) are overridden by it, not lowering it.
      if (!lockedSoFar.has(rule.id) || lock.pack === pack.name || severityRank(rule.severity) >= severityRank(lock.severity)) continue;
      throw new PlanLintInputError(
        'config-locked-rule',
        `rule "${rule.id}" is locked by pack "${lock.pack}" at "${lock.severity}" and pack "${pack.name}" (${pack.source}) lowers it to "${rule.severity}"; keep its severity, or ask the superior for a waiver in plan-lint.waivers.json.`,
        { filePath },
      );
    }
  }
  const check = (rules: Record<string, Setting> | undefined, pointer: string) => {
    for (const [id, setting] of Object.entries(rules ?? {})) {
      const lock = locked.get(id);
      if (!lock || severityRank(setting) >= severityRank(lock.severity)) continue;
      const what = setting === 'off' ? 'turns it off' : `lowers it to "${setting}"`;
      throw new PlanLintInputError(
        'config-locked-rule',
        `rule "${id}" is locked by pack "${lock.pack}" at "${lock.severity}" and this config ${what}; remove the setting, or ask the superior for a waiver in plan-lint.waivers.json.`,
        { filePath, ...locate(`${pointer}/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`) },
      );
    }
  };
  check(settings.rules, '/rules');
  settings.overrides?.forEach((override, index) => check(override.rules, `/overrides/${index}/rules`));
}
