// Issue 14, items 4, 5, 14, 15, 17, 18, 19, 20, in-process: every file core reads is a regular
// file read under a cap; `extends` loads each pack once; URL packs never leave https; the lockfile
// is verified; BOMs, `exports` maps and broken package.json files; size messages show the excess.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBytes, loadConfigFile, PlanLintInputError, readPlanBytes, resolvePack, sizeOverLimit } from '@plan-lint/core';
import { loadWaiversFile } from '../../packages/core/src/governance/waivers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-harden-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, value: unknown): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof value === 'string' || value instanceof Uint8Array ? value : JSON.stringify(value, null, 2));
  return file;
}

async function inputError(run: () => unknown): Promise<PlanLintInputError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(PlanLintInputError);
    return error as PlanLintInputError;
  }
  throw new Error('expected a PlanLintInputError');
}

const sri = (text: string | Buffer) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
const pack = (name: string, extra: Record<string, unknown> = {}) => ({ name, version: '1.0.0', rules: [], ...extra });
const fifo = (name: string) => {
  const file = path.join(dir, name);
  execFileSync('mkfifo', [file]);
  return file;
};

describe('item 4: only regular files are read, under a cap', () => {
  it('a FIFO or /dev/zero as a plan or parent is refused at once, naming what it is', async () => {
    const pipe = fifo('parent.md');
    const error = await inputError(() => readPlanBytes(pipe));
    expect([error.code, error.message]).toEqual([
      'not-a-file',
      'file is a named pipe (FIFO), not a regular file: plan-lint reads only regular files (a pipe or a device could hang the run or never end); name the file itself.',
    ]);
    const zero = await inputError(() => readPlanBytes('/dev/zero'));
    expect([zero.code, zero.message]).toEqual(['not-a-file', expect.stringMatching(/^file is a character device, not a regular file/)]);
  });

  it('a FIFO as a pack, as the config, or as the waivers register is refused, not waited on', async () => {
    const pipePack = fifo('pack.json');
    const config = write('plan-lint.config.json', '{\n  "packs": ["./pack.json"]\n}\n');
    const packError = await inputError(() => loadConfigFile(config));
    expect([packError.code, packError.filePath, packError.line, packError.column]).toEqual(['not-a-file', config, 2, 13]);
    expect(packError.message).toBe(`${pipePack} is a named pipe (FIFO), not a regular file: plan-lint reads only regular files (a pipe or a device could hang the run or never end); name the file itself.`);
    const devicePack = await inputError(() => resolvePack('/dev/zero'));
    expect(devicePack.code).toBe('not-a-file');
    const configPipe = fifo('other.config.json');
    expect((await inputError(() => loadConfigFile(configPipe))).code).toBe('not-a-file');
    const waivers = fifo('plan-lint.waivers.json');
    expect((await inputError(() => loadWaiversFile(waivers))).code).toBe('not-a-file');
  });

  it('a config over its cap is refused from its size, before it is parsed', async () => {
    const big = write('big.config.json', `{"packs": [], "x": "${'a'.repeat(8 * 1048576)}"}`);
    const error = await inputError(() => loadConfigFile(big));
    expect([error.code, error.message]).toEqual(['json-too-large', 'The config file is 8 MB + 22 bytes; plan-lint reads such files up to 8 MB. Check that this is the right file.']);
  });
});

describe('item 5: extends resolves each pack once', () => {
  /** `levels` packs, each extending the next one twice (through two names for the same file), and a diamond at each level. */
  function ladder(levels: number): string {
    for (let level = 0; level < levels; level++) {
      const next = level + 1 < levels ? [`./p${level + 1}.json`, `./sub/../p${level + 1}.json`] : [];
      write(`p${level}.json`, pack(`p${level}`, { extends: next }));
    }
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    return path.join(dir, 'p0.json');
  }

  it('a diamond is not a cycle, and 25 levels of double extends load 25 packs, each read once', async () => {
    const root = ladder(25);
    const loaded = await resolvePack(root);
    const seen = new Set<unknown>();
    let shared = true;
    for (let pack = loaded; pack.extends.length > 0; pack = pack.extends[0]) {
      seen.add(pack);
      // Both references name the same file: one object, loaded once.
      shared &&= pack.extends[0] === pack.extends[1];
    }
    expect(shared).toBe(true);
    expect(seen.size).toBe(24);
  });

  it('a real cycle is still an error naming it', async () => {
    write('a.json', pack('a', { extends: ['./b.json'] }));
    write('b.json', pack('b', { extends: ['./a.json'] }));
    const error = await inputError(() => resolvePack(path.join(dir, 'a.json')));
    expect(error.code).toBe('pack-cycle');
    expect(error.message).toMatch(/a\.json → .*b\.json → .*a\.json/);
  });
});

