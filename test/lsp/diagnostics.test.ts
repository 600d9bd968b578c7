import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentDiagnosticRequest, type Diagnostic, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { fileUri, fixturesDir, positionOf, PULL_CAPABILITIES, PUSH_CAPABILITIES, TestClient } from './lsp-client.js';

const workspace = join(fixturesDir, 'workspace');
const planText = readFileSync(join(workspace, 'ke-hoach.md'), 'utf8');
const planUri = fileUri(join(workspace, 'ke-hoach.md'));

const duplicateStart = positionOf(planText, 'Thực hiện Thực hiện', 1, 'Thực hiện '.length);
const DUPLICATE_WORD: Partial<Diagnostic> = {
  range: { start: duplicateStart, end: { line: duplicateStart.line, character: duplicateStart.character + 'Thực hiện'.length } },
  severity: 2,
  code: 'duplicate-word',
  source: 'plan-lint',
};

function byRule(diagnostics: Diagnostic[], rule: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === rule);
}

describe('diagnostics, push (clients without pull, e.g. Neovim 0.7)', () => {
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('publishes core diagnostics on open: rule id as code, docs link, source', async () => {
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: workspace })).client;
    await client.open(planUri, planText);
    const published = await client.diagnosticsFor(planUri);
    expect(published.version).toBe(1);
    const [duplicate] = byRule(published.diagnostics, 'duplicate-word');
    expect(duplicate).toMatchObject(DUPLICATE_WORD);
    expect(duplicate.codeDescription?.href).toMatch(/^https?:\/\/.+duplicate-word/);
    const [issuer] = byRule(published.diagnostics, 'citation-issuer');
    expect(issuer).toMatchObject({ severity: 1, source: 'plan-lint' });
    expect(issuer.range.start.line).toBe(positionOf(planText, 'của Thủ tướng Chính phủ quy định').line);
    for (const diagnostic of published.diagnostics) {
      expect(diagnostic.source).toBe('plan-lint');
      expect(typeof diagnostic.code).toBe('string');
      expect(diagnostic.codeDescription?.href).toMatch(/^https?:\/\//);
    }
  });

  it('re-lints after an incremental edit and drops the fixed problem', async () => {
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: workspace, initializationOptions: { settings: { debounceMs: 0 } } })).client;
    await client.open(planUri, planText);
    await client.diagnosticsFor(planUri);
    const start = positionOf(planText, 'Thực hiện Thực hiện');
    const version = await client.change(planUri, [
      { range: { start, end: { line: start.line, character: start.character + 'Thực hiện '.length } }, text: '' },
    ]);
    const published = await client.diagnosticsFor(planUri, (params) => params.version === version);
    expect(byRule(published.diagnostics, 'duplicate-word')).toEqual([]);
    expect(byRule(published.diagnostics, 'citation-issuer')).toHaveLength(1);
  });

  it('debounces a burst of keystrokes and never publishes a stale version', async () => {
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: workspace, initializationOptions: { settings: { debounceMs: 60 } } })).client;
    await client.open(planUri, planText);
    await client.diagnosticsFor(planUri, (params) => params.version === 1);
    const before = client.published.length;
    const line = positionOf(planText, '## I. MỤC ĐÍCH').line - 1;
    let version = 1;
    for (let i = 0; i < 10; i++) {
      version = await client.change(planUri, [{ range: { start: { line, character: i }, end: { line, character: i } }, text: 'x' }]);
    }
    await client.diagnosticsFor(planUri, (params) => params.version === version);
    const burst = client.published.slice(before).filter((params) => params.uri === planUri);
    expect(burst.length).toBeLessThan(10);
    expect(burst.at(-1)!.version).toBe(version);
    const versions = burst.map((params) => params.version!);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('clears the diagnostics of a closed document', async () => {
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: workspace })).client;
    await client.open(planUri, planText);
    await client.diagnosticsFor(planUri, (params) => params.diagnostics.length > 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: planUri } });
    await client.diagnosticsFor(planUri, (params) => params.diagnostics.length === 0);
  });

  it('points at the characters the editor holds in CRLF, decomposed (NFD) text', async () => {
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: workspace })).client;
    const nfd = planText.normalize('NFD').replace(/\n/g, '\r\n');
    const uri = fileUri(join(workspace, 'nfd-crlf.md'));
    await client.open(uri, nfd);
    const published = await client.diagnosticsFor(uri);
    const repeat = 'Thực hiện'.normalize('NFD');
    const start = positionOf(nfd, `${repeat} ${repeat}`, 1, repeat.length + 1);
    expect(byRule(published.diagnostics, 'duplicate-word')[0].range).toEqual({
      start,
      end: { line: start.line, character: start.character + repeat.length },
    });
  });
});

describe('diagnostics, pull (clients that advertise textDocument.diagnostic, e.g. VS Code)', () => {
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('answers textDocument/diagnostic with a full report, then unchanged for the same result id', async () => {
    client = (await TestClient.start({ capabilities: PULL_CAPABILITIES, rootPath: workspace })).client;
    await client.open(planUri, planText);
    const full = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: planUri } })) as FullDocumentDiagnosticReport;
    expect(full.kind).toBe('full');
    expect(byRule(full.items, 'duplicate-word')[0]).toMatchObject(DUPLICATE_WORD);
    expect(full.resultId).toBeTruthy();
    const again = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: planUri }, previousResultId: full.resultId });
    expect(again).toEqual({ kind: 'unchanged', resultId: full.resultId });

    const start = positionOf(planText, 'Thực hiện Thực hiện');
    await client.change(planUri, [{ range: { start, end: { line: start.line, character: start.character + 'Thực hiện '.length } }, text: '' }]);
    const after = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri: planUri },
      previousResultId: full.resultId,
    })) as FullDocumentDiagnosticReport;
    expect(after.kind).toBe('full');
    expect(after.resultId).not.toBe(full.resultId);
    expect(byRule(after.items, 'duplicate-word')).toEqual([]);
    // Pull mode publishes nothing for plans: the client asks.
    expect(client.published.filter((params) => params.uri === planUri)).toEqual([]);

    // Closed and opened again at version 1 with other text: an old result id is not "unchanged".
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: planUri } });
    await client.open(planUri, planText.replace('Thực hiện Thực hiện', 'Thực hiện'));
    const reopened = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: planUri }, previousResultId: full.resultId });
    expect(reopened.kind).toBe('full');
  });
  it('cancels a pull whose document changed while it waited, asking the client to pull again', async () => {
    client = (await TestClient.start({ capabilities: PULL_CAPABILITIES, rootPath: workspace })).client;
    await client.open(planUri, planText);
    // The first pull reads the config and the parent plan from disk; the edit lands meanwhile.
    const first = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: planUri } });
    const start = positionOf(planText, 'Thực hiện Thực hiện');
    await client.change(planUri, [{ range: { start, end: { line: start.line, character: start.character + 'Thực hiện '.length } }, text: '' }]);
    await expect(first).rejects.toMatchObject({ code: -32802, data: { retriggerRequest: true } });
    const second = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: planUri } })) as FullDocumentDiagnosticReport;
    expect(second.resultId).toMatch(/^2:/);
    expect(byRule(second.items, 'duplicate-word')).toEqual([]);
  });
});
