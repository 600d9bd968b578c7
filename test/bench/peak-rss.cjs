// Preloaded (`node -r`) into a benchmarked process: at exit it writes the process's peak resident
// memory (worker threads included, they share the process) to $BENCH_RSS_FILE, in kilobytes.
const { writeFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

process.on('exit', () => {
  if (isMainThread && process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
