// The `process` core and the CLI code read (injected by the bundler, not a global): the working
// folder is the in-memory root, and the environment is empty. Deliberately not Node-like to
// libraries that test `process + ''` (pdf.js), which then take their browser paths.
import { ROOT } from './files.js';

export const process = {
  cwd: () => ROOT,
  env: {} as Record<string, string | undefined>,
  pid: 1,
  platform: 'browser',
  argv: [] as string[],
  versions: {} as Record<string, string>,
  stdout: { isTTY: false, write: () => true },
  stderr: { isTTY: false, write: () => true },
  emitWarning: () => undefined,
  nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => callback(...args)),
};
