import type { TopLevelCondition } from 'json-rules-engine';
import type { Locale } from './diagnostic.js';
import type { ParentFacts } from '../facts/types.js';
import type { ForEach } from './items.js';

export type { ParentFacts };

export type LocalizedText = Record<Locale, string>;
export type RuleSeverity = 'error' | 'warning' | 'off';
/** How a config sets a rule: a severity, "warn" (= warning) or "off". */
export type RuleSetting = RuleSeverity | 'warn';

export interface ConfigOverride {
  /** picomatch globs, relative to the config file's folder. */
  files: string[];
  rules: Record<string, RuleSetting>;
}

/** What the engine reads of a config (config/types.ts's ResolvedConfig is one): packs and severities. */
export interface RuleConfig {
  /** Folder the globs and relative paths are resolved against. */
  baseDir: string;
  packs: LoadedPack[];
  rules: Record<string, RuleSetting>;
  overrides: ConfigOverride[];
}

/** Where an event's diagnostics go: one per flagged item of a list fact, or one at a place of the document. */
export interface RuleEventParams {
  messageId: string;
  /** A document-level diagnostic at a fact path holding a position (`metadata.datePosition`); default: the plan's title. */
  at?: string | string[];
  /** Message placeholders: name → fact path (`parent.deadlines.planSubmission`, `item.registry.date`). */
  data?: Record<string, string | string[]>;
  /**
   * The fix: `{ "replace": "Lưu: VT" }` rewrites the reported range with the filled template, or a fact
   * path to a fix the core computed (`item.fix`). Applied only when the rule is `fixable`.
   */
  fix?: string | { replace: string };
  /** A fact path to suggestions the core computed (`item.suggestions`): `{ messageId, data, fix }`. */
  suggestions?: string;
}

/** A further condition of a rule with its own event (and list to run over): a rule reports every check that holds. */
export interface RuleCheck {
  conditions: TopLevelCondition;
  event: { params: RuleEventParams };
  forEach?: ForEach;
}

/** A rule's checks: its own conditions, event and `forEach`, then its `checks`. */
export function checksOf(rule: PackRule): RuleCheck[] {
  const first: RuleCheck = { conditions: rule.conditions, event: rule.event, forEach: rule.forEach };
  return rule.checks?.length ? [first, ...rule.checks] : [first];
}

export interface PackRule {
  id: string;
  severity: Exclude<RuleSeverity, 'off'>;
  fixable?: boolean;
  /** The rule offers suggestions (fixes a person picks; --fix never applies them). */
  suggestions?: boolean;
  /**
   * Whether the rule reads the parent's facts (it stays silent without a parent). A list names the
   * parent facts it compares (`"deadlines"`, `"deadlines.planSubmission"`): a parent that gives none of
   * them leaves the rule not applicable (`parent-silent`), never passed.
   */
  needsParent?: boolean | string[];
  /**
   * The plan's own facts the rule compares, dotted, `*` for each item of a list (`metadata.date`,
   * `deadlines.*.parentDue`): a plan whose text gives none of them leaves the rule not applicable
   * (`plan-silent`), never passed.
   */
  needsFacts?: string[];
  docs?: string;
  /** A short name for people (a column of the HTML report). */
  title?: LocalizedText;
  description?: LocalizedText;
  messages: Record<string, LocalizedText>;
  conditions: TopLevelCondition;
  event: { params: RuleEventParams };
  /** Run once per item of a list fact or per match of a pattern; the item is the fact `item`. */
  forEach?: ForEach;
  /** Further conditions, each with its own event (another message, place or fix). */
  checks?: RuleCheck[];
  /** Governance (docs/governance.md): a config cannot turn it off or lower it; inline disables cannot touch it. */
  locked?: boolean;
  /** When the rule is in force (ISO dates, inclusive); a plan is judged by its own date. */
  effective?: EffectivePeriod;
  /** The legal texts and clauses the rule enforces. */
  legalBasis?: string[];
}

export interface EffectivePeriod {
  from?: string;
  to?: string;
}


export interface PackExample {
  file: string;
  valid: boolean;
}

/** A pack as loaded (validated against schemas/pack.schema.json), its rule folders read into `rules`. */
export interface PackJson {
  $schema?: string;
  name: string;
  version: string;
  description?: string;
  /** The plan topic the rules are for; other plans: not applicable (topic not covered). */
  topic?: string;
  extends?: string[];
  rules?: PackRule[];
  parent?: ParentFacts;
  examples?: PackExample[];
  /** When the pack's rules are in force (a rule's own `effective` narrows it). */
  effective?: EffectivePeriod;
}

/** A pack file as written: a rule is inline, or a string naming its folder, its file or a glob of folders. */
export type PackFileJson = Omit<PackJson, 'rules'> & { rules?: Array<PackRule | string> };

/** A pack after loading: its `extends` resolved (depth first), the file or URL it came from. */
export interface LoadedPack {
  name: string;
  version: string;
  source: string;
  json: PackJson;
  extends: LoadedPack[];
  /** Rule id → the folder of a rule that has one (`rules/<pack>/<rule-id>/`: rule.json, README.md, examples/). */
  ruleDirs?: Record<string, string>;
  /** Every file and folder read besides `source` (rule files, globbed folders): a change to one reloads the pack. */
  parts?: string[];
}
