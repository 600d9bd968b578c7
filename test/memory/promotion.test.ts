// A lint's objects must die young. V8 keeps some things in the old generation (accessor pairs, a
// module's WeakMap), and anything they reach survives every scavenge until a major GC: a getter
// closing over a parse, or a WeakMap entry keyed by a lint's facts, promoted every lint's whole
// document to the old generation (175 MB per 1,000 edits of a 20 KB plan instead of ~20), and the
// language server's p95 latency went from 3 ms to 8 ms in major GCs. Measured in bytes the
// scavenger promoted (--trace-gc-nvp), which do not depend on the machine's speed or load.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const core = pathToFileURL(path.join(root, 'packages/core/dist/index.js')).href;
const seed = path.join(root, 'fixtures/seeds/000_4996ab619162ff16.txt');

/** Bytes promoted by scavenges while `lintText` runs `edits` times on one-character edits of a seed plan. */
function promotedBytes(edits: number): { promoted: number; scavenges: number } {
  const script = `
    const { readFileSync } = await import('node:fs');
    const { lintText } = await import(${JSON.stringify(core)});
    const text = readFileSync(${JSON.stringify(seed)}, 'utf8');
    for (let i = 0; i < ${edits}; i++) {
      const at = 2000 + (i * 37) % (text.length - 4000);
      await lintText(text.slice(0, at) + 'x' + text.slice(at), { filePath: 'plan.md' });
    }`;
  // Without allocation-site pretenuring: V8's own choice to move a busy allocation site to the old
  // generation (it does in about half of runs, after warm-up) promotes each scavenge's young tokens too,
  // which says nothing of what a lint keeps alive. What this test is after, an old object holding a
  // lint's objects, promotes them either way.
  const run = spawnSync(process.execPath, ['--trace-gc-nvp', '--no-allocation-site-pretenuring', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  expect(run.status, run.stderr).toBe(0);
  let promoted = 0;
  let scavenges = 0;
  for (const line of run.stdout.split('\n')) {
    if (!/\bgc=s\b/.test(line)) continue;
    scavenges++;
    promoted += Number(/\bpromoted=(\d+)/.exec(line)?.[1] ?? 0);
  }
  return { promoted, scavenges };
}

describe('a lint leaves nothing for the old generation', () => {
  it('linting a 20 KB plan 1,000 times promotes about as much as 100 times (start-up), not a document per scavenge', { timeout: 120_000 }, () => {
    const few = promotedBytes(100);
    const many = promotedBytes(1000);
    // Enough scavenges happened for a leak to show: each would have promoted a live document.
    expect(many.scavenges).toBeGreaterThan(40);
    // Start-up (modules, packs, dictionary) is promoted either way; per scavenge, next to nothing.
    // Before the fix: ~1.7 MB per scavenge.
    expect((many.promoted - few.promoted) / (many.scavenges - few.scavenges)).toBeLessThan(200_000);
  });
});
