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
  deadlines?: { planSubmission?: string; sixMonthReport?: string; annualReport?: string; actionMonthReport?: string };
  /** The period the parent's plan covers, as its title names it (`2026`, `2026-2027`; facts/period.ts). */
  period?: string;
  /** The period a deadline reports on where its wording names another than `period` (`báo cáo năm 2025` in a plan for 2026). */
  periods?: { planSubmission?: string; sixMonthReport?: string; annualReport?: string; actionMonthReport?: string };
  /** Each deadline as the parent wrote it (`trước ngày 25/3/2024` for a planSubmission of 2024-03-24), for messages. */
  asWritten?: { planSubmission?: string; sixMonthReport?: string; annualReport?: string; actionMonthReport?: string };
  actionMonth?: { from: string; to: string };
}

/** A message's placeholder values. */
export type FindingData = Record<string, string | number>;

/**
 * A word or phrase written twice back to back, with what the dictionary makes of it: `word` (the two
 * are words of their own sharing a syllable), `slip` (a repeat, certainly),
 * `unsure`. The edit deletes the repeat and the space before it.
 */
export interface RepeatedWordFact {
  phrase: string;
  dictionary: 'word' | 'slip' | 'unsure';
  position: Position;
  fix: FixRecord;
  suggestions: Suggestion[];
}

/** A year of an activity: in the budget section, the action month's clause, a deadline, or the title when it names another year than the plan's. */
export interface YearFact {
  where: 'budget' | 'actionMonth' | 'deadline' | 'title';
  year: number;
  /** A deadline's date as written. */
  date?: string;
  position: Position;
  /** The edit to the plan's year (budget, action month and title), as a suggestion. */
  suggestions?: Suggestion[];
}

export interface MetadataFacts {
  position?: Position;
  symbol?: string;
  /** The plan's own date (ISO), from its header or front matter. */
  date?: string;
  datePosition?: Position;
  year?: number;
  /** The year after the plan's: an annual report may fall due early in it. */
  nextYear?: number;
  /** The second year of the school year the title names ("năm học 2026-2027" → 2027): the plan runs into it. */
  schoolYearEnd?: number;
  /**
   * The title names the Tháng hành động: a plan for the month itself, made beside the year's plan. The
   * year's periodic reports and the deadline for submitting the year's plan are not its own.
   */
  forActionMonth: boolean;
  title?: string;
  /** `(Ban hành kèm theo Quyết định số … )`: the plan is issued with a decision, which carries its number, basis and Nơi nhận. */
  issuedWith?: string;
  /** The plan this one amends, from its title (`Điều chỉnh, bổ sung Kế hoạch số 52/KH-SGDĐT …`): it holds only what it changes. */
  amends?: string;
  /** The period the title names: a calendar year (`2026`) or a school year (`2026-2027`). */
  period?: string;
  /** The plan's type as its header writes it (`KẾ HOẠCH`). */
  docType?: string;
  /** The type code the plan's own symbol carries (`KH` in `Số: 21/KH-THTS`; `KHH` where that is written). */
  symbolTypeCode?: string;
  /** The codes the plan's type may carry (`KẾ HOẠCH` → `KH`), Nghị định 30/2020, Phụ lục III. */
  typeCodesOfWord?: string[];
  symbolPosition?: Position;
}

export interface SectionFact {
  kind: SectionKind;
  title: string;
  numbering?: string;
  level: number;
  position?: Position;
}

export interface SectionFacts {
  list: SectionFact[];
  count: Record<SectionKind, number>;
  /** The parts a plan of this kind has (purpose: purpose or objectives; tasks; organisation), each with how many sections it has. */
  required: Array<{ part: 'purpose' | 'tasks' | 'organisation'; count: number }>;
}

