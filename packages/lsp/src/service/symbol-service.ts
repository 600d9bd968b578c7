import type { BodyNode, Item, Position, Section } from '@plan-lint/core';
import { SymbolKind, type DocumentSymbol, type Range, type SymbolInformation } from 'vscode-languageserver';
import type { PlanAnalysis } from './plan-analysis.js';

const ITEM_NAME_LENGTH = 80;

/** The outline: sections nested by level, their items inside. Generated nodes (no position) are left out. */
export function getDocumentSymbols(analysis: PlanAnalysis): DocumentSymbol[] {
  return analysis.plan.sections.flatMap((section) => sectionSymbol(analysis, section));
}

/** For clients without hierarchical symbols: the same outline, flat, each with its container's name. */
export function getSymbolInformation(analysis: PlanAnalysis): SymbolInformation[] {
  const flat: SymbolInformation[] = [];
  const walk = (symbols: DocumentSymbol[], container?: string) => {
    for (const symbol of symbols) {
      flat.push({ name: symbol.name, kind: symbol.kind, location: { uri: analysis.uri, range: symbol.range }, containerName: container });
      walk(symbol.children ?? [], symbol.name);
    }
  };
  walk(getDocumentSymbols(analysis));
  return flat;
}

function sectionSymbol(analysis: PlanAnalysis, section: Section): DocumentSymbol[] {
  if (!section.position) return [];
  const range = analysis.positions.toLspRange(section.position);
  const heading = section.headingPosition ? analysis.positions.toLspRange(section.headingPosition) : range;
  const name = [section.numbering?.raw, section.title].filter(Boolean).join(' ').trim() || section.kind;
  return [
    {
      name,
      detail: section.kind === 'other' ? undefined : section.kind,
      kind: section.level <= 1 ? SymbolKind.Module : SymbolKind.Namespace,
      range,
      selectionRange: inside(heading, range),
      children: childSymbols(analysis, section.children),
    },
  ];
}

function itemSymbol(analysis: PlanAnalysis, item: Item): DocumentSymbol[] {
  if (!item.position) return [];
  const range = analysis.positions.toLspRange(item.position);
  const text = item.text.replace(/\s+/g, ' ').trim();
  const name = `${item.numbering.raw} ${text.length > ITEM_NAME_LENGTH ? `${text.slice(0, ITEM_NAME_LENGTH - 1)}…` : text}`.trim();
  return [
    {
      name: name || item.numbering.raw || 'item',
      kind: SymbolKind.Field,
      range,
      selectionRange: inside(firstLine(item.position, analysis, range), range),
      children: childSymbols(analysis, item.children),
    },
  ];
}

function childSymbols(analysis: PlanAnalysis, children: BodyNode[]): DocumentSymbol[] {
  return children.flatMap((child) =>
    child.type === 'section' ? sectionSymbol(analysis, child) : child.type === 'item' ? itemSymbol(analysis, child) : [],
  );
}

function firstLine(position: Position, analysis: PlanAnalysis, range: Range): Range {
  if (range.start.line === range.end.line) return range;
  const lineEnd = analysis.source.offsetAt(position.start.line, Number.MAX_SAFE_INTEGER);
  return { start: range.start, end: analysis.positions.offsetToLsp(lineEnd) };
}

/** LSP requires the selection range inside the full range; a parser slip must not break the outline. */
function inside(selection: Range, range: Range): Range {
  const startsBefore = selection.start.line < range.start.line || (selection.start.line === range.start.line && selection.start.character < range.start.character);
  const endsAfter = selection.end.line > range.end.line || (selection.end.line === range.end.line && selection.end.character > range.end.character);
  return startsBefore || endsAfter ? { start: range.start, end: range.start } : selection;
}
