import { defaultConfig, explainResult, explanationLines } from '@plan-lint/core';
import { MarkupKind, type Hover, type Position as LspPosition } from 'vscode-languageserver';
import { containsOffset } from '../positions.js';
import type { PlanAnalysis } from './plan-analysis.js';

/**
 * Why the diagnostics under the cursor fired: the facts read, the deciding condition and the
 * layer that set the severity — what `plan-lint explain FILE RULE` prints (issue 8).
 */
export async function explainDiagnosticsAt(analysis: PlanAnalysis, position: LspPosition): Promise<string[]> {
  const offset = analysis.positions.toOffset(position);
  const ruleIds = [...new Set(analysis.diagnostics.filter((d) => containsOffset(d.position, offset)).map((d) => d.ruleId))];
  if (ruleIds.length === 0) return [];
  const config = analysis.config ?? (await defaultConfig());
  const lines: string[] = [];
  for (const ruleId of ruleIds) {
    for (const explanation of await explainResult(analysis.result, config, ruleId)) {
      lines.push('', '```text', ...explanationLines(explanation, analysis.locale), '```');
    }
  }
  return lines.length ? [`**plan-lint explain**`, ...lines] : [];
}

/** Appends the explanation to a citation or deadline hover, or makes a hover of it alone. */
export function withExplanation(hover: Hover | null, explanation: string[]): Hover | null {
  if (explanation.length === 0) return hover;
  const text = explanation.join('\n');
  if (!hover) return { contents: { kind: MarkupKind.Markdown, value: text } };
  const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  return { ...hover, contents: { kind: MarkupKind.Markdown, value: `${value}\n\n---\n\n${text}` } };
}
