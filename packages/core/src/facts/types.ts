import type { Position, SectionKind } from '../parse/ast.js';
import type { FixRecord } from '../fix/apply-fixes.js';
import type { TextFact } from './text-fact.js';

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

export type FindingData = Record<string, string | number>;

/** What a check found wrong with one fact item: the rule that reads its flag reports it here. */
export interface Finding {
  /** The message to use, when the rule has several (`missing`, `wrongRange`); default: the rule event's. */
  messageId?: string;
  /** Where to report, when narrower than the item (the issuer of a citation). */
  position?: Position;
  data?: FindingData;
  fix?: FixRecord;
  suggestions?: Array<{ messageId: string; data?: FindingData; fix: FixRecord }>;
}

export interface Flaggable {
  position?: Position;
  /** flag → finding(s); a rule with `items: { fact, flag }` gives one diagnostic per finding. */
  issues?: Record<string, Finding | Finding[]>;
}

export interface MetadataFacts extends Flaggable {
  symbol?: string;
  /** The plan's own date (ISO), from its header or front matter. */
  date?: string;
  datePosition?: Position;
  year?: number;
  title?: string;
}

export interface SectionFact {
  kind: SectionKind;
  title: string;
  numbering?: string;
  level: number;
  position?: Position;
}

export interface SectionFacts extends Flaggable {
  list: SectionFact[];
  count: Record<SectionKind, number>;
  /** Kinds a plan must have that are missing (purpose or objectives, tasks, organisation). */
  missing: string[];
}

export interface CitationFact extends Flaggable {
  docType: string;
  symbol?: string;
  symbolRaw?: string;
  date?: string;
  issuer?: string;
  inLegalBasis: boolean;
  /** Number of the registry entry it matched, when it matched one. */
  registryNumber?: string;
  registryVerified?: boolean;
}

export interface DeadlineFact extends Flaggable {
  kind: string;
  due?: string;
  year?: number;
  relation: string;
  months?: number[];
  subject: string;
}

/** The last day each kind of deadline allows (ISO), the latest when the plan sets several: for pack conditions. */
export interface DeadlineByKind {
  planSubmission?: string;
  sixMonthReport?: string;
  annualReport?: string;
  /** Where each of those deadlines is written (for a rule's `at`: `deadlineByKind.at.sixMonthReport`). */
  at: { planSubmission?: Position; sixMonthReport?: Position; annualReport?: Position };
}

export interface ReportDeadlineFacts extends Flaggable {
  /** Whether any periodic-report deadline (6-month, annual) carries a full date. */
  hasDated: boolean;
  /** Periodic-report mentions without a date ("theo quy định", a bare month). */
  vagueCount: number;
}

export interface ActionMonthFacts extends Flaggable {
  mentioned: boolean;
  scheduled: boolean;
  from?: string;
  to?: string;
}

export interface BudgetFacts extends Flaggable {
  hasSection: boolean;
  namesSource: boolean;
  /** The funding sources named (`ngân sách`, `nguồn hợp pháp` …), lowercase. */
  sources: string[];
  /** Money amounts (VND) written in the budget section. */
  amounts: number[];
  /** Whether a budget section names a funding source: what `budget-declared` asks for. */
  declared: boolean;
}

export interface RoleFacts extends Flaggable {
  hasSection: boolean;
  units: string[];
  declared: boolean;
}

export interface RecipientFacts extends Flaggable {
  present: boolean;
  endsWithArchive: boolean;
}

export interface SignerFacts extends Flaggable {
  present: boolean;
  hasTitle: boolean;
  hasName: boolean;
}

export interface ParentCitationFacts extends Flaggable {
  /** `none` when no parent is known. */
  status: 'none' | 'cited' | 'missing' | 'wrongDate' | 'noDate';
}

/** Everything the rules read, computed once per document; plain JSON. */
/** What the plan is about: packs with a `topic` apply to plans of that topic only. */
export interface TopicFact {
  /** `binh-dang-gioi`, or `other` for a plan about something else; a config may name any topic. */
  id: string;
  /** What decided it: the title, a heading, the config, repeated mentions in a plan without a title, or nothing. */
  by: 'title' | 'headings' | 'config' | 'body' | 'none';
  /** The text that decided it (the title or heading). */
  evidence?: string;
  position?: Position;
}

export interface PlanFacts {
  metadata: MetadataFacts;
  topic: TopicFact;
  sections: SectionFacts;
  citations: CitationFact[];
  deadlines: DeadlineFact[];
  deadlineByKind: DeadlineByKind;
  reportDeadlines: ReportDeadlineFacts;
  actionMonth: ActionMonthFacts;
  budget: BudgetFacts;
  roles: RoleFacts;
  enumerations: Flaggable[];
  repeatedWords: Flaggable[];
  years: Flaggable[];
  /** Every year written in the plan outside citations, ascending; a period or school year counts by its first year. */
  yearsUsed: number[];
  recipients: RecipientFacts;
  signer: SignerFacts;
  parent: ParentFacts | null;
  parentCitation: ParentCitationFacts;
  /** Where document-level findings are reported: the title, else the first line. */
  anchor: Position;
  /** The plan's text and its sections' by kind (not enumerable: left out of `inspect`). */
  text: TextFact;
}
