// Issue 14 item 6: the server keeps the CLI's 20 MB cap (one diagnostic says why, nothing is
// linted), and after `shutdown` every request is answered InvalidRequest, as the LSP asks.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DidChangeConfigurationNotification, DidCloseTextDocumentNotification, ErrorCodes, ExitNotification, HoverRequest, ShutdownRequest } from 'vscode-languageserver-protocol/node';
import { fileUri, fixturesDir, TestClient } from './lsp-client.js';

const uri = fileUri(join(fixturesDir, 'workspace/huge.md'));
const MB = 1024 * 1024;

describe('plan-lint-lsp limits', () => {
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('a document over 20 MB gets one diagnostic that says why it is not linted; closing it clears it', async () => {
    client = (await TestClient.start({ initializationOptions: { settings: { debounceMs: 0 } } })).client;
    // 20 MB + 7 bytes of text: one decimal would print "20.0 MB"; the excess shows.
    const text = `# KẾ HOẠCH\n${'a'.repeat(20 * MB - 9)}\n`;
    expect(Buffer.byteLength(text)).toBe(20 * MB + 7);
    await client.open(uri, text);
    const vi = await client.diagnosticsFor(uri);
    const expected = (message: string) => [
      expect.objectContaining({ code: 'input-too-large', severity: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message }),
    ];
    expect(vi.diagnostics).toEqual(
      expected('Văn bản có 20 MB + 7 byte; plan-lint chỉ kiểm tra kế hoạch đến 20 MB (như dòng lệnh), nên không kiểm tra văn bản này. Hãy tách văn bản hoặc kiểm tra lại đây có phải là kế hoạch.'),
    );
    const before = client.published.length;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { planLint: { locale: 'en', debounceMs: 0 } } });
    const en = await client.diagnosticsFor(uri, () => client!.published.slice(before).some((params) => params.uri === uri));
    expect(en.diagnostics).toEqual(
      expected('The document is 20 MB + 7 bytes; plan-lint lints plans up to 20 MB (as the command line does), so this one is not linted. Split it or check that it is a plan.'),
    );
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const cleared = await client.diagnosticsFor(uri, (params) => params.diagnostics.length === 0);
    expect(cleared.diagnostics).toEqual([]);
  }, 60_000);

  it('after shutdown, a request is answered InvalidRequest, and exit still ends the server with 0', async () => {
    client = (await TestClient.start({ locale: 'en-US' })).client;
    await client.connection.sendRequest(ShutdownRequest.type);
    const answer = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }).then(
      () => undefined,
      (error: { code: number; message: string }) => error,
    );
    expect(answer?.code).toBe(ErrorCodes.InvalidRequest);
    expect(answer?.message).toBe('plan-lint-lsp is shut down: "textDocument/hover" is refused; only the "exit" notification is accepted now.');
    await client.connection.sendNotification(ExitNotification.type);
    await client.waitFor(() => client?.exitCode !== undefined, 'server exit', 5_000);
    expect(client.exitCode).toBe(0);
  });

  it('a parent plan that is a FIFO is refused as one, and the plan is still linted (issue 14 item 4)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-lint-lsp-fifo-'));
    try {
      execFileSync('mkfifo', [join(dir, 'parent.md')]);
      writeFileSync(join(dir, 'plan-lint.config.json'), JSON.stringify({ parent: './parent.md' }));
      const plan = join(dir, 'ke-hoach.md');
      client = (await TestClient.start({ rootPath: dir, initializationOptions: { settings: { locale: 'en' } } })).client;
      await client.open(fileUri(plan), readFileSync(join(fixturesDir, 'workspace/ke-hoach.md'), 'utf8'));
      const published = await client.diagnosticsFor(fileUri(plan));
      expect(published.diagnostics.length).toBeGreaterThan(0);
      // The problem is shown on the file it is about.
      const problem = await client.diagnosticsFor(fileUri(join(dir, 'parent.md')));
      expect(problem.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message])).toEqual([
        ['not-a-file', expect.stringMatching(/^file is a named pipe \(FIFO\), not a regular file: plan-lint reads only regular files/)],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
