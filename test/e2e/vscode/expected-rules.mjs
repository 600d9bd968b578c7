// Prints the sorted rule ids that the plan-lint CLI reports for one plan (with the config found
// upward from it): the oracle the Problems panel in VS Code is compared with.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const file = process.argv[2];
if (!file) {
  console.error('usage: expected-rules.mjs PLAN');
  process.exit(2);
}
const run = spawnSync(process.execPath, [path.join(root, 'packages/cli/bin/plan-lint.js'), '--format', 'json', file], { encoding: 'utf8' });
if (run.status !== 0 && run.status !== 1) {
  console.error(`expected-rules: plan-lint exited ${run.status}: ${run.stderr}`);
  process.exit(1);
}
const report = JSON.parse(run.stdout);
const ruleIds = [...new Set(report.flatMap((result) => result.messages.map((message) => message.ruleId)).filter(Boolean))].sort();
console.log(JSON.stringify({ file, ruleIds }));
