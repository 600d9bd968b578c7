import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PULL_CAPABILITIES, PUSH_CAPABILITIES, serverBin, TestClient } from './lsp-client.js';

const lspPackage = JSON.parse(readFileSync(new URL('../../packages/lsp/package.json', import.meta.url), 'utf8')) as { version: string };

describe('plan-lint-lsp transport', () => {
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('prints its version, and usage with exit code 2 without a transport flag', () => {
    const version = spawnSync(process.execPath, [serverBin, '--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(lspPackage.version);
    // The usage in the environment's language: Vietnamese unless LANG (or LC_ALL) says English.
    const env = { ...process.env, LANG: '', LC_ALL: '', LC_MESSAGES: '' };
    const usage = spawnSync(process.execPath, [serverBin], { encoding: 'utf8', timeout: 10_000, env });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe('cách dùng: plan-lint-lsp --stdio\n  Giao tiếp bằng Language Server Protocol qua stdin/stdout (hoặc --node-ipc, --socket=CỔNG, --pipe=TÊN).\n');
    const english = spawnSync(process.execPath, [serverBin], { encoding: 'utf8', timeout: 10_000, env: { ...env, LANG: 'en_US.UTF-8' } });
    expect(english.status).toBe(2);
    expect(english.stderr).toBe('usage: plan-lint-lsp --stdio\n  Speaks the Language Server Protocol on stdin/stdout (also --node-ipc, --socket=PORT, --pipe=NAME).\n');
  });

  it('declares push-mode capabilities to a client without pull diagnostics (Neovim 0.7)', async () => {
    const started = await TestClient.start({ capabilities: PUSH_CAPABILITIES });
    client = started.client;
    const capabilities = started.initialize.capabilities;
    expect(started.initialize.serverInfo).toEqual({ name: 'plan-lint-lsp', version: lspPackage.version });
    expect(capabilities.diagnosticProvider).toBeUndefined();
    expect(capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.planlint'] });
    expect(capabilities.hoverProvider).toBe(true);
    expect(capabilities.completionProvider).toEqual({ triggerCharacters: [' '] });
    expect(capabilities.documentSymbolProvider).toBeTruthy();
    expect(capabilities.foldingRangeProvider).toBe(true);
    expect(capabilities.definitionProvider).toBe(true);
    expect(capabilities.semanticTokensProvider).toMatchObject({ legend: { tokenTypes: ['class', 'number', 'event'] }, full: true });
    expect(capabilities.positionEncoding).toBe('utf-16');
  });

  it('declares pull diagnostics and registers watchers when the client supports them (VS Code)', async () => {
    const started = await TestClient.start({ capabilities: PULL_CAPABILITIES });
    client = started.client;
    expect(started.initialize.capabilities.diagnosticProvider).toEqual({
      identifier: 'plan-lint',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
    await client.waitFor(
      () => client!.registrations.includes('workspace/didChangeWatchedFiles') && client!.registrations.includes('workspace/didChangeConfiguration'),
      'dynamic registrations',
    );
  });

  it('exits with 0 after shutdown and exit', async () => {
    client = (await TestClient.start()).client;
    await client.stop();
    expect(client.exitCode).toBe(0);
    client = undefined;
  });
});
