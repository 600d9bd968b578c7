import { applyFixes, type Diagnostic, type FixRecord } from '@plan-lint/core';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { rangesOverlap } from '../positions.js';
import { toLspDiagnostic } from './diagnostic-service.js';
import type { PlanAnalysis } from './plan-analysis.js';

/** `source.fixAll.planlint`: what `editor.codeActionsOnSave` names to fix a plan on save. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.planlint`;

export interface CodeActionOptions {
  /** The client applies `documentChanges` (versioned edits) rather than only `changes`. */
  documentChanges: boolean;
}

/**
 * Quick fixes for the diagnostics under `range` (the rule's fix, each suggestion, a disable
 * comment) and the fix-all source action. Fixes are core's records, converted, never rewritten.
 */
export function getCodeActions(
  analysis: PlanAnalysis,
  document: TextDocument,
  range: Range,
  context: Pick<CodeActionContext, 'only'>,
  options: CodeActionOptions,
): CodeAction[] {
  const wants = (kind: string) => !context.only || context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];
  const en = analysis.locale === 'en';
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of analysis.diagnostics) {
      const lspDiagnostic = toLspDiagnostic(diagnostic, analysis.positions);
      if (!rangesOverlap(lspDiagnostic.range, range)) continue;
      if (diagnostic.fix) {
        actions.push({
          title: en ? `Fix this ${diagnostic.ruleId} problem` : `Sửa lỗi ${diagnostic.ruleId} này`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [lspDiagnostic],
          isPreferred: true,
          edit: workspaceEdit(document, [toTextEdit(analysis, diagnostic.fix)], options),
        });
      }
      for (const suggestion of diagnostic.suggestions ?? []) {
        actions.push({
          title: suggestion.message,
          kind: CodeActionKind.QuickFix,
          diagnostics: [lspDiagnostic],
          edit: workspaceEdit(document, [toTextEdit(analysis, suggestion.fix)], options),
        });
      }
      actions.push({
        title: en ? `Disable ${diagnostic.ruleId} for this line` : `Tắt ${diagnostic.ruleId} cho dòng này`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [lspDiagnostic],
        edit: workspaceEdit(document, [disableNextLineEdit(analysis, document, diagnostic)], options),
      });
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(analysis);
    if (edits.length > 0) {
      actions.push({
        title: en ? 'Fix all auto-fixable plan-lint problems' : 'Sửa mọi lỗi plan-lint sửa được tự động',
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(document, edits, options),
      });
    }
  }
  return actions;
}

/**
 * Every fix of the document that core's applyFixes would take in one pass (sorted, no overlaps,
 * no no-ops): the same selection as `plan-lint --fix`, as one set of edits.
 */
export function fixAllEdits(analysis: PlanAnalysis): TextEdit[] {
  const fixes = analysis.diagnostics.map((diagnostic) => diagnostic.fix).filter((fix): fix is FixRecord => fix !== undefined);
  return applyFixes(analysis.source.original, fixes).applied.map((fix) => toTextEdit(analysis, fix));
}

function toTextEdit(analysis: PlanAnalysis, fix: FixRecord): TextEdit {
  return {
    range: { start: analysis.positions.offsetToLsp(fix.range[0]), end: analysis.positions.offsetToLsp(fix.range[1]) },
    newText: fix.text,
  };
}

/** `<!-- plan-lint-disable-next-line RULE -- lý do -->` above the line, with its indentation. */
function disableNextLineEdit(analysis: PlanAnalysis, document: TextDocument, diagnostic: Diagnostic): TextEdit {
  const line = analysis.positions.toLspRange(diagnostic.position).start.line;
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const reason = analysis.locale === 'en' ? 'reason' : 'lý do';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}<!-- plan-lint-disable-next-line ${diagnostic.ruleId} -- ${reason} -->${analysis.source.eol}`,
  };
}

function workspaceEdit(document: TextDocument, edits: TextEdit[], options: CodeActionOptions): WorkspaceEdit {
  if (options.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  }
  return { changes: { [document.uri]: edits } };
}