describe('item 14: a URL pack stays on https, and errors name the host redirected to', () => {
  const text = JSON.stringify(pack('remote'));
  const url = 'https://packs.example.vn/so.json';
  type Hop = (target: string) => Response | Promise<Response>;
  const fetchVia = (hops: Record<string, Hop>, calls: string[] = []) =>
    (async (target: string | URL | Request, init?: RequestInit) => {
      calls.push(`${String(target)} ${init?.redirect}`);
      const hop = hops[String(target)];
      if (!hop) throw new Error(`unexpected ${String(target)}`);
      return hop(String(target));
    }) as typeof fetch;
  const redirect = (location: string) => () => new Response(null, { status: 302, headers: { location } });

  it('an https pack redirecting to http is refused before the http address is asked', async () => {
    const calls: string[] = [];
    const config = write('plan-lint.config.json', { packs: [{ url, integrity: sri(text) }] });
    const error = await inputError(() => loadConfigFile(config, { fetch: fetchVia({ [url]: redirect('http://mirror.example.vn:8080/so.json') }, calls) }));
    expect(error.code).toBe('pack-redirect');
    expect(error.message).toBe(
      `Pack ${url} redirects (from packs.example.vn) to http://mirror.example.vn:8080/so.json: plan-lint follows a pack's redirects only to https: addresses, never to another scheme. Ask the pack's publisher for its https address.`,
    );
    expect(calls).toEqual([`${url} manual`]);
  });

  it('https → https redirects are followed; a failure after them names the host and port redirected to', async () => {
    const config = write('plan-lint.config.json', { packs: [{ url, integrity: sri(text) }] });
    const refused = () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.2:8443'), { code: 'ECONNREFUSED' }) });
    };
    const error = await inputError(() =>
      loadConfigFile(config, { fetch: fetchVia({ [url]: redirect('https://cdn.example.vn:8443/so.json'), 'https://cdn.example.vn:8443/so.json': refused }) }),
    );
    expect(error.message).toMatch(/^Cannot fetch pack https:\/\/packs\.example\.vn\/so\.json \(redirected to https:\/\/cdn\.example\.vn:8443\/so\.json\): connection refused by cdn\.example\.vn on port 8443 \(ECONNREFUSED\)/);
    const ok = await loadConfigFile(config, { fetch: fetchVia({ [url]: redirect('/v2/so.json'), 'https://packs.example.vn/v2/so.json': () => new Response(text) }) });
    expect(ok.packs[0].name).toBe('remote');
  });
});

