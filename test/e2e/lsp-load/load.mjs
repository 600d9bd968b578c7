// The language server under load: 10,000 rapid incremental edits to a 25 KB plan with random
// requests in between (hover, completion, symbols, folding, semantic tokens, definition, code
// actions), over stdio only. It must answer every request, publish diagnostics for the last
// version with ranges inside the document, stay responsive (a probe request every 1,000 edits),
// and keep its memory flat (RSS sampled from /proc). Bounded in count and in time.
//   node test/e2e/lsp-load/load.mjs [--edits 10000] [--json FILE]
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  SemanticTokensRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { generatePlan, prng, seedParagraphs } from '../../bench/corpus.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const EDITS = Number(option('--edits', 10_000));
const jsonOut = path.resolve(option('--json', path.join(root, 'test-artifacts/lsp-load.json')));
const LIMITS = {
  totalSeconds: 600, // the whole run
  // A request answered while edits pile up. It waits behind every request before it, and each of
  // those lints the version it sees (~100 ms idle): 6–12 s measured at load 9 with 100 requests
  // per 1,000 edits. The bound catches a server that stops answering, not a slow one.
  probeSeconds: 30,
  settledSeconds: 5, // a request once the storm is over: at most one lint of the final version
  finalDiagnosticsSeconds: 30, // diagnostics for the last version after the last edit
  rssGrowthMb: 60, // RSS at the end minus RSS after the first 2,000 edits
  rssMb: 400,
};
// Errors a busy server may rightly answer with: the document changed, or the request was cancelled.
const ACCEPTABLE_ERRORS = new Set([-32801, -32800]);

const failures = [];
const fail = (message) => failures.push(message);
const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;

const server = spawn(process.execPath, [path.join(root, 'packages/lsp/bin/plan-lint-lsp.js'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
let serverStderr = '';
server.stderr.setEncoding('utf8').on('data', (chunk) => (serverStderr = (serverStderr + chunk).slice(-4000)));
let exited = null;
server.on('exit', (code, signal) => (exited = { code, signal }));
const watchdog = setTimeout(() => {
  console.error(`lsp-load: still running after ${LIMITS.totalSeconds} s; killing the server.`);
  server.kill('SIGKILL');
  process.exit(1);
}, LIMITS.totalSeconds * 1000);

const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const published = new Map();
connection.onNotification(PublishDiagnosticsNotification.type, (params) => published.set(params.version, params));
connection.listen();

function rssMb() {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

await connection.sendRequest(InitializeRequest.type, {
  processId: process.pid,
  rootUri: pathToFileURL(root).href,
  workspaceFolders: null,
  capabilities: { textDocument: { synchronization: {}, publishDiagnostics: { versionSupport: true }, hover: {}, completion: {}, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, foldingRange: {}, semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] }, codeAction: {} } },
});
await connection.sendNotification(InitializedNotification.type, {});

// The document: a generated 25 KB plan; our copy of it follows every edit.
const rand = prng(2024);
const paragraphs = seedParagraphs();
let text = generatePlan(rand, paragraphs, 25_000);
const uri = pathToFileURL(path.join(root, '.e2e/lsp-load/ke-hoach.md')).href;
let version = 1;
await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });

const PIECES = ['của của ', 'Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 ', 'ngày 31/02/2024 ', '\n- ', '\n2.1. ', 'Báo cáo trước ngày 05/6/2024. ', 'đ) ', 'x', ' ', '\n', 'ế', 'e\u0301'];
const positionAt = (offset) => {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
};
function randomEdit() {
  // Keep the plan near 25 KB: insert when it is small, delete when it is large.
  const insert = text.length < 25_000 ? rand.next() < 0.7 : rand.next() < 0.3;
  let start = rand.int(0, text.length);
  // Never cut a surrogate pair or a CRLF (the text has none) — LSP offsets are UTF-16 units.
  let end = insert ? start : Math.min(text.length, start + rand.int(1, 40));
  if (/[\udc00-\udfff]/.test(text[start] ?? '')) start--;
  if (/[\udc00-\udfff]/.test(text[end] ?? '')) end++;
  const replacement = insert || rand.next() < 0.3 ? rand.pick(PIECES) : '';
  const range = { start: positionAt(start), end: positionAt(end) };
  text = text.slice(0, start) + replacement + text.slice(end);
  return { range, text: replacement };
}

const REQUESTS = [
  (position, token) => connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }, token),
  (position, token) => connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }, token),
  (_, token) => connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, token),
  (_, token) => connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }, token),
  (_, token) => connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }, token),
  (position, token) => connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position }, token),
  (position, token) => connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }, token),
];
// As an editor does, a request still unanswered when the user has typed on is cancelled.
let outstanding = [];
function cancelOutstanding() {
  for (const source of outstanding) source.cancel();
  outstanding = [];
}
const pending = [];
let answered = 0;
let acceptableErrors = 0;
function randomRequest() {
  const kind = rand.int(0, REQUESTS.length - 1);
  const position = positionAt(rand.int(0, text.length));
  const source = new CancellationTokenSource();
  outstanding.push(source);
  pending.push(
    REQUESTS[kind](position, source.token).then(
      () => answered++,
      (error) => (ACCEPTABLE_ERRORS.has(error?.code) ? acceptableErrors++ : fail(`request ${kind} failed: ${error?.message ?? error}`)),
    ),
  );
}

