import { parentPort, workerData } from 'node:worker_threads';
import { lintFile, type FileOutcome, type LintSettings } from './lint-file.js';

export interface LintTask {
  id: number;
  filePath: string;
}

export type TaskResult = { id: number; outcome: FileOutcome } | { id: number; error: string };

// One worker of the pool (worker-pool.ts): lints the files it is sent with the run's settings, one
// at a time and in the order sent. The pool keeps a few tasks queued here, so that the worker
// never waits for the main thread between two files.
const settings = workerData as LintSettings;
const queue: LintTask[] = [];
let running = false;

parentPort?.on('message', (task: LintTask) => {
  queue.push(task);
  if (!running) void drain();
});

async function drain(): Promise<void> {
  running = true;
  for (let task = queue.shift(); task; task = queue.shift()) {
    let result: TaskResult;
    try {
      result = { id: task.id, outcome: await lintFile(task.filePath, settings) };
    } catch (error) {
      result = { id: task.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    parentPort?.postMessage(result);
  }
  running = false;
}
