// Issue 14 items 7 and 13: the MCP server stays inside its workspace root (tool paths, fileName,
// configs, parent), fetches nothing without --allow-network, and answers a message over 10 MB
// with a JSON-RPC error instead of exiting 0 without a word.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin } from '../cli/run-cli.js';
import { FAMILY } from './support.js';

const PLAN = readFileSync(path.join(FAMILY, 'defects', 'signature.md'), 'utf8');
let base: string;
let root: string;
let client: Client;
const textOf = (result: Awaited<ReturnType<Client['callTool']>>) => (result.content as Array<{ type: string; text: string }>)[0].text;

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'plan-lint-mcp-'));
  root = path.join(base, 'workspace');
  mkdirSync(path.join(root, 'plans'), { recursive: true });
  writeFileSync(path.join(root, 'plans', 'ke-hoach.md'), PLAN);
  // Outside the root: a secret, and another project whose config names a URL pack.
  writeFileSync(path.join(base, 'secret.md'), 'MẬT MẬT MẬT\n');
  mkdirSync(path.join(base, 'other'));
  const integrity = `sha256-${createHash('sha256').update('{}').digest('base64')}`;
  writeFileSync(path.join(base, 'other', 'plan-lint.config.json'), JSON.stringify({ packs: [{ url: 'https://127.0.0.1:9/p.json', integrity }] }));
  symlinkSync(path.join(base, 'secret.md'), path.join(root, 'plans', 'link-out.md'));
  client = new Client({ name: 'plan-lint-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp', '--root', root], cwd: base, stderr: 'pipe' }));
}, 30_000);

afterAll(async () => {
  await client?.close();
  rmSync(base, { recursive: true, force: true });
});

describe('plan-lint mcp --root', () => {
  it('lints a plan inside the root, by a path relative to the root', async () => {
    const result = await client.callTool({ name: 'lint_plan', arguments: { path: 'plans/ke-hoach.md', locale: 'en' } });
    expect(result.isError).toBeFalsy();
    const report = JSON.parse(textOf(result));
    expect([report.filePath, report.diagnostics.map((d: { ruleId: string }) => d.ruleId)]).toEqual(['plans/ke-hoach.md', ['signature']]);
  });

  it('refuses a path outside the root: absolute, "../", or a link that leads out', async () => {
    for (const outside of [path.join(base, 'secret.md'), '../secret.md', 'plans/link-out.md']) {
      const result = await client.callTool({ name: 'lint_plan', arguments: { path: outside } });
      expect(result.isError, outside).toBe(true);
      expect(textOf(result)).toBe(
        `The plan "${outside}" is outside the workspace root ${root}: the MCP server reads only files inside it (start it with --root to change the root)`,
      );
      expect(textOf(result)).not.toContain('MẬT');
    }
  });

  it('a fileName in another folder is refused: its config (and the URL pack it names) is never loaded', async () => {
    const result = await client.callTool({ name: 'lint_plan', arguments: { text: 'KẾ HOẠCH\n', fileName: '../other/plan.md' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^The fileName "\.\.\/other\/plan\.md" is outside the workspace root/);
  });

  it('a URL pack in a config inside the root is not fetched without --allow-network', async () => {
    const integrity = `sha256-${createHash('sha256').update('{}').digest('base64')}`;
    mkdirSync(path.join(root, 'remote'), { recursive: true });
    writeFileSync(path.join(root, 'remote', 'plan-lint.config.json'), JSON.stringify({ packs: [{ url: 'https://127.0.0.1:9/p.json', integrity }] }));
    const result = await client.callTool({ name: 'lint_plan', arguments: { text: 'KẾ HOẠCH\n', fileName: 'remote/plan.md' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/Pack https:\/\/127\.0\.0\.1:9\/p\.json is not in the cache and fetching is not allowed here/);
  });
});

describe('plan-lint mcp and a message over 10 MB', () => {
  it('answers it with a JSON-RPC error for its id, says so on stderr, and goes on serving', async () => {
    const child = spawn(process.execPath, [bin, 'mcp', '--root', root], { cwd: base, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const lines = () => stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: unknown; error?: { code: number; message: string }; result?: unknown });
    const waitFor = async (id: number) => {
      const deadline = Date.now() + 20_000;
      while (!lines().some((message) => message.id === id) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      return lines().find((message) => message.id === id);
    };
    const send = (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } });
    await waitFor(1);
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'lint_plan', arguments: { text: 'a'.repeat(11 * 1024 * 1024) } } });
    const refused = await waitFor(2);
    expect(refused?.error).toEqual({
      code: -32600,
      message: 'The message is more than 10 MB; plan-lint mcp reads messages up to 10 MB. Give the plan as a "path" inside the workspace instead of its text.',
    });
    expect(stderr).toContain('plan-lint mcp: a message of more than 10 MB was refused (request id 2).');
    send({ jsonrpc: '2.0', id: 3, method: 'tools/list' });
    const listed = await waitFor(3);
    expect(listed?.result).toBeDefined();
    expect(child.exitCode).toBeNull();
    child.stdin.end();
    await new Promise((resolve) => child.on('close', resolve));
  }, 40_000);
});
