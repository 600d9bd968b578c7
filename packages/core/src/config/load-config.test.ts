import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveRuleSet } from '../engine/rule-set.js';
import { PlanLintInputError } from '../shared/errors.js';
import { findConfigFile, loadConfig, loadConfigFile } from './load-config.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-config-'));
});

function write(name: string, value: unknown): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

async function inputError(promise: Promise<unknown>): Promise<PlanLintInputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PlanLintInputError);
    return error as PlanLintInputError;
  }
  throw new Error('expected a PlanLintInputError');
}

const smallPack = {
  name: 'remote-pack',
  version: '1.2.3',
  extends: ['van-ban'],
  rules: [],
};

function sri(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

function fetchReturning(text: string, calls: string[] = []): typeof fetch {
  return (async (url: string | URL | Request) => {
    calls.push(String(url));
    return new Response(text, { status: 200 });
  }) as typeof fetch;
}

describe('loadConfigFile', () => {
  it('finds the nearest config upward and loads its packs, severities and parent', async () => {
    const config = write('plan-lint.config.json', {
      packs: ['recommended'],
      parent: 'parent/ke-hoach-phong.md',
      locale: 'en',
      rules: { 'duplicate-word': 'off', 'signature': 'error' },
      overrides: [{ files: 'drafts/**', rules: { 'recipients': 'off' } }],
    });
    const plan = write('school/a/plan.md', '# KẾ HOẠCH');
    expect(findConfigFile(plan)).toBe(config);
    const loaded = await loadConfig(plan);
    expect(loaded.filePath).toBe(config);
    expect(loaded.locale).toBe('en');
    expect(loaded.parent).toBe(path.join(dir, 'parent/ke-hoach-phong.md'));
    const rules = resolveRuleSet(loaded, path.join(dir, 'school/a/plan.md')).rules;
    expect(rules.some((r) => r.rule.id === 'duplicate-word')).toBe(false);
    expect(rules.find((r) => r.rule.id === 'signature')?.severity).toBe('error');
    expect(rules.some((r) => r.rule.id === 'recipients')).toBe(true);
    const draftRules = resolveRuleSet(loaded, path.join(dir, 'drafts/x.md')).rules;
    expect(draftRules.some((r) => r.rule.id === 'recipients')).toBe(false);
    expect(rules).toHaveLength(18);
  });

  it('reports a JSON syntax error with file, line and column', async () => {
    const config = write('.planlintrc.json', '{\n  "packs": ["recommended"]\n  "locale": "vi"\n}\n');
    const error = await inputError(loadConfigFile(config));
    expect(error.code).toBe('config-json');
    expect(error.format()).toBe(`${config}:3:3: JSON syntax error (CommaExpected): fix the file so that it is valid JSON.`);
  });

  it('names the rule and the allowed values for a misspelt severity', async () => {
    const config = write('plan-lint.config.json', '{\n  "rules": {\n    "citation-date": "erorr"\n  }\n}\n');
    const error = await inputError(loadConfigFile(config));
    expect(error.format()).toBe(`${config}:3:22: rule "citation-date" has severity "erorr"; use "off", "warn" or "error".`);
  });

  it('rejects a rule id that no pack defines, at its line', async () => {
    const config = write('plan-lint.config.json', '{\n  "rules": { "citation-dat": "warn" }\n}\n');
    const error = await inputError(loadConfigFile(config));
    expect(error.code).toBe('config-unknown-rule');
    expect([error.line, error.column]).toEqual([2, 14]);
  });

  it('rejects a URL pack without an integrity hash, pointing at the config entry', async () => {
    const config = write('plan-lint.config.json', '{\n  "packs": ["https://packs.example.vn/so-gddt.json"]\n}\n');
    const error = await inputError(loadConfigFile(config, { fetch: fetchReturning('{}') }));
    expect(error.code).toBe('pack-integrity');
    expect(error.message).toContain('has no integrity hash');
    expect([error.filePath, error.line, error.column]).toEqual([config, 2, 13]);
  });

  it('rejects a URL pack whose content does not match its hash', async () => {
    const text = JSON.stringify(smallPack);
    const wrong = sri(`${text} `);
    const config = write('plan-lint.config.json', { packs: [`https://packs.example.vn/so.json#${wrong}`] });
    const error = await inputError(loadConfigFile(config, { fetch: fetchReturning(text) }));
    expect(error.code).toBe('pack-integrity');
    expect(error.message).toContain(`expected ${wrong}, got ${sri(text)}`);
    expect(existsSync(path.join(dir, '.plan-lint-cache'))).toBe(false);
  });

  it('fetches a pinned URL pack once, caches it and records it in plan-lint.lock.json', async () => {
    const text = JSON.stringify(smallPack);
    const calls: string[] = [];
    const config = write('plan-lint.config.json', { packs: [{ url: 'https://packs.example.vn/so.json', integrity: sri(text) }] });
    const loaded = await loadConfigFile(config, { fetch: fetchReturning(text, calls) });
    expect(loaded.packs[0].name).toBe('remote-pack');
    expect(loaded.packs[0].extends[0].name).toBe('van-ban');
    const lock = JSON.parse(readFileSync(path.join(dir, 'plan-lint.lock.json'), 'utf8'));
    expect(lock.packs['https://packs.example.vn/so.json']).toEqual({ integrity: sri(text), name: 'remote-pack', version: '1.2.3' });
    const offline = (async () => {
      throw new Error('offline');
    }) as typeof fetch;
    const again = await loadConfigFile(config, { fetch: offline });
    expect(again.packs[0].version).toBe('1.2.3');
    expect(calls).toEqual(['https://packs.example.vn/so.json']);
  });

  it('a failed fetch says why (the cause Node keeps behind "fetch failed"), with the URL and what to do', async () => {
    const url = 'https://packs.example.vn/so.json';
    const integrity = sri(JSON.stringify(smallPack));
    const config = write('plan-lint.config.json', { packs: [{ url, integrity }] });
    const failing = (cause: unknown) => (async () => {
      throw new TypeError('fetch failed', { cause });
    }) as typeof fetch;
    const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
    const advice = `. Check the address and the network; or get a copy of the pack another way, check that its hash is ${integrity}, and name that local file instead of the URL.`;
    const messageFor = async (fetch: typeof fetch, timeoutMs?: number) => (await inputError(loadConfigFile(config, { fetch, timeoutMs }))).message;

    expect(await messageFor(failing(withCode('getaddrinfo ENOTFOUND packs.example.vn', 'ENOTFOUND')))).toBe(
      `Cannot fetch pack ${url}: the host name "packs.example.vn" was not found (ENOTFOUND)${advice}`,
    );
    expect(await messageFor(failing(withCode('connect ECONNREFUSED 10.0.0.1:443', 'ECONNREFUSED')))).toBe(
      `Cannot fetch pack ${url}: connection refused by packs.example.vn on port 443 (ECONNREFUSED): nothing listens there${advice}`,
    );
    expect(await messageFor(failing(withCode('Connect Timeout Error (attempted address: packs.example.vn:443, timeout: 10000ms)', 'UND_ERR_CONNECT_TIMEOUT')), 30_000)).toBe(
      `Cannot fetch pack ${url}: no answer from packs.example.vn within 10 s (timeout)${advice}`,
    );
    const aborted = (async () => {
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    }) as typeof fetch;
    expect(await messageFor(aborted, 2500)).toBe(`Cannot fetch pack ${url}: no answer from packs.example.vn within 2.5 s (timeout)${advice}`);
    expect(await messageFor(failing(withCode('certificate has expired', 'CERT_HAS_EXPIRED')))).toMatch(/: the secure \(TLS\) connection to packs\.example\.vn failed \(CERT_HAS_EXPIRED\)/);
    const notFound = (async () => new Response('gone', { status: 404, statusText: 'Not Found' })) as typeof fetch;
    expect(await messageFor(notFound)).toBe(`Cannot fetch pack ${url}: the server answered HTTP 404 Not Found${advice}`);
  });

  it('a URL pack over 8 MB is refused from its declared length, or once the download passes 8 MB', async () => {
    const config = write('plan-lint.config.json', { packs: [{ url: 'https://packs.example.vn/so.json', integrity: sri('{}') }] });
    const declared = (async () => new Response('{}', { headers: { 'content-length': String(50 * 1048576) } })) as typeof fetch;
    const error = await inputError(loadConfigFile(config, { fetch: declared }));
    expect([error.code, error.message]).toEqual(['pack-too-large', 'The pack is 50.0 MB; a pack may be at most 8 MB (1000 rules take about 2 MB). Check that this is the pack you meant.']);
    let sent = 0;
    const endless = (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            sent += 1048576;
            controller.enqueue(new Uint8Array(1048576).fill(0x20));
          },
        }),
      )) as typeof fetch;
    const streamed = await inputError(loadConfigFile(config, { fetch: endless }));
    expect(streamed.message).toMatch(/^The pack is more than 8 MB; a pack may be at most 8 MB/);
    expect(sent).toBeLessThan(12 * 1048576);
  });

  it('never fetches when the network is not allowed, but still uses the cache', async () => {
    const text = JSON.stringify(smallPack);
    const calls: string[] = [];
    const config = write('plan-lint.config.json', { packs: [`https://packs.example.vn/so.json#${sri(text)}`] });
    const error = await inputError(loadConfigFile(config, { fetch: fetchReturning(text, calls), allowNetwork: false }));
    expect(error.code).toBe('pack-offline');
    expect(calls).toEqual([]);
    await loadConfigFile(config, { fetch: fetchReturning(text, calls) });
    const cached = await loadConfigFile(config, { fetch: fetchReturning(text, calls), allowNetwork: false });
    expect(cached.packs[0].name).toBe('remote-pack');
    expect(calls).toHaveLength(1);
  });

  it('reports a pack that fails its schema with the pack file, line, column and JSON path', async () => {
    write('packs/bad.json', '{\n  "name": "bad",\n  "version": "1.0.0",\n  "rules": [\n    { "id": "x-rule", "severity": "fatal", "messages": { "m": { "vi": "a", "en": "b" } },\n      "conditions": { "all": [] }, "event": { "params": { "messageId": "m" } } }\n  ]\n}\n');
    const config = write('plan-lint.config.json', { packs: ['./packs/bad.json'] });
    const error = await inputError(loadConfigFile(config));
    expect(error.code).toBe('pack-schema');
    expect(error.filePath).toBe(path.join(dir, 'packs/bad.json'));
    expect(error.message).toContain('$.rules.0.severity');
    expect([error.line, error.column]).toEqual([5, 35]);
  });

  it('names the cycle of a circular extends', async () => {
    write('packs/a/pack.json', { name: 'a', version: '1.0.0', extends: ['../b/pack.json'] });
    write('packs/b/pack.json', { name: 'b', version: '1.0.0', extends: ['../a/pack.json'] });
    const config = write('plan-lint.config.json', { packs: ['./packs/a/pack.json'] });
    const error = await inputError(loadConfigFile(config));
    expect(error.code).toBe('pack-cycle');
    expect(error.message).toContain('a/pack.json → b/pack.json → a/pack.json');
    expect(error.filePath).toBe(path.join(dir, 'packs/b/pack.json'));
  });

  it('loads a pack from an installed npm package', async () => {
    write('node_modules/@so-gddt/plan-pack/package.json', { name: '@so-gddt/plan-pack', version: '2.0.0', 'plan-lint': { pack: 'rules.json' } });
    write('node_modules/@so-gddt/plan-pack/rules.json', { name: '@so-gddt/plan-pack', version: '2.0.0', extends: ['binh-dang-gioi'] });
    const config = write('plan-lint.config.json', { packs: ['@so-gddt/plan-pack'] });
    const loaded = await loadConfigFile(config);
    expect(loaded.packs[0].name).toBe('@so-gddt/plan-pack');
    expect(resolveRuleSet(loaded).rules.map((r) => r.pack)).toContain('binh-dang-gioi');
    const missing = write('other/plan-lint.config.json', { packs: ['plan-pack-that-is-not-installed'] });
    const error = await inputError(loadConfigFile(missing));
    expect(error.code).toBe('pack-missing');
    expect(error.message).toContain('Pack "plan-pack-that-is-not-installed" is not a built-in pack (recommended, binh-dang-gioi, van-ban), a file, or an npm package installed in this project');
    expect(error.message).not.toContain('npm install');
    // A misspelt built-in name is corrected, in both languages.
    const misspelt = await inputError(loadConfigFile(write('third/plan-lint.config.json', { packs: ['binh-dang-gio'] })));
    expect(misspelt.message).toContain('did you mean "binh-dang-gioi"?');
    expect(misspelt.vi).toContain('có phải ý bạn là "binh-dang-gioi"?');
  });

  it('uses the recommended packs when there is no config', async () => {
    const loaded = await loadConfig(path.join(dir, 'plan.md'));
    expect(loaded.filePath).toBeUndefined();
    expect(loaded.packs.map((pack) => pack.name)).toEqual(['recommended']);
    expect(resolveRuleSet(loaded).rules).toHaveLength(19);
  });
});

describe('pack reloading', () => {
  it('reads a pack again when a file it extends changes', async () => {
    const base = write('packs/base.json', { name: 'base', version: '1.0.0', extends: ['van-ban'] });
    const top = write('packs/top.json', { name: 'top', version: '1.0.0', extends: ['./base.json'] });
    const { loadPackFromFile } = await import('../engine/pack-loader.js');
    const first = await loadPackFromFile(top);
    expect(await loadPackFromFile(top)).toBe(first);
    writeFileSync(base, JSON.stringify({ name: 'base', version: '1.0.1', extends: ['binh-dang-gioi'] }));
    const { utimesSync } = await import('node:fs');
    utimesSync(base, new Date(), new Date(Date.now() + 5000));
    const second = await loadPackFromFile(top);
    expect(second).not.toBe(first);
    expect(second.extends[0].version).toBe('1.0.1');
    expect(second.extends[0].extends[0].name).toBe('binh-dang-gioi');
  });
});
