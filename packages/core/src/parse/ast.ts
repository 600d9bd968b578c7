// The plan AST. One shape whatever the input format (Markdown, text, Word, PDF).
// Positions follow unist: lines and columns count from 1, offsets from 0, and they
// always refer to the ORIGINAL decoded text (before CRLF and NFC normalisation).
import type { Point, Position } from '../decode/source-text.js';
import type { DateValue, NodeBase, TextSpan } from './values.js';
import type { Root } from './tree.js';

export type { Point, Position, DateValue, NodeBase, TextSpan };


export type SectionKind =
  | 'purpose'
  | 'objectives'
  | 'tasks'
  | 'budget'
  | 'organisation'
  | 'appendix'
  | 'other';

/** roman `I.`, arabic `1.`, decimal `2.1.`, letter `a)`, bullet `-`/`+`/`o`/glyph, heading: a Markdown heading without numbering. */
export type NumberingStyle = 'roman' | 'arabic' | 'decimal' | 'letter' | 'bullet' | 'heading';

export interface Numbering extends NodeBase {
  type: 'numbering';
  style: NumberingStyle;
  /** As written, e.g. `II.`, `2.1.`, `2.5`, `đ)`, `-`, `+`. */
  raw: string;
  /** Numeric path: `II.` → [2], `2.1.` → [2, 1], `đ)` → [5] (index in a b c d đ e g h i k l m n, from 1). Empty for bullets. */
  value: number[];
}

export interface Paragraph extends NodeBase {
  type: 'paragraph';
  text: string;
}

/** A numbered block (`I.`, `1.`, `2.1.`, `a)`) or a Markdown heading, with what follows it until the next block of the same or a higher level. */
export interface Section extends NodeBase {
  type: 'section';
  numbering?: Numbering;
  /** The text of the heading line, numbering and Markdown markup removed. */
  title: string;
  kind: SectionKind;
  /** 1 = top level (`I.` or `#`), deeper levels count up. */
  level: number;
  /** Range of the heading line alone. */
  headingPosition?: Position;
  children: BodyNode[];
}

/** A bullet item (`-`, `+`, `o`, `•`, private-use glyphs). */
export interface Item extends NodeBase {
  type: 'item';
  numbering: Numbering;
  text: string;
  children: BodyNode[];
}

export type BodyNode = Section | Item | Paragraph;


export interface DateRange extends NodeBase {
  type: 'dateRange';
  from: DateValue;
  to: DateValue;
  raw: string;
  /** `đến hết ngày …`: through the end of that day. */
  through?: boolean;
}

export interface ParsedSymbol {
  /** `125` of `125/2021/NĐ-CP`. */
  serial: string;
  year?: number;
  /** Type code: `NĐ`, `QĐ`, `KH`, `NQ`, `CT` …; undefined for a công văn (`UBND-KTN`). */
  typeCode?: string;
  /** Authority: `CP`, `TTg`, `UBND`, `TW`, `TU`, `BGDĐT` … */
  authority?: string;
  /** Party form `21-CT/TW` (hyphen after the number, slash before the body). */
  isParty: boolean;
  /** Law / ordinance form `73/2006/QH11`. */
  isLaw: boolean;
}


export interface Citation extends NodeBase {
  type: 'citation';
  /** Type word as written: `Nghị định`, `Quyết định`, `Kế hoạch` … */
  docType: string;
  docTypePosition?: Position;
  /** Whether `số` precedes the number. */
  hasSo: boolean;
  /** Number and symbol as written (`125/2021/NĐ-CP`, `56- KL/TU`). */
  symbolRaw?: string;
  /** Number and symbol with spaces around `-` and `/` removed. */
  symbol?: string;
  symbolPosition?: Position;
  parsedSymbol?: ParsedSymbol;
  date?: DateValue;
  issuer?: TextSpan;
  title?: TextSpan;
  /** The whole citation as written. */
  text: string;
  /** True when it stands in the legal basis (`Căn cứ` / `Thực hiện` preamble). */
  inLegalBasis: boolean;
}

export type DeadlineKind = 'plan-submission' | 'six-month-report' | 'annual-report' | 'action-month-report' | 'other';

