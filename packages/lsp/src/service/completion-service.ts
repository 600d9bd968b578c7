import { formatDate, type SectionKind } from '@plan-lint/core';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position as LspPosition } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanAnalysis } from './plan-analysis.js';
import type { DocumentRegistry, RegistryDocument } from './registry.js';

// Type words of Nghị định 30/2020 Điều 7 and Luật 80/2015 Điều 4 that plans cite; longest first so
// that "Bộ luật" wins over "luật".
const TYPE_WORDS = [
  'Thông tư liên tịch', 'Chương trình', 'Nghị quyết', 'Quyết định', 'Hướng dẫn', 'Nghị định', 'Kế hoạch',
  'Thông tư', 'Công văn', 'Kết luận', 'Pháp lệnh', 'Thông báo', 'Chỉ thị', 'Bộ luật', 'Đề án', 'Luật',
];
const TYPE_WORD_AT_END = new RegExp(`(?:^|[^\\p{L}])(${TYPE_WORDS.join('|')})(\\s+(?:số\\s*)?)([^\\s]*)$`, 'iu');

/** Headings a compliant plan needs (required-sections, budget-declared, roles-declared), in plan order. */
const REQUIRED_SECTIONS: { kind: SectionKind; also?: SectionKind; title: string }[] = [
  { kind: 'purpose', also: 'objectives', title: 'MỤC ĐÍCH, YÊU CẦU' },
  { kind: 'tasks', title: 'NHIỆM VỤ, GIẢI PHÁP' },
  { kind: 'budget', title: 'KINH PHÍ THỰC HIỆN' },
  { kind: 'organisation', title: 'TỔ CHỨC THỰC HIỆN' },
];
const HEADING_START = /^\s*(#{1,6}\s*)?([IVXLC]+\.?\s*)?$/;

/**
 * Completion reads the line before the cursor first: only a heading needs the lint result, so a
 * space typed in running text (a trigger character) costs no lint ahead of the debounced one.
 */
export async function getCompletions(
  document: TextDocument,
  registry: DocumentRegistry,
  position: LspPosition,
  analyze: () => Promise<PlanAnalysis>,
  triggeredByCharacter = false,
): Promise<CompletionItem[]> {
  const linePrefix = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const citation = TYPE_WORD_AT_END.exec(linePrefix);
  if (citation) return citationCompletions(registry, citation, position);
  // A space typed to indent is no request for headings; `## ` or `III. ` followed by a space is.
  if (triggeredByCharacter && linePrefix.trim() === '') return [];
  if (HEADING_START.test(linePrefix)) return sectionCompletions(await analyze(), linePrefix, position);
  return [];
}

/** After `Nghị định số `: the registry's Nghị định, each completing to number, date, issuer and title. */
function citationCompletions(registry: DocumentRegistry, match: RegExpExecArray, position: LspPosition): CompletionItem[] {
  const [, typeWord, gap, partial] = match;
  const needsSo = !/số/iu.test(gap);
  const replace = { start: { line: position.line, character: position.character - partial.length }, end: position };
  return registry.ofType(typeWord).map((entry, index) => ({
    label: entry.number,
    kind: CompletionItemKind.Reference,
    detail: [formatDate(entry.date), entry.issuer].filter(Boolean).join(' · '),
    documentation: entry.title,
    filterText: entry.number,
    sortText: String(index).padStart(4, '0'),
    textEdit: { range: replace, newText: `${needsSo ? 'số ' : ''}${citationText(entry)}` },
  }));
}

/** As Nghị định 30/2020 (Phụ lục I, II.6.b) wants a first citation: number, date, issuer, title. */
export function citationText(entry: RegistryDocument): string {
  const parts = [entry.number];
  const date = formatDate(entry.date);
  if (date) parts.push(`ngày ${date}`);
  if (entry.issuer) parts.push(`của ${entry.issuer}`);
  // A title that repeats the type word ("Luật Bình đẳng giới") is the document's name, not a trích yếu.
  if (entry.title && !entry.title.toLocaleLowerCase('vi').startsWith(entry.type.toLocaleLowerCase('vi'))) {
    parts.push(lowerFirst(entry.title));
  }
  return parts.join(' ');
}

function sectionCompletions(analysis: PlanAnalysis, linePrefix: string, position: LspPosition): CompletionItem[] {
  const present = new Set(analysis.plan.sections.map((section) => section.kind));
  const missing = REQUIRED_SECTIONS.filter((section) => !present.has(section.kind) && !(section.also && present.has(section.also)));
  const topLevel = analysis.plan.sections.filter((section) => section.numbering?.style === 'roman');
  let next = (topLevel.at(-1)?.numbering?.value[0] ?? 0) + 1;
  const markdown = analysis.plan.format === 'markdown';
  const range = { start: { line: position.line, character: 0 }, end: position };
  const typedHashes = /^\s*#/.test(linePrefix);
  return missing.map((section, index) => {
    const heading = `${roman(next++)}. ${section.title}`;
    const text = markdown || typedHashes ? `## ${heading}` : heading;
    return {
      label: heading,
      kind: CompletionItemKind.Module,
      detail: analysis.locale === 'en' ? 'section the plan still lacks' : 'mục kế hoạch còn thiếu',
      sortText: `~${index}`,
      filterText: linePrefix.trim() === '' ? heading : `${linePrefix.trim()} ${heading}`,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText: `${text}\n` },
    };
  });
}

function roman(value: number): string {
  const table: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = Math.max(1, Math.min(value, 39));
  let out = '';
  for (const [amount, letters] of table) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0].toLocaleLowerCase('vi') + text.slice(1) : text;
}
