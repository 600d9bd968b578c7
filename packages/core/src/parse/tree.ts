// The document tree: the plan's blocks as written, unist-shaped (type, children, position, data),
// so that unist utilities and vfile messages fit. Positions refer to the ORIGINAL decoded text
// (for .docx and .pdf: the extracted text that `plan-lint convert` prints); a node made by a
// transform has none. docs/document-tree.md describes every node.
import type { Position } from '../decode/source-text.js';
import type { DateValue, TextSpan } from './values.js';

export interface TreeNode {
  type: string;
  position?: Position;
  data?: Record<string, unknown>;
}

export interface Parent extends TreeNode {
  children: TreeNode[];
}

export interface Root extends Parent {
  type: 'root';
  children: BlockContent[];
}

export type BlockContent =
  | Heading
  | Paragraph
  | List
  | Table
  | Blockquote
  | Html
  | Code
  | ThematicBreak
  | Frontmatter
  | PlanHeader
  | LegalBasis
  | RecipientsBlock
  | SignatureBlock;

export type PhrasingContent = Text | Break;

export interface Text extends TreeNode {
  type: 'text';
  /** The words as read: wrapped lines re-joined with one space, Markdown emphasis marks removed. */
  value: string;
}

/** A line break inside a paragraph that the writer meant (Markdown `\` or two spaces at a line end). */
export interface Break extends TreeNode {
  type: 'break';
}

/** How a list item or numbered heading is numbered, as written and as parsed. */
export interface Marker {
  /** As written: `I.`, `1.`, `1.1.`, `a)`, `đ)`, `-`, `+`, `*`, `•`. */
  raw: string;
  style: 'roman' | 'arabic' | 'decimal' | 'letter' | 'bullet';
  /** `II.` → [2], `2.1.` → [2, 1], `đ)` → [5] (a b c d đ e g …), bullets → []. */
  value: number[];
}

export interface Heading extends Parent {
  type: 'heading';
  /** 1–6: from `#`/setext, or from outline numbering (`I.` 1, `1.` 2, `1.1.` 3 …). */
  depth: number;
  /** `atx`, `setext`, or `numbering` when only the outline number makes it a heading. */
  source: 'atx' | 'setext' | 'numbering';
  marker?: Marker;
  children: PhrasingContent[];
}

export interface Paragraph extends Parent {
  type: 'paragraph';
  children: PhrasingContent[];
}

export interface List extends Parent {
  type: 'list';
  /** True for numbered markers (`1.`, `a)`), false for bullets. */
  ordered: boolean;
  children: ListItem[];
}

export interface ListItem extends Parent {
  type: 'listItem';
  marker: Marker;
  /** The item's own text first (a paragraph), then nested lists. */
  children: (Paragraph | List)[];
}

export interface Table extends Parent {
  type: 'table';
  /** Column alignment from the delimiter row (`:--`, `:-:`, `--:`), when there is one. */
  align?: ('left' | 'center' | 'right' | null)[];
  children: TableRow[];
}

export interface TableRow extends Parent {
  type: 'tableRow';
  /** The row above a delimiter row `| --- |`. */
  isHeader: boolean;
  children: TableCell[];
}

export interface TableCell extends Parent {
  type: 'tableCell';
  children: PhrasingContent[];
}

export interface Blockquote extends Parent {
  type: 'blockquote';
  children: BlockContent[];
}

/** An HTML comment; `plan-lint-…` disable comments are among them. */
export interface Html extends TreeNode {
  type: 'html';
  value: string;
}

export interface Code extends TreeNode {
  type: 'code';
  lang?: string;
  value: string;
}

export interface ThematicBreak extends TreeNode {
  type: 'thematicBreak';
}

export interface Frontmatter extends TreeNode {
  type: 'frontmatter';
  /** The YAML between the `---` lines. */
  value: string;
}

/** The plan's header block: issuing body, number and symbol, place and date (Nghị định 30/2020, Phụ lục I). */
export interface PlanHeader extends Parent {
  type: 'header';
  issuer?: TextSpan;
  symbol?: TextSpan;
  place?: TextSpan;
  date?: DateValue;
  children: BlockContent[];
}

/** The `Căn cứ …` / `Thực hiện …` paragraphs. */
export interface LegalBasis extends Parent {
  type: 'legalBasis';
  children: BlockContent[];
}

/** `Nơi nhận:` and its entries. */
export interface RecipientsBlock extends Parent {
  type: 'recipients';
  children: BlockContent[];
}

/** The signature block: authority, title and name of the signer. */
export interface SignatureBlock extends Parent {
  type: 'signature';
  children: BlockContent[];
}

/** Cells of a logical line that comes from a table row; offsets are in the logical text. */
export interface RowInfo {
  cells: { start: number; end: number }[];
  /** The table's header cell texts, when it has a header row. */
  header?: string[];
  isHeader: boolean;
  /** Where a line break (`<br>`) stood inside a cell: the offsets of the words after each. */
  breaks?: number[];
}
