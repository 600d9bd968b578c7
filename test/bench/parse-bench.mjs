// Parser throughput: `npm run bench:parse`. Prints MB/s of parsePlan (decode excluded) on each
// seed and on a large generated plan, median of several runs, one core.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeBytes, parsePlan } from '../../packages/core/dist/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seedDir = `${root}fixtures/seeds/`;
const seeds = readdirSync(seedDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, source: decodeBytes(readFileSync(seedDir + name), name) }));

// A large plan: the seeds' bodies repeated to ~1 MB, with a fresh page marker between copies.
const bodies = seeds.map((seed) => seed.source.text);
let large = '';
for (let copy = 0; large.length < 1_000_000; copy++) large += `${bodies[copy % bodies.length]}\n\n-${copy + 2}-\n\n`;
const cases = [...seeds, { name: `generated (${(large.length / 1e6).toFixed(2)} MB chars)`, source: decodeBytes(Buffer.from(large), 'large.txt') }];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const rows = [];
for (const { name, source } of cases) {
  const bytes = Buffer.byteLength(source.original);
  const runs = bytes > 200_000 ? 7 : 31;
  for (let i = 0; i < 3; i++) parsePlan(source, { format: 'text' });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    parsePlan(source, { format: 'text' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const ms = median(times);
  rows.push({ input: name, KB: (bytes / 1024).toFixed(1), 'median ms': ms.toFixed(2), 'MB/s': (bytes / 1e6 / (ms / 1000)).toFixed(1) });
}
console.table(rows);
const total = cases.reduce((sum, c) => sum + Buffer.byteLength(c.source.original), 0);
console.log(`node ${process.version}; ${total} bytes in ${cases.length} inputs; median of several runs after warm-up`);
