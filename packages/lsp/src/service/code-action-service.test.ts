import { lintText } from '@plan-lint/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { PositionMap } from '../positions.js';
import { FIX_ALL_KIND, getCodeActions } from './code-action-service.js';
import type { PlanAnalysis } from './plan-analysis.js';

const TEXT = '# KẾ HOẠCH\n\nThực hiện Thực hiện Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ;\n\nPhối hợp của của các đơn vị.\n';
const URI = 'file:///tmp/ke-hoach.md';

async function analysisOf(text: string): Promise<PlanAnalysis> {
  const result = await lintText(text, { filePath: '/tmp/ke-hoach.md' });
  return {
    uri: URI,
    version: 3,
    generation: 0,
    resultId: '3:0:1',
    source: result.source,
    positions: new PositionMap(result.source),
    plan: result.document,
    diagnostics: result.diagnostics,
    locale: 'vi',
  };
}

describe('getCodeActions', () => {
  const whole = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
  const document = TextDocument.create(URI, 'markdown', 3, TEXT);

  it('filters by the kinds the client asks for, `source` included', async () => {
    const analysis = await analysisOf(TEXT);
    const kinds = (only?: string[]) => getCodeActions(analysis, document, whole, { only }, { documentChanges: false }).map((action) => action.kind);
    expect(kinds(['source'])).toEqual([FIX_ALL_KIND]);
    expect(kinds(['source.fixAll'])).toEqual([FIX_ALL_KIND]);
    expect(kinds(['quickfix']).every((kind) => kind === 'quickfix')).toBe(true);
    expect(kinds(['refactor'])).toEqual([]);
    expect(kinds(undefined)).toContain(FIX_ALL_KIND);
  });

  it('fixes every repeat at once with fix-all, as core applyFixes would', async () => {
    const analysis = await analysisOf(TEXT);
    const [fixAll] = getCodeActions(analysis, document, whole, { only: [FIX_ALL_KIND] }, { documentChanges: false });
    const fixed = TextDocument.applyEdits(document, fixAll.edit!.changes![URI]);
    expect(fixed).toBe('# KẾ HOẠCH\n\nThực hiện Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ;\n\nPhối hợp của các đơn vị.\n');
  });

  it('keeps CRLF in the disable comment of a CRLF file', async () => {
    const crlf = TEXT.replace(/\n/g, '\r\n');
    const analysis = await analysisOf(crlf);
    const crlfDocument = TextDocument.create(URI, 'markdown', 3, crlf);
    const line = { start: { line: 4, character: 13 }, end: { line: 4, character: 16 } };
    const disable = getCodeActions(analysis, crlfDocument, line, { only: ['quickfix'] }, { documentChanges: true }).find((action) => action.title === 'Tắt duplicate-word cho dòng này')!;
    const change = disable.edit!.documentChanges![0] as { textDocument: { version: number }; edits: { newText: string }[] };
    expect(change.textDocument.version).toBe(3);
    expect(change.edits[0].newText).toBe('<!-- plan-lint-disable-next-line duplicate-word -- lý do -->\r\n');
  });
});
