import type { Diagnostic } from '@plan-lint/core';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { PositionMap } from '../positions.js';

export const DIAGNOSTIC_SOURCE = 'plan-lint';

/** Core's diagnostic as the LSP wants it; rule id, message and severity pass through unchanged. */
export function toLspDiagnostic(diagnostic: Diagnostic, positions: PositionMap): LspDiagnostic {
  const converted: LspDiagnostic = {
    range: positions.toLspRange(diagnostic.position),
    severity: diagnostic.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: diagnostic.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    data: { messageId: diagnostic.messageId, pack: diagnostic.pack, fixable: diagnostic.fix !== undefined },
  };
  if (diagnostic.docsUrl) converted.codeDescription = { href: diagnostic.docsUrl };
  return converted;
}
