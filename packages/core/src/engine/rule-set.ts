import picomatch from 'picomatch';
import path from 'node:path';
import type { Severity } from './diagnostic.js';
import type { LoadedPack, PackRule, ParentFacts, RuleConfig, RuleSetting } from './pack-types.js';

export interface EffectiveRule {
  rule: PackRule;
  pack: string;
  severity: Severity;
  docsUrl: string;
}

export interface RuleSet {
  /** Stable key of the rules and severities, so engines can be reused across documents. */
  key: string;
  rules: EffectiveRule[];
  /** Parent facts carried by the packs (a later pack's facts win). */
  parent: ParentFacts | null;
  /** Every rule id the packs define, including those turned off. */
  knownIds: Set<string>;
}

const DOCS_BASE = 'https://github.com/plan-lint/plan-lint/blob/main/rules';

/** Identity of a loaded pack's content: a pack file edited in place (same name and version) gets a new one. */
const packIdentity = new WeakMap<object, number>();
let nextIdentity = 1;

function identityOf(pack: LoadedPack): number {
  let id = packIdentity.get(pack.json);
  if (id === undefined) {
    id = nextIdentity++;
    packIdentity.set(pack.json, id);
  }
  return id;
}

/** Packs in order: each pack after everything it extends, each pack once. */
export function flattenPacks(packs: readonly LoadedPack[]): LoadedPack[] {
  const seen = new Set<string>();
  const out: LoadedPack[] = [];
  const visit = (pack: LoadedPack) => {
    const id = `${pack.name}@${pack.source}`;
    if (seen.has(id)) return;
    seen.add(id);
    pack.extends.forEach(visit);
    out.push(pack);
  };
  packs.forEach(visit);
  return out;
}

/** A config's setting as a severity: "warn" is "warning". The one place settings are read. */
export function settingSeverity(setting: RuleSetting): Severity | 'off';
export function settingSeverity(setting: RuleSetting | undefined): Severity | 'off' | undefined;
export function settingSeverity(setting: RuleSetting | undefined): Severity | 'off' | undefined {
  if (setting === undefined) return undefined;
  if (setting === 'warn' || setting === 'warning') return 'warning';
  return setting;
}

const SEVERITY_RANK: Record<Severity | 'off', number> = { off: 0, warning: 1, error: 2 };

/** Order of settings: off < warning (warn) < error; a locked rule may be raised, never lowered. */
export function severityRank(setting: RuleSetting): number {
  return SEVERITY_RANK[settingSeverity(setting)];
}

/** The config's overrides whose globs match the file (paths relative to the config's folder), in order. */
export function matchingOverrides(config: RuleConfig, filePath: string | undefined): RuleConfig['overrides'] {
  if (!filePath || config.overrides.length === 0) return [];
  const relative = path.relative(config.baseDir, path.resolve(filePath)).split(path.sep).join('/');
  return config.overrides.filter((override) => picomatch.isMatch(relative, override.files, { dot: true }));
}

/**
 * The rule set of a config without overrides, which is the same for every file: a lint of 1,000 files
 * resolved it 1,000 times. Reused only while the config holds the same packs (by identity of their
 * content) and the same severities; a config changed in place is resolved again.
 */
interface CachedRuleSet {
  packs: readonly LoadedPack[];
  packIds: string;
  rules: string;
  ruleSet: RuleSet;
}

const cachedRuleSets = new WeakMap<RuleConfig, CachedRuleSet>();

function packIdsOf(packs: readonly LoadedPack[]): string {
  return packs.map((pack) => `${pack.name}@${pack.source}#${identityOf(pack)}`).join(',');
}

/**
 * The rules that apply to one file: the packs' rules (a later pack's rule replaces an earlier one
 * with the same id), then the config's severities, then its overrides whose globs match the file.
 * The result is shared between calls: treat it as read-only.
 */
export function resolveRuleSet(config: RuleConfig, filePath?: string): RuleSet {
  if (config.overrides.length > 0) return computeRuleSet(config, filePath);
  const cached = cachedRuleSets.get(config);
  const packIds = packIdsOf(flattenPacks(config.packs));
  const rules = JSON.stringify(config.rules);
  if (cached && cached.packs === config.packs && cached.packIds === packIds && cached.rules === rules) return cached.ruleSet;
  const ruleSet = computeRuleSet(config, filePath);
  cachedRuleSets.set(config, { packs: config.packs, packIds, rules, ruleSet });
  return ruleSet;
}

function computeRuleSet(config: RuleConfig, filePath?: string): RuleSet {
  const byId = new Map<string, { rule: PackRule; pack: string; severity: Severity | 'off' }>();
  let parent: ParentFacts | null = null;
  const packs = flattenPacks(config.packs);
  for (const pack of packs) {
    for (const rule of pack.json.rules ?? []) byId.set(rule.id, { rule, pack: pack.name, severity: rule.severity });
    if (pack.json.parent) {
      parent = { ...(parent ?? {}), ...pack.json.parent };
      // The wording belongs to the deadlines it came with: a pack that sets only deadlines drops an earlier pack's.
      if (pack.json.parent.deadlines && !pack.json.parent.asWritten) delete parent.asWritten;
    }
  }
  const settings: Record<string, RuleSetting> = { ...config.rules };
  for (const override of matchingOverrides(config, filePath)) Object.assign(settings, override.rules);
  for (const [id, setting] of Object.entries(settings)) {
    const entry = byId.get(id);
    const severity = settingSeverity(setting);
    if (entry && severity) entry.severity = severity;
  }
  const rules: EffectiveRule[] = [];
  for (const [id, entry] of byId) {
    if (entry.severity === 'off') continue;
    rules.push({
      rule: entry.rule,
      pack: entry.pack,
      severity: entry.severity,
      docsUrl: entry.rule.docs ?? `${DOCS_BASE}/${entry.pack}/${id}/README.md`,
    });
  }
  const key = rules.map((r) => `${r.pack}/${r.rule.id}:${r.severity}`).join(',') +
    `|${packs.map((p) => `${p.name}@${p.version}#${identityOf(p)}`).join(',')}`;
  return { key, rules, parent, knownIds: new Set(byId.keys()) };
}
