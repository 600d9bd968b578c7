// "Show the parsed outline and AST": parses the open plan with the same core the server uses.
import path from 'node:path';
import { parsePlan, sourceFromString } from '@plan-lint/core';
import { renderAstView } from '../ast-view.js';

export function planFormat(fileName: string, languageId: string): 'markdown' | 'text' {
  if (languageId === 'markdown') return 'markdown';
  return /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text';
}

/** Never throws on the plan's text: a failure becomes the text shown. */
export function showAstText(fileName: string, text: string, languageId: string): string {
  try {
    const document = parsePlan(sourceFromString(text), { format: planFormat(fileName, languageId) });
    return renderAstView(path.basename(fileName), document);
  } catch (error) {
    return `# plan-lint: ${path.basename(fileName)}\n\nThe plan could not be parsed: ${String(error)}\n`;
  }
}
