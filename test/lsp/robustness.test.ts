import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HoverRequest, DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { fileUri, fixturesDir, positionOf, TestClient } from './lsp-client.js';

const planPath = join(fixturesDir, 'workspace/ke-hoach.md');
const planText = readFileSync(planPath, 'utf8');
const planUri = fileUri(planPath);

/** Writes raw bytes to the server's stdin, bypassing the JSON-RPC writer. */
function writeRaw(client: TestClient, body: string, header?: string): void {
  client.child.stdin.write(`${header ?? `Content-Length: ${Buffer.byteLength(body)}`}\r\n\r\n${body}`);
}

/** The JSON-RPC messages in raw server output (Content-Length counts bytes). */
function framesOf(raw: Buffer): { id?: unknown; error?: unknown }[] {
  const messages = [];
  let at = 0;
  while (at < raw.length) {
    const headerEnd = raw.indexOf('\r\n\r\n', at);
    if (headerEnd === -1) break;
    const length = Number(/Content-Length: (\d+)/i.exec(raw.subarray(at, headerEnd).toString('ascii'))?.[1]);
    const bodyStart = headerEnd + 4;
    if (!Number.isFinite(length) || bodyStart + length > raw.length) break;
    messages.push(JSON.parse(raw.subarray(bodyStart, bodyStart + length).toString('utf8')));
    at = bodyStart + length;
  }
  return messages;
}

async function stillServes(client: TestClient): Promise<void> {
  const hover = await client.connection.sendRequest(HoverRequest.type, {
    textDocument: { uri: planUri },
    position: positionOf(planText, '125/2021/NĐ-CP'),
  });
  expect(hover?.contents).toBeTruthy();
  expect(client.exitCode).toBeUndefined();
}

describe('plan-lint-lsp robustness', () => {
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('survives a body that is not JSON, JSON that is not a message, and a request with broken params', async () => {
    client = (await TestClient.start()).client;
    await client.open(planUri, planText);
    await client.diagnosticsFor(planUri);

    writeRaw(client, '{"jsonrpc": "2.0", "method": ');
    writeRaw(client, '[1, 2, 3]');
    writeRaw(client, '{"hello": "world"}');
    await stillServes(client);
    // A header block without "key: value" is dropped. vscode-jsonrpc resumes reading with the next
    // chunk of input, so a message that arrived in the same chunk waits for the client's next one.
    client.child.stdin.write('this is not a header\r\n\r\n');
    const answered = stillServes(client);
    const nudge = setTimeout(() => void client!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [] }), 2_000);
    await answered.finally(() => clearTimeout(nudge));

    // A known method with params that make no sense: answered with an error, not a crash.
    const broken = client.connection.sendRequest('textDocument/hover', { textDocument: { uri: planUri }, position: null });
    await expect(broken).rejects.toMatchObject({ code: -32603 });
    const noDocument = client.connection.sendRequest('textDocument/documentSymbol', {});
    await expect(noDocument).rejects.toMatchObject({ code: -32603, message: expect.stringContaining('textDocument/documentSymbol failed') });
    await expect(client.connection.sendRequest('plan-lint/no-such-method', {})).rejects.toMatchObject({ code: -32601 });
    await stillServes(client);
    expect(client.logs.some((line) => line.includes('textDocument/hover failed'))).toBe(true);
  });

  it('answers ContentModified, without linting, a request that edits queued behind it made stale', async () => {
    client = (await TestClient.start()).client;
    await client.open(planUri, planText);
    await client.diagnosticsFor(planUri);
    const position = positionOf(planText, '125/2021/NĐ-CP');
    const line = positionOf(planText, '## I. MỤC ĐÍCH').line - 1;
    const frame = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const edit = (i: number) =>
      frame({
        method: 'textDocument/didChange',
        params: { textDocument: { uri: planUri, version: client!.nextVersion(planUri) }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `${i}` }] },
      });
    let raw = Buffer.alloc(0);
    client.child.stdout.on('data', (chunk: Buffer) => (raw = Buffer.concat([raw, chunk])));
    // One write, as an editor's burst arrives: an edit, a request for the version it made (not
    // linted yet), then more edits. The request id is ours, so the test client ignores the answer.
    client.child.stdin.write(edit(0) + frame({ id: 'stale-probe', method: 'textDocument/hover', params: { textDocument: { uri: planUri }, position } }) + edit(1) + edit(2));
    const answerTo = (id: string) => framesOf(raw).find((message) => message.id === id);
    await client.waitFor(() => answerTo('stale-probe') !== undefined, 'the answer to the stale hover');
    const answer = answerTo('stale-probe')!;
    expect(answer.error).toMatchObject({ code: -32801 });
    // Once the edits are in, the same request is answered.
    await stillServes(client);
  });

  it('answers requests for a document that was never opened with empty results', async () => {
    client = (await TestClient.start()).client;
    const uri = fileUri('/nowhere/never-opened.md');
    await expect(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } })).resolves.toBeNull();
    await expect(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })).resolves.toEqual([]);
  });

  it('survives edits with ranges outside the document and keeps linting the text it holds', async () => {
    client = (await TestClient.start()).client;
    await client.open(planUri, planText);
    await client.diagnosticsFor(planUri);
    const version = await client.change(planUri, [{ range: { start: { line: 9999, character: 5 }, end: { line: 10_500, character: 0 } }, text: '\nThêm một dòng.' }]);
    const published = await client.diagnosticsFor(planUri, (params) => params.version === version);
    expect(published.diagnostics.some((diagnostic) => diagnostic.code === 'duplicate-word')).toBe(true);
    await stillServes(client);
  });
});
