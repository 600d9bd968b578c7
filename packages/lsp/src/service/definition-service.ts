import type { Location, Position as LspPosition } from 'vscode-languageserver';
import { containsOffset } from '../positions.js';
import { isParentCitation } from './hover-service.js';
import type { PlanAnalysis } from './plan-analysis.js';

/**
 * From a citation of the parent plan to the parent's file, at its title (or its top). Only when
 * the file lies in one of the workspace folders: a path outside is not the user's to open.
 */
export function getDefinition(analysis: PlanAnalysis, position: LspPosition, workspaceFolders: readonly string[]): Location | null {
  const parent = analysis.parent;
  if (!parent) return null;
  const offset = analysis.positions.toOffset(position);
  const citation = analysis.plan.citations.find((candidate) => containsOffset(candidate.position, offset));
  if (!citation || !isParentCitation(analysis, citation)) return null;
  if (workspaceFolders.length > 0 && !workspaceFolders.some((folder) => isInside(parent.filePath, folder))) return null;
  const title = parent.plan.metadata.title?.position ?? parent.plan.metadata.symbol?.position;
  const top = { line: 0, character: 0 };
  return { uri: parent.uri, range: title ? parent.positions.toLspRange(title) : { start: top, end: top } };
}

function isInside(filePath: string, folder: string): boolean {
  const withSlash = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}/`;
  return filePath.startsWith(withSlash) || filePath.startsWith(withSlash.replace(/\//g, '\\'));
}
