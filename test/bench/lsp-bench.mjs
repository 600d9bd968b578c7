// Edit → diagnostics latency of plan-lint-lsp, and its memory after 1,000 edits, against the goals
// it was built for: p95 ≤ 10 ms on a 25 KB plan, ≤ 30 ms on 100 KB, ≤ 100 MB RSS after 1,000 edits.
// Each edit is a real incremental didChange; latency is measured to the diagnostics of that version:
// pull (`textDocument/diagnostic`, no debounce) and push (`publishDiagnostics`, debounce set to 0).
// Run: npm run bench:lsp   (options: --edits N, --json FILE, --server FILE)
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
// Another build of the server to compare, e.g. the extension's bundle: --server packages/vscode-extension/dist/server.cjs
const serverBin = option('--server', join(root, 'packages/lsp/bin/plan-lint-lsp.js'));
const EDITS = Number(option('--edits', '1000'));
const jsonOut = option('--json', join(root, 'test-artifacts/bench/lsp-bench.json'));
// Extra Node flags for the server (e.g. --cpu-prof), space-separated: --server-flags '--cpu-prof'.
const SERVER_NODE_FLAGS = (option('--server-flags', '') ?? '').split(' ').filter(Boolean);
const GOALS = { p95_25kb: 10, p95_100kb: 30, rssMb: 100 };

/**
 * A plan of about `bytes` bytes in the style of the seeds: seed 000 (20 KB) with paragraphs of its
 * tasks section repeated, one at a time, before "Nơi nhận" until the size is reached.
 */
function makePlan(bytes) {
  const seed = readFileSync(join(root, 'fixtures/seeds/000_4996ab619162ff16.txt'), 'utf8');
  const tasks = seed.slice(seed.indexOf('II. NHIỆM VỤ'), seed.indexOf('Nơi nhận'));
  const paragraphs = tasks.split(/\n\s*\n/).filter((paragraph) => paragraph.trim().length > 80);
  const cut = seed.indexOf('Nơi nhận');
  const added = [];
  let size = Buffer.byteLength(seed);
  for (let i = 0; size < bytes; i++) {
    const paragraph = `${paragraphs[i % paragraphs.length]}\n\n`;
    added.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  return `${seed.slice(0, cut)}${added.join('')}${seed.slice(cut)}`;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function startServer(mode) {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, serverBin, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map();
  const waiters = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.set(params.uri, params);
    for (const waiter of waiters.splice(0)) if (!waiter(params)) waiters.push(waiter);
  });
  connection.listen();
  const capabilities = {
    textDocument: {
      synchronization: {},
      publishDiagnostics: { versionSupport: true },
      ...(mode === 'pull' ? { diagnostic: {} } : {}),
    },
  };
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: null,
    capabilities,
    initializationOptions: { settings: { debounceMs: 0 } },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const nextPublish = (uri, version) =>
    new Promise((resolve) => {
      const waiter = (params) => {
        if (params.uri === uri && params.version === version) {
          resolve(params);
          return true;
        }
        return false;
      };
      waiters.push(waiter);
    });
  return { child, connection, nextPublish };
}

/** Alternately inserts and deletes one character in the middle of the plan: the size stays put. */
async function measure(mode, label, text, edits) {
  const server = await startServer(mode);
  const uri = pathToFileURL(join(root, `bench-${label}.txt`)).href;
  const line = Math.floor(text.split('\n').length / 2);
  const first = server.nextPublish(uri, 1);
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'plaintext', version: 1, text },
  });
  if (mode === 'pull') await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  else await first;
  const samples = [];
  let diagnosticCount = 0;
  for (let i = 0; i < edits; i++) {
    const version = i + 2;
    const change =
      i % 2 === 0
        ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }
        : { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' };
    const published = mode === 'push' ? server.nextPublish(uri, version) : undefined;
    const started = performance.now();
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [change],
    });
    if (mode === 'pull') {
      const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      diagnosticCount = report.items?.length ?? diagnosticCount;
    } else {
      diagnosticCount = (await published).diagnostics.length;
    }
    samples.push(performance.now() - started);
  }
  const memory = rssMb(server.child.pid);
  await server.connection.sendRequest(ShutdownRequest.type);
  await server.connection.sendNotification(ExitNotification.type);
  server.connection.dispose();
  // The first 5 % warm the JIT and the caches; they are reported but not ranked.
  const ranked = samples.slice(Math.floor(samples.length * 0.05)).sort((a, b) => a - b);
  return {
    mode,
    plan: label,
    bytes: Buffer.byteLength(text),
    edits,
    diagnostics: diagnosticCount,
    p50: percentile(ranked, 50),
    p95: percentile(ranked, 95),
    max: ranked.at(-1),
    rssMb: memory.rss,
    peakRssMb: memory.peak,
  };
}

