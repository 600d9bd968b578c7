import { parentPort, workerData } from 'node:worker_threads';
import { lintFile, type LintSettings } from './lint-file.js';

// One worker of the pool (worker-pool.ts): lints the files it is sent with the run's settings.
const settings = workerData as LintSettings;
parentPort?.on('message', (task: { id: number; filePath: string }) => {
  lintFile(task.filePath, settings).then(
    (outcome) => parentPort?.postMessage({ id: task.id, outcome }),
    (error: unknown) => parentPort?.postMessage({ id: task.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