const probes = [];
const memory = [];
for (let i = 1; i <= EDITS && !exited; i++) {
  version++;
  await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [randomEdit()] });
  if (i % 10 === 0) {
    cancelOutstanding();
    randomRequest();
  }
  // Let the pipe drain now and then, as a typing user does; edits still arrive faster than lints.
  if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  if (i % 1000 === 0) {
    const probeStart = performance.now();
    await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }).catch((error) => fail(`probe at edit ${i}: ${error?.message ?? error}`));
    const seconds = (performance.now() - probeStart) / 1000;
    probes.push(seconds);
    memory.push({ edits: i, rssMb: rssMb() });
    console.log(`edit ${i}: probe ${(seconds * 1000).toFixed(0)} ms, RSS ${memory.at(-1).rssMb.toFixed(0)} MB, ${answered} answered, t=${elapsed().toFixed(0)} s`);
    if (seconds > LIMITS.probeSeconds) fail(`probe at edit ${i} took ${seconds.toFixed(2)} s (limit ${LIMITS.probeSeconds} s)`);
  }
}
await Promise.all(pending);

// Diagnostics for the final version, with ranges inside the final text.
const finalVersion = version;
const deadline = performance.now() + LIMITS.finalDiagnosticsSeconds * 1000;
while (!published.has(finalVersion) && performance.now() < deadline && !exited) await new Promise((resolve) => setTimeout(resolve, 50));
const final = published.get(finalVersion);
const lines = text.split('\n');
if (!final) fail(`no diagnostics published for the final version ${finalVersion} within ${LIMITS.finalDiagnosticsSeconds} s`);
else {
  for (const diagnostic of final.diagnostics) {
    const { start, end } = diagnostic.range;
    const inside = (p) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
    if (!inside(start) || !inside(end)) fail(`diagnostic ${diagnostic.code} at ${JSON.stringify(diagnostic.range)} lies outside the final text`);
  }
}
// Once the storm is over the backlog is gone: a new request costs at most one lint.
const settledStart = performance.now();
await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }).catch((error) => fail(`settled probe: ${error?.message ?? error}`));
const settledSeconds = (performance.now() - settledStart) / 1000;
if (settledSeconds > LIMITS.settledSeconds) fail(`a request after the last edit took ${settledSeconds.toFixed(2)} s (limit ${LIMITS.settledSeconds} s)`);

if (exited) fail(`the server exited (${JSON.stringify(exited)}): ${serverStderr}`);

const rssEnd = rssMb();
const rssBase = (memory.find((sample) => sample.edits >= 2000) ?? memory[0])?.rssMb ?? rssEnd;
if (rssEnd - rssBase > LIMITS.rssGrowthMb) fail(`RSS grew ${(rssEnd - rssBase).toFixed(0)} MB after edit 2,000 (limit ${LIMITS.rssGrowthMb} MB)`);
if (rssEnd > LIMITS.rssMb) fail(`RSS ${rssEnd.toFixed(0)} MB at the end (limit ${LIMITS.rssMb} MB)`);

await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
await connection.sendNotification(ExitNotification.type).catch(() => undefined);
connection.dispose();
clearTimeout(watchdog);

const sortedProbes = [...probes].sort((a, b) => a - b);
const summary = {
  edits: EDITS,
  requests: pending.length,
  answered,
  acceptableErrors,
  finalVersion,
  finalDiagnostics: final?.diagnostics.length ?? null,
  probeMedianMs: (sortedProbes[sortedProbes.length >> 1] ?? NaN) * 1000,
  probeMaxMs: (sortedProbes.at(-1) ?? NaN) * 1000,
  settledProbeMs: settledSeconds * 1000,
  rssMb: memory,
  rssEndMb: rssEnd,
  seconds: elapsed(),
  limits: LIMITS,
  failures,
};
mkdirSync(path.dirname(jsonOut), { recursive: true });
writeFileSync(jsonOut, `${JSON.stringify(summary, null, 2)}\n`);
console.log(
  `lsp-load: ${EDITS} edits, ${pending.length} requests (${answered} answered, ${acceptableErrors} cancelled by the client or content-modified), probe median ${summary.probeMedianMs.toFixed(0)} ms / max ${summary.probeMaxMs.toFixed(0)} ms during the storm, ${summary.settledProbeMs.toFixed(0)} ms after it, RSS ${rssBase.toFixed(0)} → ${rssEnd.toFixed(0)} MB, ${summary.seconds.toFixed(0)} s`,
);
if (failures.length) {
  console.error(`lsp-load FAILED:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
process.exit(0);