/** The floor: core's lintText on the same edits in this process, no protocol, no server. */
async function measureCore(label, text, edits) {
  const { lintText } = await import('@plan-lint/core');
  const filePath = join(root, `bench-${label}.txt`);
  const lineStart = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  const samples = [];
  let diagnosticCount = 0;
  for (let i = 0; i < edits; i++) {
    const edited = i % 2 === 0 ? `${text.slice(0, lineStart)}x${text.slice(lineStart)}` : text;
    const started = performance.now();
    diagnosticCount = (await lintText(edited, { filePath })).diagnostics.length;
    samples.push(performance.now() - started);
  }
  const ranked = samples.slice(Math.floor(samples.length * 0.05)).sort((a, b) => a - b);
  const memory = rssMb(process.pid);
  return { mode: 'core', plan: label, bytes: Buffer.byteLength(text), edits, diagnostics: diagnosticCount, p50: percentile(ranked, 50), p95: percentile(ranked, 95), max: ranked.at(-1), rssMb: memory.rss, peakRssMb: memory.peak };
}

const plans = { '25KB': makePlan(25_000), '100KB': makePlan(100_000) };
const results = [];
for (const mode of ['pull', 'push']) {
  results.push(await measure(mode, '25KB', plans['25KB'], EDITS));
  results.push(await measure(mode, '100KB', plans['100KB'], Math.max(100, Math.round(EDITS / 4))));
}
results.push(await measureCore('25KB', plans['25KB'], EDITS));
results.push(await measureCore('100KB', plans['100KB'], Math.max(100, Math.round(EDITS / 4))));

const fmt = (value) => value.toFixed(1).padStart(7);
console.log(`plan-lint-lsp edit → diagnostics (Node ${process.version}, ${EDITS} edits on 25 KB, ${Math.max(100, Math.round(EDITS / 4))} on 100 KB; load average ${loadavg().map((value) => value.toFixed(1)).join(' ')})`);
console.log('mode  plan    bytes   diags   p50 ms   p95 ms   max ms   RSS MB  peak MB  goal');
for (const r of results) {
  const goal = r.plan === '25KB' ? GOALS.p95_25kb : GOALS.p95_100kb;
  const verdict =
    r.mode === 'core'
      ? 'in-process lintText: the floor under the server (RSS is the bench process)'
      : `p95 ≤ ${goal} ms: ${r.p95 <= goal ? 'met' : 'MISSED'}${r.plan === '25KB' ? `; RSS ≤ ${GOALS.rssMb} MB: ${r.rssMb <= GOALS.rssMb ? 'met' : 'MISSED'}` : ''}`;
  console.log(
    `${r.mode.padEnd(5)} ${r.plan.padEnd(6)} ${String(r.bytes).padStart(7)} ${String(r.diagnostics).padStart(6)} ${fmt(r.p50)}  ${fmt(r.p95)}  ${fmt(r.max)}  ${fmt(r.rssMb)}  ${fmt(r.peakRssMb)}  ${verdict}`,
  );
}
mkdirSync(dirname(jsonOut), { recursive: true });
writeFileSync(jsonOut, `${JSON.stringify({ node: process.version, goals: GOALS, results }, null, 2)}\n`);
console.log(`written: ${jsonOut}`);