export interface Deadline extends NodeBase {
  type: 'deadline';
  kind: DeadlineKind;
  /** What is due, as written (`Báo cáo 6 tháng`). */
  subject: string;
  /** The due date; for `trong tháng 04/2024` only month/year are set. */
  due?: DateValue;
  /** Months given without a day (`vào tháng 6 và tháng 12 hằng năm`). */
  months?: number[];
  /** `trước ngày` (strictly before), `ngày` (on), `trong tháng` (within the month). */
  relation: 'before' | 'on' | 'within-month' | 'vague';
  /** Where it is sent (`Phòng GDĐT huyện`). */
  recipient?: string;
  /** The date with the words that qualify it, as written (`trước ngày 10/12/2024`): what messages quote. */
  asWritten?: string;
  text: string;
}

/** A mention of the Tháng hành động vì bình đẳng giới, with the range bound to it by structure. */
export interface ActionMonthMention extends NodeBase {
  type: 'actionMonth';
  range?: DateRange;
  /** Where the range was written: the same table row, clause, list item or paragraph, or under the heading that names the month. */
  boundBy?: 'row' | 'clause' | 'item' | 'heading';
}

export interface MoneyAmount extends NodeBase {
  type: 'money';
  amount: number;
  currency: 'VND';
  raw: string;
}

export interface Responsibility extends NodeBase {
  type: 'responsibility';
  /** The unit or position (`Hiệu trưởng`, `Phòng GD&ĐT`, `Các tổ chuyên môn`). */
  unit: string;
  unitPosition?: Position;
  duties: TextSpan[];
}

export interface Recipients extends NodeBase {
  type: 'recipients';
  entries: TextSpan[];
}

export interface Signer extends NodeBase {
  type: 'signer';
  /** `KT.`, `TM.`, `TL.`, `Q.`, `TUQ.` */
  authority?: string;
  /** The body or head the prefix refers to (`HIỆU TRƯỞNG` of `KT. HIỆU TRƯỞNG`). */
  onBehalfOf?: string;
  /** The signer's own title (`PHÓ HIỆU TRƯỞNG`). */
  title?: string;
  /** The title is written on the line right under the authority's (`KT. HIỆU TRƯỞNG` / `PHÓ HIỆU TRƯỞNG`). */
  titleUnderAuthority?: boolean;
  name?: string;
}

export interface PlanMetadata {
  /** Number and symbol of this plan (`72/KH-MNHH`). */
  symbol?: TextSpan;
  issuingBody?: TextSpan;
  place?: TextSpan;
  date?: DateValue;
  /** Type word of the document (`KẾ HOẠCH`). */
  docType?: TextSpan;
  title?: TextSpan;
  /**
   * `(Ban hành kèm theo Quyết định số … )` under the title: the plan is issued with a decision, which
   * carries its number, legal basis and Nơi nhận.
   */
  issuedWith?: TextSpan;
  /** The plan's year: from its date, else its title, else the front matter. */
  year?: number;
  /** YAML front matter of a Markdown plan, as parsed. */
  frontMatter?: Record<string, unknown>;
}

export interface ParseProblem extends NodeBase {
  type: 'problem';
  code: 'lexer' | 'parser' | 'front-matter' | 'layout';
  message: string;
}

export interface DisableComment extends NodeBase {
  type: 'disableComment';
  /** `disable-next-line`, `disable`, `enable`, `disable-line`. */
  kind: string;
  rules: string[];
  reason?: string;
  raw: string;
}

export interface PlanDocument extends NodeBase {
  type: 'document';
  format: 'markdown' | 'text';
  metadata: PlanMetadata;
  /** Citations of the preamble (`Căn cứ …`, `Thực hiện …`). */
  legalBasis: Citation[];
  /** Paragraphs before the first section (title, legal basis, introduction). */
  preamble: BodyNode[];
  sections: Section[];
  citations: Citation[];
  dates: DateValue[];
  dateRanges: DateRange[];
  deadlines: Deadline[];
  /** Mentions of the Tháng hành động, each with its range when the plan writes one with it. */
  actionMonths: ActionMonthMention[];
  money: MoneyAmount[];
  responsibilities: Responsibility[];
  recipients?: Recipients;
  signer?: Signer;
  /** `<!-- plan-lint-... -->` comments. */
  disableComments: DisableComment[];
  problems: ParseProblem[];
  /** The blocks as written (docs/document-tree.md); the fields above are read from it. */
  tree: Root;
}
