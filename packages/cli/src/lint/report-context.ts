import type { Locale, ReportContext, ReportRule, ResolvedConfig } from '@plan-lint/core';
import { planLintVersion } from '../version.js';

/** The rules and packs in force, as the formatters list them (metadata only). */
export async function reportContext(config: ResolvedConfig, locale: Locale, color: boolean): Promise<ReportContext> {
  const core = await import('@plan-lint/core');
  const ruleSet = core.resolveRuleSet(config);
  const inForce = new Map(ruleSet.rules.map((effective) => [effective.rule.id, effective]));
  const rules: ReportRule[] = [];
  const packs = core.flattenPacks(config.packs);
  const seen = new Set<string>();
  // A pack that redefines a rule (a superior's, locking it) may leave out its title: keep the built-in one.
  const titles = new Map<string, NonNullable<(typeof packs)[number]['json']['rules']>[number]['title']>();
  for (const pack of packs) for (const rule of pack.json.rules ?? []) if (rule.title && !titles.has(rule.id)) titles.set(rule.id, rule.title);
  for (const pack of [...packs].reverse()) {
    for (const rule of pack.json.rules ?? []) {
      if (seen.has(rule.id)) continue;
      seen.add(rule.id);
      const effective = inForce.get(rule.id);
      rules.push({
        id: rule.id,
        pack: effective?.pack ?? pack.name,
        severity: effective?.severity ?? 'off',
        ...((rule.title ?? titles.get(rule.id)) ? { title: (rule.title ?? titles.get(rule.id))![locale] } : {}),
        description: rule.description?.[locale] ?? rule.description?.vi,
        docsUrl: effective?.docsUrl ?? rule.docs ?? '',
        fixable: rule.fixable ?? false,
        ...(rule.legalBasis ? { legalBasis: rule.legalBasis } : {}),
      });
    }
  }
  rules.sort((a, b) => a.pack.localeCompare(b.pack) || a.id.localeCompare(b.id));
  return {
    cwd: process.cwd(),
    rules,
    // Hashed when a formatter reads it (the compliance record): the others never do, and hashing
    // loaded node:crypto, about 5 ms of a one-file lint's start.
    packs: packs.map((pack) => {
      let sha256: string | undefined;
      return {
        name: pack.name,
        version: pack.version,
        source: pack.source,
        get sha256() {
          return (sha256 ??= core.packSha256(pack));
        },
      };
    }),
    version: planLintVersion(),
    locale,
    color,
  };
}
