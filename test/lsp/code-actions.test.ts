import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, fixturesDir, PUSH_CAPABILITIES, TestClient } from './lsp-client.js';

const workspace = join(fixturesDir, 'workspace');
const planText = readFileSync(join(workspace, 'ke-hoach.md'), 'utf8');
const planUri = fileUri(join(workspace, 'ke-hoach.md'));

function editsOf(action: CodeAction): TextEdit[] {
  const change = action.edit?.documentChanges?.[0];
  if (change && 'edits' in change) {
    expect(change.textDocument).toEqual({ uri: planUri, version: 1 });
    return change.edits as TextEdit[];
  }
  return action.edit?.changes?.[planUri] ?? [];
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(planUri, 'markdown', 1, text), edits);
}

describe('code actions', () => {
  // One server for the file (a start costs seconds on a loaded machine); each test opens the plan
  // afresh and closes it after. A test that needs other capabilities starts its own.
  let shared: TestClient;
  let own: TestClient | undefined;
  let client: TestClient;
  let diagnostics: Diagnostic[];
  const serverOptions = { rootPath: workspace, initializationOptions: { settings: { debounceMs: 0 } } };
  beforeAll(async () => {
    shared = (await TestClient.start({ ...serverOptions, capabilities: PUSH_CAPABILITIES })).client;
  });
  afterAll(async () => {
    await shared?.stop();
  });
  afterEach(async () => {
    if (own) {
      await own.stop();
      own = undefined;
      return;
    }
    await shared.connection.sendNotification('textDocument/didClose', { textDocument: { uri: planUri } });
    await shared.diagnosticsFor(planUri, (params) => params.diagnostics.length === 0);
  });

  async function start(capabilities?: typeof PUSH_CAPABILITIES) {
    if (capabilities) own = (await TestClient.start({ ...serverOptions, capabilities })).client;
    client = own ?? shared;
    await client.open(planUri, planText);
    diagnostics = (await client.diagnosticsFor(planUri, (params) => params.version === 1 && params.diagnostics.length > 0)).diagnostics;
  }

  async function actionsAt(diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: planUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    })) as CodeAction[];
  }

  it("offers the rule's fix as the preferred quick fix, and it removes the repeat", async () => {
    await start();
    const duplicate = diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-word')!;
    const actions = await actionsAt(duplicate, ['quickfix']);
    const fix = actions.find((action) => action.isPreferred)!;
    expect(fix).toMatchObject({ title: 'Sửa lỗi duplicate-word này', kind: 'quickfix' });
    expect(fix.diagnostics?.[0].code).toBe('duplicate-word');
    const fixed = apply(planText, editsOf(fix));
    expect(fixed).toBe(planText.replace('Thực hiện Thực hiện', 'Thực hiện'));

    // The client applies it; the next publish no longer has the problem.
    const version = await client.change(planUri, editsOf(fix).map((edit) => ({ range: edit.range, text: edit.newText })));
    const after = await client.diagnosticsFor(planUri, (params) => params.version === version);
    expect(after.diagnostics.filter((diagnostic) => diagnostic.code === 'duplicate-word')).toEqual([]);
  });

  it('offers "disable RULE for this line", inserting the directive with a reason placeholder', async () => {
    await start();
    const duplicate = diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-word')!;
    const disable = (await actionsAt(duplicate)).find((action) => action.title === 'Tắt duplicate-word cho dòng này')!;
    expect(disable.kind).toBe('quickfix');
    const edits = editsOf(disable);
    expect(edits).toEqual([
      {
        range: { start: { line: duplicate.range.start.line, character: 0 }, end: { line: duplicate.range.start.line, character: 0 } },
        newText: '<!-- plan-lint-disable-next-line duplicate-word -- lý do -->\n',
      },
    ]);
    const version = await client.change(planUri, edits.map((edit) => ({ range: edit.range, text: edit.newText })));
    const after = await client.diagnosticsFor(planUri, (params) => params.version === version);
    expect(after.diagnostics.filter((diagnostic) => diagnostic.code === 'duplicate-word')).toEqual([]);
  });

  it('offers source.fixAll.planlint with every fix that does not overlap another', async () => {
    await start();
    const whole = { start: { line: 0, character: 0 }, end: { line: planText.split('\n').length, character: 0 } };
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: planUri },
      range: whole,
      context: { diagnostics: [], only: ['source.fixAll.planlint'] },
    })) as CodeAction[];
    expect(actions.map((action) => action.kind)).toEqual(['source.fixAll.planlint']);
    const fixed = apply(planText, editsOf(actions[0]));
    expect(fixed).not.toContain('Thực hiện Thực hiện');
    const version = await client.change(planUri, [{ text: fixed }]);
    const after = await client.diagnosticsFor(planUri, (params) => params.version === version);
    const fixable = diagnostics.filter((diagnostic) => (diagnostic.data as { fixable?: boolean }).fixable);
    expect(fixable.length).toBeGreaterThan(0);
    expect(after.diagnostics.filter((diagnostic) => (diagnostic.data as { fixable?: boolean }).fixable)).toEqual([]);
  });

  it("offers each of a rule's suggestions as its own quick fix, not preferred", async () => {
    await start();
    const budget = 'Kinh phí thực hiện từ nguồn ngân sách chi thường xuyên của nhà trường.';
    const withYear = planText.replace(budget, 'Kinh phí thực hiện từ nguồn ngân sách chi thường xuyên năm 2023 của nhà trường.');
    const version = await client.change(planUri, [{ text: withYear }]);
    const published = await client.diagnosticsFor(planUri, (params) => params.version === version);
    const year = published.diagnostics.find((diagnostic) => diagnostic.code === 'year-consistency')!;
    const at = withYear.indexOf('2023');
    expect(year.range.start.character).toBe(at - withYear.lastIndexOf('\n', at) - 1);
    const actions = await actionsAt(year, ['quickfix']);
    const suggestions = actions.filter((action) => !action.isPreferred && !action.title.startsWith('Tắt '));
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0].title).toContain('2024');
    const change = suggestions[0].edit!.documentChanges![0] as { edits: TextEdit[] };
    expect(TextDocument.applyEdits(TextDocument.create(planUri, 'markdown', version, withYear), change.edits)).toBe(withYear.replace('năm 2023', 'năm 2024'));
    expect(actions.some((action) => action.isPreferred)).toBe(false);
  });

  it('answers with plain `changes` to a client without documentChanges', async () => {
    await start({ ...PUSH_CAPABILITIES, workspace: { applyEdit: true } });
    const duplicate = diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-word')!;
    const fix = (await actionsAt(duplicate, ['quickfix'])).find((action) => action.isPreferred)!;
    expect(fix.edit?.documentChanges).toBeUndefined();
    expect(Object.keys(fix.edit?.changes ?? {})).toEqual([planUri]);
  });
});
