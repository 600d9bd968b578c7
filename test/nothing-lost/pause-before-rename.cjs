// Preloaded (`node -r`) into plan-lint by the kill test: when PLAN_LINT_PAUSE_BEFORE_RENAME is
// set, the rename that puts the fixed file in place announces "paused <from> <to>" on stderr and
// never completes, so the test can SIGKILL the process at the worst moment: the new text fully
// written to the temporary file, the original not yet replaced.
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

if (process.env.PLAN_LINT_PAUSE_BEFORE_RENAME) {
  const rename = fs.promises.rename;
  fs.promises.rename = (from, to) => {
    if (!String(to).endsWith(process.env.PLAN_LINT_PAUSE_BEFORE_RENAME)) return rename(from, to);
    process.stderr.write(`paused ${from} ${to}\n`);
    setInterval(() => undefined, 1000); // keeps the process alive until it is killed
    return new Promise(() => undefined);
  };
  // `import { rename } from 'node:fs/promises'` reads the patched function only after this.
  syncBuiltinESMExports();
}
