import type { Position, SectionKind } from '../parse/ast.js';
import type { ParentFacts } from '../engine/pack-types.js';
import type { FixRecord } from '../report/diagnostic.js';
import type { TextFact } from './text-fact.js';

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

/** A suggested edit the core computed: offered, never applied by --fix. */
export interface Suggestion {
  messageId: string;
  data?: FindingData;
  fix: FixRecord;
}

/** A registry entry, as data (rules/registry/documents.json). */
export interface RegistryEntryFact {
  number: string;
  type: string;
  /** ISO date of the document. */
  date: string;
  issuer: string;
  title: string;
  /** Only a verified entry may raise an error. */
  verified: boolean;
}

/** A citation, as written and as the registry knows it. Observations only: the van-ban pack judges. */
export interface CitationFact {
  docType: string;
  symbol?: string;
  symbolRaw?: string;
  /** The symbol without spaces around `-` and `/` (NFC). */
  symbolNormalized?: string;
  /** The date as read (ISO, perhaps partial). */
  date?: string;
  issuer?: string;
  inLegalBasis: boolean;
  position?: Position;
  /** Number of the registry entry it matched, when it matched one. */
  registryNumber?: string;
  registryVerified?: boolean;
  /** The registry's entry for this number. */
  registry?: RegistryEntryFact;
  /** The date as written, whether it is a calendar date, its year, and the full ISO date when it has day, month and year. */
  dateRaw?: string;
  dateValid?: boolean;
  dateYear?: number;
  fullDate?: string;
  datePosition?: Position;
  /** The year inside the symbol (`2021` of `125/2021/NĐ-CP`). */
  symbolYear?: number;
  /** The type code the symbol carries (`NĐ`; for a law, its authority `QH`), and the codes the type word written may carry. */
  typeCode?: string;
  typeCodesOfWord?: string[];
  /** The registry's number for this document when the type word is right and the symbol's code wrong. */
  registrySymbol?: string;
  registrySymbolFix?: FixRecord;
  typeCodeSuggestions?: Suggestion[];
  /** The authority the symbol names (`CP`) and the one the issuer as written names (`TTg`), with the issuer the symbol's authority has. */
  authority?: string;
  issuerAuthority?: string;
  expectedIssuer?: string;
  issuerWritten?: string;
  issuerPosition?: Position;
  issuerFix?: FixRecord;
  issuerSuggestions?: Suggestion[];
  /** The symbol exactly as written, without spaces, and where. */
  symbolWritten?: string;
  symbolCompact?: string;
  symbolPosition?: Position;
  symbolSpacesFix?: FixRecord;
  /** `party` (`03-NQ/TU`), `state` (`03/NQ-TU`) or `law` (`73/2006/QH11`); whether the authority is a Party body, and its Party form. */
  form?: 'party' | 'state' | 'law';
  partyBody?: boolean;
  partyForm?: string;
  partyFormFix?: FixRecord;
  /** Whether "số" precedes the number, whether the type word is a full name (`Nghị định`, not `NĐ`), and the edit that inserts "số ". */
  hasSo?: boolean;
  typeWordInFull?: boolean;
  docTypePosition?: Position;
  insertSoFix?: FixRecord;
  /** The first earlier citation of the same document (same number, type, year and issuer). */
  earlier?: { symbol?: string; fullDate?: string; line: number };
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