describe('item 15: the lockfile is verified, and rewritten only when asked', () => {
  const text = JSON.stringify(pack('remote'));
  const url = 'https://packs.example.vn/so.json';
  const serve = (body: string) => (async () => new Response(body)) as typeof fetch;
  const lockPath = () => path.join(dir, 'plan-lint.lock.json');

  it('a tampered hash, name or version is named, the lockfile is left as it is, and --update-lock rewrites it', async () => {
    const config = write('plan-lint.config.json', { packs: [{ url, integrity: sri(text) }] });
    await loadConfigFile(config, { fetch: serve(text) });
    const recorded = JSON.parse(readFileSync(lockPath(), 'utf8'));
    expect(recorded.packs[url]).toEqual({ integrity: sri(text), name: 'remote', version: '1.0.0' });
    const tampered = { lockfileVersion: 1, packs: { [url]: { integrity: sri('other'), name: 'remote', version: '0.9.0' } } };
    writeFileSync(lockPath(), JSON.stringify(tampered));
    const error = await inputError(() => loadConfigFile(config, { fetch: serve(text) }));
    expect([error.code, error.filePath]).toEqual(['pack-lock', lockPath()]);
    expect(error.message).toBe(
      `The lockfile does not match: pack ${url} differs: it records the hash ${sri('other')}, the pack in use has ${sri(text)}; it records version "0.9.0", the pack is version "1.0.0". If the change is intended (a new version of the pack), run plan-lint with --update-lock (or set "updateLock": true in the config) to record it; otherwise find out who changed the lockfile or the pack.`,
    );
    expect(JSON.parse(readFileSync(lockPath(), 'utf8'))).toEqual(tampered);
    await loadConfigFile(config, { fetch: serve(text), updateLock: true });
    expect(JSON.parse(readFileSync(lockPath(), 'utf8')).packs[url]).toEqual(recorded.packs[url]);
  });

  it('the config key "updateLock" does what --update-lock does; a lockfile that is not JSON is an error, not replaced', async () => {
    writeFileSync(lockPath(), '{ not json');
    const config = write('plan-lint.config.json', { packs: [{ url, integrity: sri(text) }] });
    const error = await inputError(() => loadConfigFile(config, { fetch: serve(text) }));
    expect(error.message).toMatch(/^The lockfile does not match: it is not a plan-lint lockfile/);
    expect(readFileSync(lockPath(), 'utf8')).toBe('{ not json');
    const updating = write('plan-lint.config.json', { packs: [{ url, integrity: sri(text) }], updateLock: true });
    await loadConfigFile(updating, { fetch: serve(text) });
    expect(JSON.parse(readFileSync(lockPath(), 'utf8')).packs[url].integrity).toBe(sri(text));
  });
});

describe('item 17: a config or pack saved with a UTF-8 byte-order mark is read', () => {
  it('BOM before the config and before a pack; errors keep their columns', async () => {
    write('local.json', `\ufeff${JSON.stringify(pack('local'), null, 2)}`);
    const config = write('plan-lint.config.json', `\ufeff{\n  "packs": ["./local.json"],\n  "locale": "xx"\n}\n`);
    const error = await inputError(() => loadConfigFile(config));
    expect([error.code, error.line, error.column]).toEqual(['config-schema', 3, 13]);
    write('plan-lint.config.json', `\ufeff{\n  "packs": ["./local.json"]\n}\n`);
    const loaded = await loadConfigFile(config);
    expect(loaded.packs.map((p) => p.name)).toEqual(['local']);
  });
});

describe('item 18: installed npm packs', () => {
  it('a pack package with an "exports" map (no "./package.json" in it) is found through the map', async () => {
    write('node_modules/@so/pack/package.json', { name: '@so/pack', version: '2.0.0', exports: { '.': './dist/rules.json' } });
    write('node_modules/@so/pack/dist/rules.json', pack('so-pack'));
    const config = write('plan-lint.config.json', { packs: ['@so/pack'] });
    expect((await loadConfigFile(config)).packs[0].name).toBe('so-pack');
  });

  it('a broken package.json is named as such, not as a package to install', async () => {
    write('node_modules/broken-pack/package.json', '{ "name": "broken-pack", ');
    const config = write('plan-lint.config.json', '{\n  "packs": ["broken-pack"]\n}\n');
    const error = await inputError(() => loadConfigFile(config));
    expect([error.code, error.line, error.column]).toEqual(['pack-manifest', 2, 13]);
    expect(error.message).toMatch(/^Pack "broken-pack" is installed, but its package\.json \(.*node_modules\/broken-pack\/package\.json\) is not valid JSON \(.+\): reinstall the package/);
    expect(error.message).not.toMatch(/not a built-in pack/);
  });
});

