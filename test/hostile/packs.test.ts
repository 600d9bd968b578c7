// Packs are data, never code: a pack cannot run a regular expression, a script or a module of its
// choosing, cannot make plan-lint recurse until it crashes, and a URL pack on a host that does not
// answer times out. Each is refused with file:line:col and exit 2, in bounded time.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runPlanLint } from './spawn-cli.js';

let dir: string;
const at = (name: string) => path.join(dir, name);
const PLAN = readFileSync(path.join(repoRoot, 'fixtures/family/compliant/truong-th-a.md'), 'utf8');

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-packs-'));
  writeFileSync(at('plan.md'), PLAN);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// As long as the condition this test measured the pack sizes with: "no citation is this string".
const CONDITION = { fact: 'citations', operator: 'doesNotContain', value: 'citation-sym' };
const rule = (id: string, conditions: unknown) => ({
  id,
  severity: 'warning',
  messages: { found: { vi: 'Tìm thấy.', en: 'Found.' } },
  conditions,
  event: { params: { messageId: 'found' } },
});
const pack = (rules: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ name: 'hostile', version: '1.0.0', ...extra, rules }, null, 1);

async function lintWithPack(packFile: string, timeoutMs = 30_000) {
  // English messages (the product's default is Vietnamese).
  const run = await runPlanLint(['--pack', `./${packFile}`, 'plan.md', '--format', 'json'], { cwd: dir, timeoutMs, env: { LC_ALL: 'en_US.UTF-8' } });
  expect(run.signal, `killed after ${run.seconds.toFixed(1)} s`).toBeNull();
  return run;
}