/** A numbered heading or point, with the value and marker expected after its predecessor of the same style. */
export interface EnumerationFact {
  marker: string;
  style: string;
  value: number;
  expected: string;
  expectedValue: number;
  previous?: string;
  previousValue?: number;
  /**
   * When the item before is itself misnumbered: the value expected had it been numbered as expected
   * (`II.` written twice: the `IV.` after the second is what the writer meant to follow `III.`).
   */
  intendedValue?: number;
  position?: Position;
  /** The renumbering edit, as a suggestion. */
  renumber?: Suggestion[];
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

export interface DeadlineFact {
  kind: string;
  due?: string;
  year?: number;
  relation: string;
  months?: number[];
  subject: string;
  position?: Position;
  /** The last day it allows (ISO): `trước ngày 05/6` → 04/6, `trong tháng 4/2024` → 30/4. */
  lastDay?: string;
  /** The parent's last day for a deadline of the same kind (ISO), when the parent sets one. */
  parentDue?: string;
  /** The deadline as the plan wrote it (`trước ngày 10/12/2024`), and as the parent wrote its own of the same kind. */
  asWritten?: string;
  parentAsWritten?: string;
  /**
   * A deadline given by its month only (`Tháng 6/2027` in a schedule's time cell) for a report the plan
   * also dates to the day elsewhere (`Các báo cáo … gửi về Sở trước ngày 10/6/2027`): the day stands for it.
   */
  dayGivenElsewhere?: boolean;
}

/** The last day each kind of deadline allows (ISO), the latest when the plan sets several: for pack conditions. */
export interface DeadlineByKind {
  planSubmission?: string;
  sixMonthReport?: string;
  annualReport?: string;
  actionMonthReport?: string;
  /** Where each of those deadlines is written (for a rule's `at`: `deadlineByKind.at.sixMonthReport`). */
  at: { planSubmission?: Position; sixMonthReport?: Position; annualReport?: Position; actionMonthReport?: Position };
}

export interface ReportDeadlineFacts {
  /** Whether any periodic-report deadline (6-month, annual) carries a full date. */
  hasDated: boolean;
  /** Periodic-report mentions without a date ("theo quy định", a bare month), the first one's words and place. */
  vagueCount: number;
  firstVague?: string;
  position?: Position;
}

/** A date range the plan gives the Tháng hành động (ISO; `--11-15` without a year). */
export interface ActionMonthRange {
  from: string;
  to: string;
  fromYear?: number;
  toYear?: number;
  raw: string;
  position?: Position;
  /**
   * The month's whole range as the plan writes it elsewhere, when this range lies inside it: a week of
   * the month (`15/11 – 21/11/2027 | Phát động Tháng hành động`), not the month's dates.
   */
  within?: string;
}

export interface ActionMonthFacts {
  mentioned: boolean;
  scheduled: boolean;
  /** The first range scheduled. */
  from?: string;
  to?: string;
  /** Every range the mentions are scheduled with. */
  ranges: ActionMonthRange[];
  /** The first mention. */
  position?: Position;
}

export interface BudgetFacts {
  hasSection: boolean;
  /** The funding sources named (`ngân sách`, `nguồn hợp pháp` …), lowercase. */
  sources: string[];
  /** Money amounts (VND) written in the budget section, and their sum. */
  amounts: number[];
  total: number;
  /** The first budget heading. */
  position?: Position;
}

export interface RoleFacts {
  hasSection: boolean;
  /** The units and positions named as doing something. */
  units: string[];
  /** The first organisation heading. */
  position?: Position;
}

export interface RecipientFacts {
  present: boolean;
  /** The last recipient line, trimmed, and where it is. */
  last?: string;
  lastPosition?: Position;
  /** Where the last line starts with "Lưu … VT" in any spacing, as written, with the edit to "Lưu: VT". */
  archive?: { written: string; position: Position; fix: FixRecord };
  /** The block, or the plan's last line when there is none. */
  position?: Position;
}

export interface SignerFacts {
  present: boolean;
  hasTitle: boolean;
  hasName: boolean;
  /** `KT.`, `TM.`, `TL.`, `Q.`, `TUQ.` before the title it signs for. */
  authority?: string;
  /** The head the signer signs for (`HIỆU TRƯỞNG` of `KT. HIỆU TRƯỞNG`). */
  onBehalfOf?: string;
  /** The signer's own title (`PHÓ HIỆU TRƯỞNG`). */
  title?: string;
  /**
   * Under `KT. X`, with the signer's title on the next line: the title a deputy of X bears, `PHÓ X`
   * (Nghị định 30/2020, Phụ lục I, II.7.b): a signer who is not X's deputy cannot sign in X's stead.
   */
  deputyTitle?: string;
  /** With `deputyTitle`: whether the signer's title is it (`PHÓ HIỆU TRƯỞNG` under `KT. HIỆU TRƯỞNG`, words after it allowed). */
  signsAsDeputy?: boolean;
  /** The signature block, or the plan's last line when there is none. */
  position?: Position;
}

/** Where the legal basis cites the parent's plan (when the parent's number is known), and the date it gives. */
export interface ParentCitationFacts {
  /** Cited in the legal basis (the Căn cứ / Thực hiện before the first section). */
  found: boolean;
  /** Cited anywhere in the plan: what a plan issued with a decision can show, its basis being the decision's. */
  anywhere: boolean;
  symbol?: string;
  date?: string;
  position?: Position;
  datePosition?: Position;
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
  enumerations: EnumerationFact[];
  repeatedWords: RepeatedWordFact[];
  years: YearFact[];
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
