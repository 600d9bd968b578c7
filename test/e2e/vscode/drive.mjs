// Drives code-server in headless Chromium (playwright-core, Debian's /usr/bin/chromium) through what
// a plan writer does: open a plan, read the Problems panel, apply a quick fix, save with
// codeActionsOnSave, run a command. Every step checks what the user would see, or the file on disk.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumLaunchOptions } from '../support/chromium-options.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    workspace: { type: 'string' },
    expected: { type: 'string' },
    artifacts: { type: 'string' },
    playwright: { type: 'string' },
    scenario: { type: 'string', default: 'trusted' },
  },
});
for (const key of ['url', 'workspace', 'expected', 'artifacts', 'playwright']) {
  if (!args[key]) throw new Error(`drive.mjs: --${key} is required`);
}
const { chromium } = createRequire(import.meta.url)(args.playwright);
const expected = JSON.parse(readFileSync(args.expected, 'utf8'));
const seedPath = path.join(args.workspace, 'plans/ke-hoach-dong-phu.txt');
const mdPath = path.join(args.workspace, 'plans/ke-hoach-lap-tu.md');
const results = [];
const startedAt = Date.now();

function check(name, ok, detail = '') {
  results.push({ name, ok });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''} (${seconds} s)`);
  if (!ok) throw new Error(`check failed: ${name}${detail ? ` (${detail})` : ''}`);
}

const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
page.setDefaultTimeout(30_000);

async function screenshot(name) {
  const file = path.join(args.artifacts, name);
  await page.screenshot({ path: file });
  console.log(`     screenshot ${path.relative(process.cwd(), file)}`);
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function openFile(name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  // The AST view ("plan-lint: NAME", untitled) matches the name too: pick the file itself.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).filter({ hasNotText: 'plan-lint:' }).first();
  await row.waitFor();
  await row.click();
  await page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: name }).filter({ hasNotText: 'plan-lint:' }).first().waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** The visible lines of the active editor, as the user sees them (spaces normalised). */
async function visibleLines() {
  const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').allInnerTexts();
  return lines.map((line) => line.replace(/\u00a0/g, ' '));
}

/** The rows of the Problems panel, filtered by `filter` (VS Code's own filter box). */
async function problemRows(filter) {
  const box = page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
  await box.fill(filter);
  await page.waitForTimeout(400);
  return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
}

/** Workspace Trust off: the full round a plan writer makes. */
async function trustedScenario() {
  check('the CLI honours the config (year-consistency is off there)', !expected.ruleIds.includes('year-consistency'), expected.ruleIds.join(', '));
  check('the CLI reads the PDF parent plan (deadline-before-parent)', expected.ruleIds.includes('deadline-before-parent'));
  // 1. A real plan with known defects: diagnostics appear in the editor.
  await openFile('ke-hoach-dong-phu.txt');
  await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({ timeout: 90_000 });
  check('squiggles appear in the seed plan', true);

  // 2. The Problems panel lists the same rule ids as the CLI.
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
  const missing = [];
  for (const ruleId of expected.ruleIds) {
    const rows = await problemRows(ruleId);
    if (!rows.some((row) => row.includes(ruleId))) missing.push(ruleId);
  }
  check('expected rule ids came from the CLI', expected.ruleIds.includes('duplicate-word'), `CLI: ${expected.ruleIds.join(', ')}`);
  check('the Problems panel shows every rule id the CLI reports', missing.length === 0, missing.length ? `missing: ${missing.join(', ')}` : expected.ruleIds.join(', '));
  // Every row shows its source and code, `plan-lint(rule-id)` (innerText puts them on separate lines);
  // with a handful of problems all rows are rendered.
  const planLintRows = await problemRows('plan-lint');
  const shownIds = new Set(planLintRows.flatMap((row) => [...row.matchAll(/\nplan-lint\s*\(?([a-z][a-z0-9-]*)\)?\s*\n/g)].map((match) => match[1])));
  const unexpected = [...shownIds].filter((id) => !expected.ruleIds.includes(id));
  check('the Problems panel shows no rule id the CLI does not report', shownIds.size > 0 && unexpected.length === 0, shownIds.size > 0 ? [...shownIds].join(', ') : `rows: ${JSON.stringify(planLintRows)}`);
  const statusText = await page.locator('.statusbar-item', { hasText: 'plan-lint' }).first().innerText();
  check('the status bar shows the counts', /plan-lint \d+\/\d+/.test(statusText), statusText.trim());
  await screenshot('problems.png');

  // 3. A quick fix through the UI: the duplicate "Thực hiện Thực hiện" (line 4 of the seed).
  const rows = page.locator('.markers-panel .monaco-list-row', { hasText: 'duplicate-word' });
  await problemRows('duplicate-word');
  await rows.first().click();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  const before = readFileSync(seedPath, 'utf8');
  check('the seed starts with the duplicate', before.includes('Thực hiện Thực hiện Nghị quyết'));
  await page.keyboard.press('Control+.');
  const fixItem = page.locator('.action-widget .monaco-list-row', { hasText: 'duplicate-word' }).filter({ hasNotText: /Tắt|Disable/ }).first();
  await fixItem.waitFor({ timeout: 15_000 });
  const fixTitle = (await fixItem.innerText()).trim();
  await fixItem.click();
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.editor-group-container.active .view-line')]
        .map((line) => line.textContent.replace(/\u00a0/g, ' '))
        .some((line) => line.startsWith('Thực hiện Nghị quyết số 28/NQ-CP')),
    undefined,
    { timeout: 15_000 },
  );
  const fixedLine = (await visibleLines()).find((line) => line.includes('Nghị quyết số 28/NQ-CP')) ?? '';
  check('the quick fix changed the text in the editor', fixedLine.startsWith('Thực hiện Nghị quyết'), `applied "${fixTitle}": ${fixedLine.trim()}`);
  await page.keyboard.press('Control+S');
  await page.waitForFunction(() => !document.querySelector('.tabs-container .tab.active.dirty'), undefined, { timeout: 15_000 });
  const after = readFileSync(seedPath, 'utf8');
  check(
    'the saved file has the fix and nothing else changed',
    after === before.replace('Thực hiện Thực hiện Nghị quyết', 'Thực hiện Nghị quyết'),
    `${before.length} → ${after.length} chars`,
  );
  await page.waitForFunction(
    () => ![...document.querySelectorAll('.markers-panel .monaco-list-row')].some((row) => row.textContent.includes('duplicate-word')),
    undefined,
    { timeout: 20_000 },
  );
  check('the duplicate-word problem is gone from the Problems panel', true);
  await problemRows('');
  await screenshot('after-quick-fix.png');

  // 4. codeActionsOnSave with source.fixAll.planlint fixes a Markdown plan on save.
  await openFile('ke-hoach-lap-tu.md');
  await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
  const mdBefore = readFileSync(mdPath, 'utf8');
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  // Let the edit reach the server first, as a writer's pause would.
  await page.waitForTimeout(1500);
  await page.keyboard.press('Control+S');
  await page.waitForFunction(() => !document.querySelector('.tabs-container .tab.active.dirty'), undefined, { timeout: 15_000 });
  await page.waitForTimeout(500);
  const mdAfter = readFileSync(mdPath, 'utf8');
  check(
    'codeActionsOnSave (source.fixAll.planlint) fixed the Markdown plan on save',
    mdBefore.includes('Thực hiện Thực hiện Kế hoạch') && mdAfter.includes('Thực hiện Kế hoạch số 21/KH-PGDĐT') && !mdAfter.includes('Thực hiện Thực hiện'),
    `saved line: ${mdAfter.split('\n').find((line) => line.includes('Kế hoạch số 21')) ?? '(none)'}`,
  );

  // 5. A command of the extension: the parsed outline and AST of the open plan.
  await runCommand('plan-lint: Show the parsed outline and AST');
  await page.waitForFunction(
    () => [...document.querySelectorAll('.editor-group-container.active .view-line')].some((line) => line.textContent.replace(/\u00a0/g, ' ').includes('## Outline')),
    undefined,
    { timeout: 20_000 },
  );
  const astLines = (await visibleLines()).join('\n');
  check('the AST command shows the outline of the plan', astLines.includes('MỤC ĐÍCH, YÊU CẦU') && astLines.includes('purpose'));
  await screenshot('ast-view.png');

  // 6. jsonValidation: a pack file is checked against the pack schema the extension contributes.
  await openFile('bad.pack.json');
  await page.waitForFunction(
    () => [...document.querySelectorAll('.markers-panel .monaco-list-row')].some((row) => /does not match the pattern/i.test(row.textContent)),
    undefined,
    { timeout: 30_000 },
  );
  const packRows = (await problemRows('')).join('\n');
  check('the pack schema flags a bad pack name and version', (packRows.match(/does not match the pattern/gi) ?? []).length >= 2, 'bad.pack.json');

  // 7. Derive a pack from the open plan: VS Code's own save dialog (a quick input in the browser).
  await openFile('ke-hoach-lap-tu.md');
  await runCommand('plan-lint: Derive a rule pack');
  const dialog = page.locator('.quick-input-widget input');
  await page.waitForFunction(
    () => document.querySelector('.quick-input-widget input')?.value.endsWith('parent-15-kh-thlt.pack.json'),
    undefined,
    { timeout: 20_000 },
  );
  await dialog.press('Enter');
  const packPath = path.join(args.workspace, 'plans/parent-15-kh-thlt.pack.json');
  await page.locator('.tabs-container .tab.active', { hasText: 'parent-15-kh-thlt.pack.json' }).first().waitFor({ timeout: 20_000 });
  const derived = JSON.parse(readFileSync(packPath, 'utf8'));
  check(
    'the derived pack is saved with the plan\'s number and date as parent facts',
    derived.name === 'parent-15-kh-thlt' && derived.parent?.symbol === '15/KH-THLT' && derived.parent?.date === '2024-03-12',
    path.relative(args.workspace, packPath),
  );
}

/** Workspace Trust on and the folder not trusted: only the built-in packs, the workspace config unread. */
async function untrustedScenario() {
  await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 60_000 });
  check('the window is in Restricted Mode (folder not trusted)', true);
  await openFile('ke-hoach-dong-phu.txt');
  await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({ timeout: 90_000 });
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
  const duplicate = await problemRows('duplicate-word');
  check('untrusted: the built-in packs still run', duplicate.some((row) => row.includes('duplicate-word')));
  const year = await problemRows('year-consistency');
  check(
    'untrusted: the workspace config is not read (year-consistency, turned off there, is reported)',
    year.some((row) => row.includes('year-consistency')),
  );
  const parentRows = await problemRows('deadline-before-parent');
  check('untrusted: the parent plan the config names is not read', !parentRows.some((row) => row.includes('deadline-before-parent')));
  await problemRows('');
  await screenshot('untrusted.png');
}

try {
  await page.goto(args.url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  await page.locator('.explorer-folders-view, .explorer-viewlet, .monaco-workbench .part.sidebar').first().waitFor({ timeout: 60_000 });
  check('the workbench loads', true);
  if (args.scenario === 'untrusted') await untrustedScenario();
  else await trustedScenario();
} catch (error) {
  console.error(`drive.mjs: ${error.stack ?? error}`);
  try {
    await screenshot('failure.png');
  } catch {}
  await browser.close();
  process.exit(1);
}
await browser.close();
const passed = results.filter((result) => result.ok).length;
console.log(`vscode-e2e (${args.scenario}): ${passed} passed, ${results.length - passed} failed`);