describe('packs that try to run code or hang', () => {
  it('a catastrophic regular expression runs in linear time (RE2): (a+)+$ against 100,000 a', async () => {
    const evil = '(a+)+$';
    writeFileSync(at('regex-plan.md'), `KẾ HOẠCH\nCông tác năm 2024\n\n${'a'.repeat(100_000)}!\n`);
    writeFileSync(
      at('regex.json'),
      pack([
        rule('evil-regex', { all: [{ fact: 'text', path: '$.plan', operator: 'matches', value: evil }] }),
        { ...rule('evil-match', { all: [] }), forEach: { match: evil, in: 'plan' } },
      ]),
    );
    const run = await runPlanLint(['--pack', './regex.json', 'regex-plan.md', '--format', 'json'], { cwd: dir, timeoutMs: 30_000 });
    expect(run.signal, `killed after ${run.seconds.toFixed(1)} s`).toBeNull();
    expect(run.seconds).toBeLessThan(15);
    const ids = (JSON.parse(run.stdout)[0].messages as Array<{ ruleId: string }>).map((message) => message.ruleId);
    // The text ends with "!": (a+)+$ never matches, however long it backtracks in a backtracking engine.
    expect(ids).not.toContain('evil-regex');
    expect(ids).not.toContain('evil-match');
  }, 40_000);

  it('a pattern RE2 cannot run is refused with the rule and its path', async () => {
    writeFileSync(at('lookahead.json'), pack([rule('lookahead', { all: [{ fact: 'text', path: '$.plan', operator: 'matches', value: 'Lưu(?!:)' }] })]));
    const run = await lintWithPack('lookahead.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/lookahead\.json:\d+:\d+: Rule "lookahead": the pattern at \$\.rules\.0\.conditions\.all\.0\.value is not an RE2 regular expression/);
  });

  it('an unknown operator or fact is refused with the rule and its path', async () => {
    writeFileSync(at('operator.json'), pack([rule('bad-operator', { all: [{ fact: 'metadata', path: '$.title', operator: 'regex', value: 'a' }] })]));
    const operator = await lintWithPack('operator.json');
    expect(operator.code).toBe(2);
    expect(operator.stderr).toMatch(/operator\.json:\d+:\d+: Rule "bad-operator" of the pack does not match its schema at \$\.rules\.0\.conditions\.all\.0\.operator: must be equal to one of the allowed values/);
    writeFileSync(at('fact.json'), pack([rule('bad-fact', { all: [{ fact: 'budgets', path: '$.total', operator: 'equal', value: 0 }] })]));
    const fact = await lintWithPack('fact.json');
    expect(fact.code).toBe(2);
    expect(fact.stderr).toMatch(/fact\.json:\d+:\d+: Rule "bad-fact" of the pack does not match its schema at \$\.rules\.0\.conditions\.all\.0\.fact: must be equal to one of the allowed values/);
  });

  it('the same expression as a plain value is only compared as a string, so the lint ends at once', async () => {
    writeFileSync(at('regex-value.json'), pack([rule('regex-value', { all: [{ fact: 'metadata', path: '$.title', operator: 'equal', value: `^(a+)+$${'a'.repeat(40)}!` }] })]));
    const run = await lintWithPack('regex-value.json');
    expect(run.code).toBe(0);
    expect(run.seconds).toBeLessThan(15);
  });

  it('a JSONPath script expression in "path" is refused before anything evaluates it', async () => {
    const marker = at('pwned-by-path');
    const script = `$..[?(@.constructor.constructor('return process')().mainModule.require('fs').writeFileSync(${JSON.stringify(marker)},'x'))]`;
    writeFileSync(at('path.json'), pack([rule('evil-path', { all: [{ fact: 'citations', path: script, operator: 'equal', value: 1 }] })]));
    const run = await lintWithPack('path.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/path\.json:\d+:\d+: .*\$\.rules\.0\.conditions\.all\.0\.path: must match pattern/);
    expect(existsSync(marker)).toBe(false);
  });

  it('"extends" naming a JavaScript file reads it as JSON and never runs it', async () => {
    const marker = at('pwned-by-extends');
    writeFileSync(at('evil.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x');\n`);
    writeFileSync(at('extends.json'), pack([], { extends: ['./evil.js'] }));
    const run = await lintWithPack('extends.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/evil\.js:1:1: JSON syntax error/);
    expect(existsSync(marker)).toBe(false);
  });

  it('conditions nested 3,000 levels deep are refused, not a stack overflow', async () => {
    const depth = 3000;
    const deep = `${'{"all":['.repeat(depth)}${JSON.stringify(CONDITION)}${']}'.repeat(depth)}`;
    const shallow = pack([rule('deep', { all: ['DEEP'] })]);
    expect(shallow).toContain('{\n    "all": [\n     "DEEP"\n    ]\n   }');
    writeFileSync(at('deep.json'), shallow.replace('{\n    "all": [\n     "DEEP"\n    ]\n   }', deep));
    const run = await lintWithPack('deep.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/deep\.json:\d+:\d+: JSON nested more than 64 levels deep/);
    expect(run.stderr).not.toMatch(/internal error|Maximum call stack/);
  });

  it('more than 1,000 rules is refused from the text, before the pack is parsed, naming the limit', async () => {
    writeFileSync(at('many.json'), pack(Array.from({ length: 5000 }, (_, i) => rule(`r${i}`, { all: [CONDITION] }))));
    const run = await lintWithPack('many.json');
    expect(run.code).toBe(2);
    // Rule 1001 starts where a pack of 1,000 rules has its closing " ]".
    const line = pack(Array.from({ length: 1000 }, (_, i) => rule(`r${i}`, { all: [CONDITION] }))).split('\n').length - 1;
    expect(run.stderr).toBe(
      `plan-lint: many.json:${line}:3: The pack has 5000 rules; a pack may have at most 1000 (rule 1001 starts here). Keep the rules that matter, or split them into packs that extend one another.\n`,
    );
    // Parsing and validating these 1.8 MB took 5 s on a busy machine; the count takes milliseconds.
    expect(run.seconds).toBeLessThan(10);
  }, 40_000);

  it('a pack file of 50,000 rules (17 MB) is refused from its size, before it is read', async () => {
    writeFileSync(at('huge.json'), pack(Array.from({ length: 50_000 }, (_, i) => rule(`r${i}`, { all: [CONDITION] }))));
    const run = await lintWithPack('huge.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'plan-lint: huge.json: The pack is 17.3 MB; a pack may be at most 8 MB (1000 rules take about 2 MB). Check that this is the pack you meant.\n',
    );
    expect(run.seconds).toBeLessThan(10);
  }, 40_000);

  it('1,000 rules (the most a pack may have) lint one plan in bounded time', async () => {
    writeFileSync(at('thousand.json'), pack(Array.from({ length: 1000 }, (_, i) => rule(`r${i}`, { all: [CONDITION, { any: [CONDITION, { not: CONDITION }] }] }))));
    const run = await lintWithPack('thousand.json', 60_000);
    expect(run.code).toBe(0);
    expect(run.seconds).toBeLessThan(30);
  }, 70_000);
});

describe('a URL pack on a host that does not answer', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  let silentPort = 0;
  let closedPort = 0;
  beforeAll(async () => {
    // Loopback only. The silent server accepts connections and never answers the TLS handshake.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as { port: number }).port;
    // A port that was just free: bound, then released, so nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });
  afterAll(() => {
    sockets.forEach((socket) => socket.destroy());
    silent.close();
  });

  const integrity = 'sha256-47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU';

  const advice = `. Check the address and the network; or get a copy of the pack another way, check that its hash is ${integrity}, and name that local file instead of the URL.\n`;

  it('a closed port fails at once, saying the connection was refused there (exit 2)', async () => {
    const url = `https://127.0.0.1:${closedPort}/pack.json`;
    const run = await runPlanLint(['--pack', `${url}#${integrity}`, 'plan.md'], { cwd: dir, timeoutMs: 30_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`plan-lint: Cannot fetch pack ${url}: connection refused by 127.0.0.1 on port ${closedPort} (ECONNREFUSED): nothing listens there${advice}`);
    expect(run.seconds).toBeLessThan(15);
  }, 40_000);

  it('a host name that does not exist is named as not found (exit 2)', async () => {
    // .invalid never resolves (RFC 6761); without a name server the lookup fails with EAI_AGAIN,
    // or, when the name server does not answer, takes longer than the 10 s timeout.
    const url = 'https://plan-lint-no-such-host.invalid/pack.json';
    const run = await runPlanLint(['--pack', `${url}#${integrity}`, 'plan.md'], { cwd: dir, timeoutMs: 40_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^plan-lint: Cannot fetch pack https:\/\/plan-lint-no-such-host\.invalid\/pack\.json: (the host name "plan-lint-no-such-host\.invalid" (was not found \(ENOTFOUND\)|could not be looked up \(EAI_AGAIN\): the name server did not answer)|no answer from plan-lint-no-such-host\.invalid within 10 s \(timeout\))\. /,
    );
    expect(run.stderr.endsWith(advice)).toBe(true);
  }, 50_000);

  it('a host that never answers times out after 10 s, and says so (exit 2)', async () => {
    const url = `https://127.0.0.1:${silentPort}/pack.json`;
    const run = await runPlanLint(['--pack', `${url}#${integrity}`, 'plan.md'], { cwd: dir, timeoutMs: 40_000 });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`plan-lint: Cannot fetch pack ${url}: no answer from 127.0.0.1:${silentPort} within 10 s (timeout)${advice}`);
    expect(run.seconds).toBeGreaterThanOrEqual(9);
    expect(run.seconds).toBeLessThan(30);
  }, 50_000);
});