describe('item 19: every path a pack holds is checked by the schema', () => {
  it('a JSONPath filter inside a "value" fact reference is refused naming the pack file, the rule and the path', async () => {
    const rule = {
      id: 'sneaky',
      severity: 'warning',
      messages: { m: { vi: 'a', en: 'b' } },
      conditions: { all: [{ fact: 'metadata', path: '$.date', operator: 'equal', value: { fact: 'parent', path: '$..[?(@.x)]' } }] },
      event: { params: { messageId: 'm' } },
    };
    const file = write('filter.json', JSON.stringify(pack('filter', { rules: [rule] }), null, 2));
    const error = await inputError(() => resolvePack(file));
    expect([error.code, error.filePath]).toEqual(['pack-schema', file]);
    expect(error.message).toBe('Rule "sneaky" of the pack does not match its schema at $.rules.0.conditions.all.0.value.path: must match pattern "^\\$(\\.[A-Za-z0-9_-]+)*$".');
    const text = readFileSync(file, 'utf8');
    const offset = text.indexOf('"$..[?(@.x)]"');
    expect([error.line, error.column]).toEqual([text.slice(0, offset).split('\n').length, offset - text.lastIndexOf('\n', offset)]);
  });

  it('"at" and "data" fact paths are checked too', async () => {
    const rule = {
      id: 'sneaky-at',
      severity: 'warning',
      messages: { m: { vi: 'a', en: 'b' } },
      conditions: { all: [{ fact: 'metadata', operator: 'notEmpty', value: true }] },
      event: { params: { messageId: 'm', data: { d: '$..x' } } },
    };
    const error = await inputError(() => resolvePack(write('at.json', pack('at', { rules: [rule] }))));
    expect(error.message).toMatch(/^Rule "sneaky-at" of the pack does not match its schema at \$\.rules\.0\.event\.params\.data\.d: must match pattern/);
  });
});

describe('item 20: UTF-16 without a BOM, and sizes that show the excess', () => {
  const plan = 'KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024.\n';

  it('UTF-16LE and UTF-16BE without a byte-order mark are named UTF-16, not binary', () => {
    const le = Buffer.from(plan, 'utf16le');
    for (const bytes of [le, Buffer.from(le).swap16()]) {
      const error = (() => {
        try {
          decodeBytes(bytes, 'plan.md');
        } catch (caught) {
          return caught as PlanLintInputError;
        }
        throw new Error('expected an error');
      })();
      expect([error.code, error.message]).toEqual(['utf16', 'file is UTF-16 (without a byte-order mark: its zero bytes fall every other byte); save it as UTF-8 and lint it again.']);
    }
    // A real binary file with NUL bytes is still binary.
    expect(() => decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]))).toThrow(/looks binary/);
  });

  it('a size just over a limit shows its excess; a size well over it, one decimal', () => {
    const limit = 20 * 1048576;
    expect(sizeOverLimit(limit + 5, limit)).toBe('20 MB + 5 bytes');
    expect(sizeOverLimit(limit + 1, limit)).toBe('20 MB + 1 byte');
    expect(sizeOverLimit(50 * 1048576, limit)).toBe('50.0 MB');
    expect(sizeOverLimit(limit + 60_000, limit)).toBe('20.1 MB');
  });
});

describe('item 16: TCVN3, VNI, VISCII and Windows-1258 told apart by byte statistics', () => {
  it('every seed and family plan, encoded in each, is named by its own encoding', async () => {
    const { classifyNonUtf8 } = await import('../../packages/core/src/decode/legacy-encoding.js');
    const { encodeTcvn3, encodeViscii, encodeVni, encodeWindows1258 } = await import('./legacy-encoders.js');
    const { readdirSync } = await import('node:fs');
    const folders = ['seeds', 'family/compliant', 'family/defects', 'family/parent'].map((folder) => path.join(__dirname, '../../fixtures', folder));
    const seeds = folders.flatMap((folder) => readdirSync(folder).filter((name) => /\.(txt|md)$/.test(name)).map((name) => path.join(folder, name)));
    expect(seeds.length).toBeGreaterThan(20);
    const encoders = { tcvn3: encodeTcvn3, vni: encodeVni, viscii: encodeViscii, 'windows-1258': encodeWindows1258 } as const;
    const wrong: string[] = [];
    for (const seed of seeds) {
      const text = readFileSync(seed, 'utf8');
      for (const [kind, encode] of Object.entries(encoders)) {
        const found = classifyNonUtf8(encode(text));
        if (found !== kind) wrong.push(`${path.basename(seed)} in ${kind}: ${found}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('text that reads as no Vietnamese encoding is called 8-bit, without naming one', async () => {
    const { classifyNonUtf8 } = await import('../../packages/core/src/decode/legacy-encoding.js');
    const noise = Uint8Array.from({ length: 4000 }, (_, i) => (i % 7 === 0 ? 0x20 : 0x80 + ((i * 37) % 0x7f)));
    expect(classifyNonUtf8(noise)).toBe('legacy-8bit');
  });
});
