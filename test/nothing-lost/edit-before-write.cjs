// Preloaded (`node -r`) into plan-lint by fix-safety.test.ts: when PLAN_LINT_EDIT_BEFORE_WRITE names
// a file, the first time --fix resolves a path to write (realpath, after every lint is done) that
// file gets a line appended, as if its author saved an edit while plan-lint ran.
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const target = process.env.PLAN_LINT_EDIT_BEFORE_WRITE;
if (target) {
  const realpath = fs.promises.realpath;
  let done = false;
  fs.promises.realpath = async (...args) => {
    if (!done) {
      done = true;
      fs.appendFileSync(target, 'Dòng do người dùng vừa lưu.\n');
    }
    return realpath(...args);
  };
  syncBuiltinESMExports();
}
