// `npm run bench`: plan-lint against markdownlint-cli2 0.22.1 on the same generated corpus, in one
// run, alternating so that the noise of a shared machine falls on both alike; then throughput of
// the pipeline's stages through the core API, cold start on one file, and peak memory.
// Goals: ≥ 20× markdownlint-cli2 on the corpus; ≤ 0.3 s cold on one file.
//   node test/bench/bench.mjs [--runs 3] [--count 1000] [--corpus DIR] [--json FILE] [--sample 200]
// Needs the built packages (`npm run build`); `npm run bench` builds first.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCorpus } from './corpus.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', 3));
const count = Number(option('--count', 1000));
const sample = Number(option('--sample', 200));
// Outside the repository: plan-lint honours .gitignore when it walks a folder, and the repository
// ignores .e2e/ and test-artifacts/, so a corpus there would be skipped as ignored.
const corpusDir = path.resolve(option('--corpus', path.join(os.tmpdir(), 'plan-lint-bench-corpus')));
const jsonPath = path.resolve(option('--json', path.join(root, 'test-artifacts/bench.json')));
const planLintBin = path.join(root, 'packages/cli/bin/plan-lint.js');
const markdownlintBin = path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const peakRss = path.join(root, 'test/bench/peak-rss.cjs');
const outDir = path.join(corpusDir, 'out');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs a node script to completion; returns wall seconds, exit code and peak RSS in MB. */
function timeNode(script, scriptArgs, { cwd, stdoutFile, env = {} }) {
  const rssFile = path.join(outDir, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-r', peakRss, script, ...scriptArgs], {
      cwd,
      env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const output = Buffer.concat(chunks);
      if (stdoutFile) writeFileSync(stdoutFile, output);
      let rssMb = NaN;
      try {
        rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
        rmSync(rssFile);
      } catch {
        // The process died before its exit handler ran.
      }
      resolve({ seconds, code, rssMb, output: output.toString('utf8') });
    });
  });
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
console.log(`plan-lint bench — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
const generated = performance.now();
const corpus = generateCorpus({ out: corpusDir, count });
mkdirSync(outDir, { recursive: true });
const corpusMb = corpus.bytes / 1e6;
console.log(
  `corpus: ${corpus.files.length} plans, ${corpusMb.toFixed(1)} MB + one ${(corpus.bigBytes / 1e6).toFixed(2)} MB plan, digest ${corpus.digest}, in ${corpusDir} (${((performance.now() - generated) / 1000).toFixed(1)} s)`,
);

// 1. Whole runs, alternating. markdownlint-cli2 uses its default rules; both write their report to a file.
const whole = { planLint: [], markdownlint: [] };
for (let run = 1; run <= runs; run++) {
  const planLint = await timeNode(planLintBin, ['plans', '--format', 'json', '--output', path.join(outDir, 'plan-lint.json')], { cwd: corpusDir });
  if (planLint.code !== 0 && planLint.code !== 1) fail(`plan-lint exited ${planLint.code}:\n${planLint.output.slice(0, 2000)}`);
  const markdownlint = await timeNode(markdownlintBin, ['plans/**/*.md'], { cwd: corpusDir, stdoutFile: path.join(outDir, 'markdownlint.txt') });
  if (markdownlint.code !== 0 && markdownlint.code !== 1) fail(`markdownlint-cli2 exited ${markdownlint.code}:\n${markdownlint.output.slice(0, 2000)}`);
  whole.planLint.push(planLint);
  whole.markdownlint.push(markdownlint);
  console.log(`run ${run}/${runs}: plan-lint ${planLint.seconds.toFixed(2)} s (${planLint.rssMb.toFixed(0)} MB), markdownlint-cli2 ${markdownlint.seconds.toFixed(2)} s (${markdownlint.rssMb.toFixed(0)} MB)`);
}
const planLintReport = JSON.parse(readFileSync(path.join(outDir, 'plan-lint.json'), 'utf8'));
const findings = planLintReport.reduce((sum, file) => sum + file.messages.length, 0);
const fatal = planLintReport.filter((file) => file.messages.some((message) => message.fatal)).length;

// 2. Stages through the core API, in this process, on a sample of the corpus (median of 3 passes).
const core = await import(pathToFileURL(path.join(root, 'packages/core/dist/index.js')).href);
// The stages' own functions are not in core's entry (it holds what the packages use): read them from dist.
const { runRules } = await import(pathToFileURL(path.join(root, 'packages/core/dist/engine/run-rules.js')).href);
const { computeFacts } = await import(pathToFileURL(path.join(root, 'packages/core/dist/facts/index.js')).href);
const config = await core.defaultConfig();
const ruleSet = core.resolveRuleSet(config, 'plan.md');
const sampleFiles = corpus.files.slice(0, Math.min(sample, corpus.files.length));
const sources = sampleFiles.map((file) => core.decodeBytes(readFileSync(file), file));
const sampleMb = sources.reduce((sum, source) => sum + Buffer.byteLength(source.original), 0) / 1e6;

async function stage(work) {
  const times = [];
  let result;
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    result = await work();
    times.push((performance.now() - started) / 1000);
  }
  return { seconds: median(times), result };
}

const decode = await stage(() => sampleFiles.map((file) => core.decodeBytes(readFileSync(file), file)));
const parse = await stage(() => sources.map((source) => core.parsePlan(source, { format: 'markdown' })));
const documents = parse.result;
const facts = await stage(() => documents.map((document, index) => computeFacts(document, sources[index], { parent: ruleSet.parent })));
const factList = facts.result;
const engine = await stage(async () => {
  const out = [];
  for (const item of factList) out.push(await runRules(ruleSet, item, 'vi'));
  return out;
});
const lint = await stage(async () => {
  const out = [];
  for (const source of sources) out.push(await core.lintSource(source, { filePath: 'plan.md', config }));
  return out;
});
const bigSource = core.decodeBytes(readFileSync(corpus.bigFile), corpus.bigFile);
const bigParse = await stage(() => core.parsePlan(bigSource, { format: 'markdown' }));
const bigLint = await stage(() => core.lintSource(bigSource, { filePath: 'big.md', config }));
const bigMb = corpus.bigBytes / 1e6;

// 3. Cold start: a new process linting one plan, as a user runs it from the shell.
const onePlan = corpus.files[0];
const cold = [];
const bare = [];
for (let run = 0; run < 5; run++) {
  cold.push(await timeNode(planLintBin, [onePlan], { cwd: corpusDir }));
  bare.push(await timeNode('-e', ['0'], { cwd: corpusDir }));
}

// ---------------------------------------------------------------------------------------------
const planLintWall = median(whole.planLint.map((r) => r.seconds));
const markdownlintWall = median(whole.markdownlint.map((r) => r.seconds));
const ratio = markdownlintWall / planLintWall;
const coldWall = median(cold.map((r) => r.seconds));
const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  loadAverage: os.loadavg(),
  corpus: { plans: corpus.files.length, megabytes: corpusMb, bigPlanMegabytes: bigMb, digest: corpus.digest },
  runs,
  wholeRun: {
    planLint: { medianSeconds: planLintWall, seconds: whole.planLint.map((r) => r.seconds), peakRssMb: Math.max(...whole.planLint.map((r) => r.rssMb)), findings, filesWithFatal: fatal },
    markdownlintCli2: { medianSeconds: markdownlintWall, seconds: whole.markdownlint.map((r) => r.seconds), peakRssMb: Math.max(...whole.markdownlint.map((r) => r.rssMb)) },
    ratio,
    goalRatio: 20,
  },
  stages: {
    sample: { plans: sources.length, megabytes: sampleMb },
    decodeMBps: sampleMb / decode.seconds,
    parseMBps: sampleMb / parse.seconds,
    factsMBps: sampleMb / facts.seconds,
    engineMBps: sampleMb / engine.seconds,
    engineMsPerPlan: (engine.seconds * 1000) / sources.length,
    lintSourceMBps: sampleMb / lint.seconds,
    bigPlan: { megabytes: bigMb, parseSeconds: bigParse.seconds, lintSeconds: bigLint.seconds, diagnostics: bigLint.result.diagnostics.length },
  },
  coldStart: { medianSeconds: coldWall, seconds: cold.map((r) => r.seconds), nodeBareSeconds: median(bare.map((r) => r.seconds)), peakRssMb: Math.max(...cold.map((r) => r.rssMb)), goalSeconds: 0.3 },
};
mkdirSync(path.dirname(jsonPath), { recursive: true });
writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);

const row = (cells) => `| ${cells.join(' | ')} |`;
const lines = [
  '',
  row(['measure', 'plan-lint', 'markdownlint-cli2 0.22.1', 'note']),
  row(['---', '---', '---', '---']),
  row([`whole run, ${corpus.files.length} plans (median of ${runs})`, `${planLintWall.toFixed(2)} s`, `${markdownlintWall.toFixed(2)} s`, `**${ratio.toFixed(1)}×** (goal ≥ 20×) ${ratio >= 20 ? 'met' : 'NOT met'}`]),
  row(['whole run, MB/s', (corpusMb / planLintWall).toFixed(2), (corpusMb / markdownlintWall).toFixed(2), `${findings} plan-lint findings, ${fatal} fatal files`]),
  row(['peak memory, whole run', `${result.wholeRun.planLint.peakRssMb.toFixed(0)} MB`, `${result.wholeRun.markdownlintCli2.peakRssMb.toFixed(0)} MB`, 'maxRSS, worker threads included']),
  row(['cold start, one plan (median of 5)', `${coldWall.toFixed(3)} s`, '', `goal ≤ 0.3 s ${coldWall <= 0.3 ? 'met' : 'NOT met'}; bare \`node -e 0\` ${result.coldStart.nodeBareSeconds.toFixed(3)} s`]),
  row([`decode (${sources.length} plans, ${sampleMb.toFixed(1)} MB, one thread)`, `${result.stages.decodeMBps.toFixed(1)} MB/s`, '', 'readFileSync + decodeBytes']),
  row(['parse only', `${result.stages.parseMBps.toFixed(2)} MB/s`, '', 'parsePlan']),
  row(['facts only', `${result.stages.factsMBps.toFixed(2)} MB/s`, '', 'computeFacts']),
  row(['engine only', `${result.stages.engineMBps.toFixed(2)} MB/s`, '', `runRules, ${result.stages.engineMsPerPlan.toFixed(2)} ms a plan`]),
  row(['lintSource (all stages)', `${result.stages.lintSourceMBps.toFixed(2)} MB/s`, '', '']),
  row([`1 MB plan`, `parse ${bigParse.seconds.toFixed(2)} s, lint ${bigLint.seconds.toFixed(2)} s`, '', `${result.stages.bigPlan.diagnostics} findings`]),
  '',
  `JSON: ${path.relative(root, jsonPath)}`,
];
console.log(lines.join('\n'));
