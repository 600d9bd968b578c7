import type { TopLevelCondition } from 'json-rules-engine';
import type { Locale } from '../report/diagnostic.js';

export type LocalizedText = Record<Locale, string>;
export type RuleSeverity = 'error' | 'warning' | 'off';

/** Where an event's diagnostics go: one per flagged item of a list fact, or one at a place of the document. */
export interface RuleEventParams {
  messageId: string;
  /** One diagnostic per item of `fact` whose `issues` has `flag`. */
  items?: { fact: string; flag: string };
  /** A document-level diagnostic at a fact path holding a position (`metadata.datePosition`); default: the plan's title. */
  at?: string;
  /** Message placeholders of a document-level diagnostic: name → fact path (`parent.deadlines.planSubmission`). */
  data?: Record<string, string>;
}

export interface PackRule {
  id: string;
  severity: Exclude<RuleSeverity, 'off'>;
  fixable?: boolean;
  /** Whether the rule reads the parent's facts (it stays silent without a parent). */
  needsParent?: boolean;
  docs?: string;
  /** A short name for people (a column of the HTML report). */
  title?: LocalizedText;
  description?: LocalizedText;
  messages: Record<string, LocalizedText>;
  conditions: TopLevelCondition;
  event: { params: RuleEventParams };
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

/** The superior's plan, as facts a pack can carry (`plan-lint pack derive`). Dates are ISO 8601. */
export interface ParentFacts {
  symbol?: string;
  date?: string;
  title?: string;
  issuer?: string;
  year?: number;
  deadlines?: { planSubmission?: string; sixMonthReport?: string; annualReport?: string };
  /** Each deadline as the parent wrote it (`trước ngày 25/3/2024` for a planSubmission of 2024-03-24), for messages. */
  asWritten?: { planSubmission?: string; sixMonthReport?: string; annualReport?: string };
  actionMonth?: { from: string; to: string };
}

export interface PackExample {
  file: string;
  valid: boolean;
}

/** A pack file as written (validated against schemas/pack.schema.json). */
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

/** A pack after loading: its `extends` resolved (depth first), the file or URL it came from. */
export interface LoadedPack {
  name: string;
  version: string;
  source: string;
  json: PackJson;
  extends: LoadedPack[];
}
