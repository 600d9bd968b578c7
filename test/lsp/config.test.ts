import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  HoverRequest,
  type FullDocumentDiagnosticReport,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { fileUri, fixturesDir, positionOf, PULL_CAPABILITIES, PUSH_CAPABILITIES, TestClient } from './lsp-client.js';

describe('configuration: config file, packs, parent plan, client settings', () => {
  let dir: string;
  let client: TestClient | undefined;
  let planText: string;
  let planUri: string;
  let configUri: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-lint-lsp-'));
    cpSync(join(fixturesDir, 'workspace'), dir, { recursive: true });
    planText = readFileSync(join(dir, 'ke-hoach.md'), 'utf8');
    planUri = fileUri(join(dir, 'ke-hoach.md'));
    configUri = fileUri(join(dir, 'plan-lint.config.json'));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const watched = (file: string, type: FileChangeType = FileChangeType.Changed) =>
    client!.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(join(dir, file)), type }] });
  const rules = (diagnostics: { code?: unknown }[]) => diagnostics.map((diagnostic) => diagnostic.code);

  it('shows a broken config as a diagnostic on the config file, keeps serving, and reloads when it is fixed', async () => {
    writeFileSync(join(dir, 'plan-lint.config.json'), '{\n  "parent": "cap-tren.md",\n  "rules": { "duplicate-word": "erorr" }\n}\n');
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: dir, initializationOptions: { settings: { debounceMs: 0 } } })).client;
    await client.open(planUri, planText);
    const configProblem = await client.diagnosticsFor(configUri);
    expect(configProblem.diagnostics).toHaveLength(1);
    expect(configProblem.diagnostics[0]).toMatchObject({ severity: 1, source: 'plan-lint' });
    expect(configProblem.diagnostics[0].message).toContain('erorr');
    expect(configProblem.diagnostics[0].range.start.line).toBe(2);
    // The plan is still linted, with the built-in packs.
    const plan = await client.diagnosticsFor(planUri);
    expect(rules(plan.diagnostics)).toContain('duplicate-word');

    writeFileSync(join(dir, 'plan-lint.config.json'), '{\n  "parent": "cap-tren.md",\n  "rules": { "duplicate-word": "off" }\n}\n');
    const before = client.published.length;
    await watched('plan-lint.config.json');
    await client.diagnosticsFor(configUri, (params) => params.diagnostics.length === 0);
    const relinted = await client.diagnosticsFor(planUri, () => client!.published.slice(before).some((params) => params.uri === planUri));
    expect(rules(relinted.diagnostics)).not.toContain('duplicate-word');
    expect(rules(relinted.diagnostics)).toContain('citation-issuer');
  });

  it('reports a config shared by two plan folders once', async () => {
    writeFileSync(join(dir, 'plan-lint.config.json'), '{ "rules": { "duplicate-word": "erorr" } }');
    mkdirSync(join(dir, 'truong-b'));
    const otherUri = fileUri(join(dir, 'truong-b', 'ke-hoach.md'));
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: dir })).client;
    await client.open(planUri, planText);
    await client.open(otherUri, planText);
    await client.diagnosticsFor(planUri);
    await client.diagnosticsFor(otherUri);
    const problems = await client.diagnosticsFor(configUri);
    expect(problems.diagnostics).toHaveLength(1);
    expect(client.published.filter((params) => params.uri === configUri).every((params) => params.diagnostics.length === 1)).toBe(true);
  });

  it('reads the config once per folder, not on every edit, until a watched file says it changed', async () => {
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: dir, initializationOptions: { settings: { debounceMs: 0 } } })).client;
    await client.open(planUri, planText);
    expect(rules((await client.diagnosticsFor(planUri)).diagnostics)).toContain('duplicate-word');
    writeFileSync(join(dir, 'plan-lint.config.json'), '{ "parent": "cap-tren.md", "rules": { "duplicate-word": "off" } }');
    const line = positionOf(planText, '## I. MỤC ĐÍCH').line - 1;
    const version = await client.change(planUri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' }]);
    expect(rules((await client.diagnosticsFor(planUri, (params) => params.version === version)).diagnostics)).toContain('duplicate-word');
    const before = client.published.length;
    await watched('plan-lint.config.json');
    const reloaded = await client.diagnosticsFor(planUri, () => client!.published.slice(before).some((params) => params.uri === planUri));
    expect(rules(reloaded.diagnostics)).not.toContain('duplicate-word');
  });

  it('re-reads the parent plan when it changes on disk', async () => {
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: dir, initializationOptions: { settings: { debounceMs: 0 } } })).client;
    await client.open(planUri, planText);
    await client.diagnosticsFor(planUri);
    const position = positionOf(planText, 'Báo cáo 6 tháng trước ngày 05/6/2024', 1, 3);
    const hover = async () =>
      ((await client!.connection.sendRequest(HoverRequest.type, { textDocument: { uri: planUri }, position }))!.contents as MarkupContent).value;
    expect(await hover()).toContain('10/06/2024: còn 5 ngày dự phòng');

    const parentPath = join(dir, 'cap-tren.md');
    writeFileSync(parentPath, readFileSync(parentPath, 'utf8').replace('Báo cáo 6 tháng trước ngày 10/6/2024', 'Báo cáo 6 tháng trước ngày 01/6/2024'));
    const before = client.published.length;
    await watched('cap-tren.md');
    await client.diagnosticsFor(planUri, () => client!.published.slice(before).some((params) => params.uri === planUri));
    expect(await hover()).toContain('01/06/2024: muộn 4 ngày');
  });

  it('reads neither the config nor the parent of an untrusted workspace (Workspace Trust)', async () => {
    writeFileSync(join(dir, 'plan-lint.config.json'), '{ "parent": "cap-tren.md", "rules": { "duplicate-word": "erorr" } }');
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: dir, initializationOptions: { settings: { workspaceTrusted: false } } })).client;
    await client.open(planUri, planText);
    const published = await client.diagnosticsFor(planUri);
    expect(rules(published.diagnostics)).toEqual(['duplicate-word', 'citation-issuer']);
    expect(client.published.some((params) => params.uri === configUri)).toBe(false);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: planUri }, position: positionOf(planText, '21/KH-PGDĐT', 1, 2) });
    expect((hover!.contents as MarkupContent).value).not.toContain('Kế hoạch cấp trên');
  });

  it('shows the parent facts a pack carries when no parent plan file is named, and re-reads the pack when it changes', async () => {
    writeFileSync(
      join(dir, 'cap-tren.pack.json'),
      JSON.stringify({
        name: 'cap-tren',
        version: '1.0.0',
        extends: ['recommended'],
        parent: { symbol: '21/KH-PGDĐT', date: '2024-03-10', title: 'Kế hoạch công tác bình đẳng giới năm 2024', issuer: 'Phòng GDĐT Quế Sơn', deadlines: { sixMonthReport: '2024-06-03' } },
      }),
    );
    writeFileSync(join(dir, 'plan-lint.config.json'), '{ "packs": ["./cap-tren.pack.json"] }');
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: dir })).client;
    await client.open(planUri, planText);
    await client.diagnosticsFor(planUri);
    const hoverAt = async (needle: string) =>
      ((await client!.connection.sendRequest(HoverRequest.type, { textDocument: { uri: planUri }, position: positionOf(planText, needle, 1, 3) }))!.contents as MarkupContent).value;
    const citation = await hoverAt('21/KH-PGDĐT');
    expect(citation).toContain('Văn bản cấp trên (theo bộ quy tắc):');
    expect(citation).toContain('- Kế hoạch công tác bình đẳng giới năm 2024');
    expect(citation).toContain('- 10/03/2024');
    expect(await hoverAt('Báo cáo 6 tháng trước ngày 05/6/2024')).toContain('Cấp trên (bộ quy tắc): 03/06/2024: muộn 2 ngày');

    // A change to the pack file re-reads it.
    const packPath = join(dir, 'cap-tren.pack.json');
    writeFileSync(packPath, readFileSync(packPath, 'utf8').replace('2024-06-03', '2024-06-10'));
    const before = client.published.length;
    await watched('cap-tren.pack.json');
    await client.diagnosticsFor(planUri, () => client!.published.slice(before).some((params) => params.uri === planUri));
    expect(await hoverAt('Báo cáo 6 tháng trước ngày 05/6/2024')).toContain('Cấp trên (bộ quy tắc): 10/06/2024: còn 5 ngày dự phòng');
  });

  it('re-reads a pack whose rules are folders when a rule folder is added beside it', async () => {
    const builtinRule = (pack: string, id: string) => readFileSync(join(fixturesDir, '..', '..', '..', 'rules', pack, id, 'rule.json'), 'utf8');
    mkdirSync(join(dir, 'so-pack', 'duplicate-word'), { recursive: true });
    writeFileSync(join(dir, 'so-pack', 'pack.json'), JSON.stringify({ name: 'so', version: '1.0.0', rules: ['*'] }));
    writeFileSync(join(dir, 'so-pack', 'duplicate-word', 'rule.json'), builtinRule('van-ban', 'duplicate-word'));
    writeFileSync(join(dir, 'plan-lint.config.json'), '{ "packs": ["./so-pack/pack.json"] }');
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: dir, initializationOptions: { settings: { debounceMs: 0 } } })).client;
    await client.open(planUri, planText);
    expect(rules((await client.diagnosticsFor(planUri)).diagnostics)).toEqual(['duplicate-word']);

    mkdirSync(join(dir, 'so-pack', 'citation-issuer'));
    writeFileSync(join(dir, 'so-pack', 'citation-issuer', 'rule.json'), builtinRule('van-ban', 'citation-issuer'));
    const before = client.published.length;
    await watched('so-pack/citation-issuer/rule.json', FileChangeType.Created);
    const relinted = await client.diagnosticsFor(planUri, () => client!.published.slice(before).some((params) => params.uri === planUri));
    expect(rules(relinted.diagnostics)).toEqual(['duplicate-word', 'citation-issuer']);
  });

  it('ignores changes to files it does not depend on', async () => {
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: dir })).client;
    await client.open(planUri, planText);
    await client.diagnosticsFor(planUri);
    const before = client.published.length;
    writeFileSync(join(dir, 'ghi-chu.md'), 'không liên quan\n');
    await watched('ghi-chu.md', FileChangeType.Created);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.published.length).toBe(before);
  });

  it('takes settings pushed with didChangeConfiguration from a client without workspace/configuration', async () => {
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: dir, initializationOptions: { settings: { debounceMs: 0 } } })).client;
    await client.open(planUri, planText);
    const vi = await client.diagnosticsFor(planUri);
    const before = client.published.length;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { planLint: { locale: 'en', debounceMs: 0 } } });
    const en = await client.diagnosticsFor(planUri, () => client!.published.slice(before).some((params) => params.uri === planUri));
    const message = (diagnostics: typeof vi.diagnostics) => diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-word')!.message;
    expect(message(en.diagnostics)).not.toBe(message(vi.diagnostics));
    expect(message(en.diagnostics)).toMatch(/[a-z]+ [a-z]+/);
  });

  it('asks workspace/configuration when the client supports it, and asks the client to pull again', async () => {
    let settings: unknown = { locale: 'vi' };
    client = (await TestClient.start({ capabilities: PULL_CAPABILITIES, rootPath: dir, settings: () => settings })).client;
    await client.open(planUri, planText);
    const pull = async () =>
      (await client!.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: planUri } })) as FullDocumentDiagnosticReport;
    const hoverText = async () =>
      ((await client!.connection.sendRequest(HoverRequest.type, { textDocument: { uri: planUri }, position: positionOf(planText, '125/2021/NĐ-CP', 1, 3) }))!
        .contents as MarkupContent).value;
    const vi = await pull();
    expect(await hoverText()).toContain('Cơ quan ban hành: Chính phủ');

    settings = { locale: 'en' };
    const refreshes = client.refreshCount;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.waitFor(() => client!.refreshCount > refreshes, 'workspace/diagnostic/refresh');
    const en = await pull();
    expect(en.resultId).not.toBe(vi.resultId);
    expect(await hoverText()).toContain('Issuer: Chính phủ');
  });
});
