// Opens the HTML report of the fixture plans in headless Chromium and checks what the page shows
// against the JSON report of the same files. Exit 1 on any mismatch.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../support/chromium-options.mjs';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../../..');
const bin = path.join(root, 'packages/cli/bin/plan-lint.js');
// The fixture family (parent, compliant plan, one defect per rule) when present, plus the
// Word/PDF forms and the unreadable PDF, so that every kind of cell and count appears.
const planFiles = (dir) =>
  existsSync(path.join(root, dir))
    ? readdirSync(path.join(root, dir)).filter((f) => /\.(md|txt|docx|pdf)$/.test(f) && !/\.fixed\./.test(f)).sort().map((f) => `${dir}/${f}`)
    : [];
// The fixture family (the compliant school plan and one plan per rule with its defect, each
// linted against the parent named by the family's config), plus a plan as Word and PDF and an
// unreadable PDF, so that every kind of cell and count appears on the page.
const files = [
  ...planFiles('fixtures/family/compliant').filter((f) => f.endsWith('.md')),
  ...planFiles('fixtures/family/defects').filter((f) => f.endsWith('.md')),
  'fixtures/formats/plan.md',
  'fixtures/formats/clean.md',
  'fixtures/formats/plan.docx',
  'fixtures/formats/plan.pdf',
  'fixtures/formats/encrypted.pdf',
  // A finding of a locked rule set aside by plan-lint.waivers.json: shown as waived, not counted.
  'fixtures/formats/waived/plan.md',
];
if (files.length < 20) {
  console.error('html-report: the fixture family (fixtures/family/) is missing');
  process.exit(1);
}
const work = mkdtempSync(path.join(tmpdir(), 'plan-lint-html-'));
const reportFile = path.join(work, 'report.html');
const failures = [];
const check = (what, actual, expected) => {
  const ok = JSON.stringify(actual) === JSON.stringify(expected);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${JSON.stringify(actual)}${ok ? '' : ` (expected ${JSON.stringify(expected)})`}`);
  if (!ok) failures.push(what);
};

const html = spawnSync(process.execPath, [bin, ...files, '--format', 'html', '--output', reportFile], { cwd: root, encoding: 'utf8' });
check('plan-lint --format html exit code (an unreadable file is in the batch)', html.status, 2);
const json = JSON.parse(
  spawnSync(process.execPath, [bin, ...files, '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }).stdout,
);
const expected = {
  plans: json.length,
  errors: json.reduce((n, r) => n + r.errorCount, 0),
  warnings: json.reduce((n, r) => n + r.warningCount, 0),
  unreadable: json.filter((r) => r.fatalErrorCount > 0).length,
  passing: json.filter((r) => r.errorCount === 0).length,
  waived: json.reduce((n, r) => n + r.suppressedMessages.length, 0),
};
const waivedOf = (predicate) => json.reduce((n, r) => n + r.suppressedMessages.filter(predicate).length, 0);
const failedCells = new Map();
for (const result of json) {
  for (const message of result.messages) {
    if (!message.ruleId) continue;
    const key = `${path.relative(root, result.filePath)}|${message.ruleId}`;
    failedCells.set(key, (failedCells.get(key) ?? 0) + 1);
  }
}

const profile = mkdtempSync(path.join(tmpdir(), 'plan-lint-chromium-'));
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const requests = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url());
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(reportFile).href);
  const count = async (id) => Number(await page.textContent(`#${id}`));
  check('plans', await count('count-plans'), expected.plans);
  check('errors', await count('count-errors'), expected.errors);
  check('warnings', await count('count-warnings'), expected.warnings);
  check('unreadable', await count('count-unreadable'), expected.unreadable);
  check('waived', await count('count-waived'), expected.waived);
  check('the waived test has a waived finding', expected.waived > 0, true);
  check('plans without errors', await count('count-passing-plans'), expected.passing);
  check('packs listed with versions', (await page.$$eval('#packs tr.pack', (rows) => rows.map((r) => r.textContent.trim()).filter(Boolean))).length > 0, true);

  // The plans × rules table: a failed cell shows the number of findings of that rule in that plan.
  const cells = await page.$$eval('#matrix-table tbody tr', (rows) =>
    rows.flatMap((row) =>
      [...row.querySelectorAll('td.cell')].map((cell) => ({
        file: row.getAttribute('data-file'),
        rule: cell.getAttribute('data-rule'),
        state: cell.getAttribute('data-state'),
        text: cell.textContent,
      })),
    ),
  );
  const shownFailures = new Map(cells.filter((c) => c.state === 'failed').map((c) => [`${c.file}|${c.rule}`, Number(c.text.replace(/\D/g, ''))]));
  check('failed cells of the plans × rules table', [...shownFailures.entries()].sort(), [...failedCells.entries()].sort());
  check('rows of the table', new Set(cells.map((c) => c.file)).size, expected.plans);
  check('the unreadable PDF has no pass/fail cells', cells.filter((c) => c.file === 'fixtures/formats/encrypted.pdf').every((c) => c.state === 'unreadable'), true);
  check('the waived duplicate-word cell', cells.find((c) => c.file === 'fixtures/formats/waived/plan.md' && c.rule === 'duplicate-word')?.state, 'waived');
  // fixtures/formats has no parent plan: the rules that compare with one made no check there.
  const parentRules = ['deadline-before-parent', 'parent-cited', 'submission-deadline'];
  check('the clean plan passes every rule it was judged by', cells.filter((c) => c.file === 'fixtures/formats/clean.md' && !parentRules.includes(c.rule)).every((c) => c.state === 'passed'), true);
  check(
    'without a parent, the parent rules are not applicable (never passed)',
    cells.filter((c) => c.file === 'fixtures/formats/clean.md' && parentRules.includes(c.rule)).map((c) => `${c.rule}=${c.state}`).sort(),
    parentRules.map((rule) => `${rule}=not-applicable`),
  );
  check('the compliant family plan passes every rule', cells.filter((c) => c.file === 'fixtures/family/compliant/truong-th-a.md').every((c) => c.state === 'passed'), true);
  for (const rule of ['action-month', 'parent-cited', 'citation-symbol']) {
    check(`the ${rule} defect plan fails ${rule}`, cells.find((c) => c.file === `fixtures/family/defects/${rule}.md` && c.rule === rule)?.state, 'failed');
  }

  // Each finding with its line and an excerpt of the plan.
  const findings = await page.$$eval('tr.finding:not(.fatal)', (rows) => rows.map((r) => ({ place: r.querySelector('.place').textContent, excerpt: Boolean(r.querySelector('.excerpt mark')) })));
  check('findings listed', findings.length, expected.errors + expected.warnings - expected.unreadable + expected.waived);
  check('every finding has a line:column and a marked excerpt', findings.every((f) => /^\d+:\d+$/.test(f.place) && f.excerpt), true);

  // Filters.
  check('all findings visible at first, waived ones included', Number(await page.textContent('#visible-count')), expected.errors + expected.warnings + expected.waived);
  await page.uncheck('#filter-waived');
  check('waived findings hidden', Number(await page.textContent('#visible-count')), expected.errors + expected.warnings);
  await page.check('#filter-waived');
  await page.selectOption('#filter-severity', 'error');
  check('severity filter "error"', Number(await page.textContent('#visible-count')), expected.errors + waivedOf((m) => m.severity === 2));
  await page.selectOption('#filter-severity', 'warning');
  check('severity filter "warning"', Number(await page.textContent('#visible-count')), expected.warnings + waivedOf((m) => m.severity === 1));
  await page.selectOption('#filter-severity', '');
  await page.selectOption('#filter-rule', 'duplicate-word');
  const duplicates = json.reduce((n, r) => n + r.messages.filter((m) => m.ruleId === 'duplicate-word').length, 0) + waivedOf((m) => m.ruleId === 'duplicate-word');
  check('rule filter "duplicate-word"', Number(await page.textContent('#visible-count')), duplicates);
  await page.selectOption('#filter-rule', '');
  await page.fill('#filter-file', 'plan.pdf');
  const pdf = json.find((r) => r.filePath.endsWith('formats/plan.pdf'));
  check('file filter "plan.pdf"', Number(await page.textContent('#visible-count')), pdf.errorCount + pdf.warningCount);
  await page.fill('#filter-file', '');

  check('no request left the page (self-contained)', requests, []);
  check('no script error', errors, []);
  await page.close();

  // What a head of office sees, in Vietnamese and in English, in Hà Nội's time zone.
  for (const locale of ['vi', 'en']) {
    const localeReport = path.join(work, `report-${locale}.html`);
    spawnSync(process.execPath, [bin, ...files, '--format', 'html', '--locale', locale, '--output', localeReport], { cwd: root, encoding: 'utf8' });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, timezoneId: 'Asia/Ho_Chi_Minh', locale: locale === 'vi' ? 'vi-VN' : 'en-GB' });
    const view = await context.newPage();
    await view.goto(pathToFileURL(localeReport).href);
    const styleOf = (selector) =>
      view.$eval(selector, (element) => {
        const style = getComputedStyle(element);
        return { background: style.backgroundImage !== 'none' ? style.backgroundImage : style.backgroundColor, color: style.color, text: element.textContent.trim() };
      });
    const error = await styleOf('#matrix-table td.cell.failed[data-severity="error"]');
    const warning = await styleOf('#matrix-table td.cell.failed[data-severity="warning"]');
    const passed = await styleOf('#matrix-table td.cell.passed');
    const notApplicable = await styleOf('#matrix-table td.cell.not-applicable');
    const waivedCell = await styleOf('#matrix-table td.cell.waived');
    const states = [error, warning, passed, notApplicable, waivedCell];
    check(`${locale}: errors, warnings, passed, not applicable and waived cells look different`, new Set(states.map((s) => s.background)).size, states.length);
    check(`${locale}: and carry different signs`, new Set(states.map((s) => s.text.replace(/\d+/g, '').trim())).size, states.length);
    check(`${locale}: the not-applicable tooltip gives the reason`, await view.$eval('#matrix-table td.cell.not-applicable[data-rule="parent-cited"]', (cell) => cell.title), locale === 'vi' ? 'Dẫn kế hoạch cấp trên: không áp dụng: không có kế hoạch cấp trên (--parent) để đối chiếu' : 'Parent plan cited: not applicable: no parent plan (--parent) to compare with');
    const heads = await view.$$eval('#matrix-table th.rule-head', (ths) => ths.map((th) => ({ rule: th.getAttribute('data-rule'), text: th.textContent.trim(), title: th.title })));
    check(`${locale}: the columns are titled in the reader's language, ids in the tooltip`, heads.find((h) => h.rule === 'signature'), {
      rule: 'signature',
      text: locale === 'vi' ? 'Chữ ký' : 'Signature',
      title: heads.find((h) => h.rule === 'signature').title,
    });
    check(`${locale}: every tooltip starts with the rule id`, heads.every((h) => h.title.startsWith(`${h.rule} `)), true);
    const zeroColours = await view.$$eval('#summary .tile.zero .value', (values) => values.map((v) => getComputedStyle(v).color));
    check(`${locale}: zero counts are not red`, zeroColours.includes('rgb(207, 34, 46)'), false);
    const red = await view.$eval('#count-errors', (v) => getComputedStyle(v).color);
    check(`${locale}: a non-zero error count is red`, red, 'rgb(207, 34, 46)');
    const time = await view.$eval('#generated', (t) => ({ text: t.textContent, iso: t.getAttribute('datetime') }));
    const utcHour = new Date(time.iso).getUTCHours();
    const shownHour = Number(/(\d{1,2}):\d{2}/.exec(time.text)?.[1]);
    check(`${locale}: the time is shown in the reader's zone (UTC+7), not as ISO`, [shownHour, /\d{4}-\d{2}-\d{2}T/.test(time.text)], [(utcHour + 7) % 24, false]);
    console.log(`     ${locale}: generated ${JSON.stringify(time.text)}`);
    if (locale === 'en') {
      const chrome = await view.$$eval('header, #summary, #packs thead, #matrix h2, #matrix thead, .legend, #compliance thead, #compliance h2, #compliance h3, #filters, #findings h2, table.findings thead', (parts) => parts.map((p) => p.textContent).join(' '));
      check('en: headings, labels, legend and column titles are English (no Vietnamese letters)', /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(chrome), false);
    }
    check(`${locale}: the font renders Vietnamese diacritics (Noto Sans installed and first)`, await view.evaluate(() => document.fonts.check('16px "Noto Sans"', 'Việt Nam: ệ ữ ở ặ đ')), true);
    // Excerpts in the same font as the text: monospace fonts stack ổ, ể, ữ badly.
    check(`${locale}: excerpts use that font`, (await view.$eval('.excerpt', (e) => getComputedStyle(e).fontFamily)).startsWith('"Noto Sans"'), true);
    const shot = path.join(root, `test-artifacts/html-report-${locale}.png`);
    await view.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${path.relative(root, shot)}`);
    // Print: A4 landscape (273 mm of width inside 12 mm margins, 1032 CSS px), the matrix on one page width.
    await view.setViewportSize({ width: 1032, height: 730 });
    await view.emulateMedia({ media: 'print' });
    const matrixWidth = await view.$eval('#matrix-table', (table) => table.getBoundingClientRect().width);
    check(`${locale}: printed, the matrix fits the A4 page width`, matrixWidth <= 1032, true);
    check(`${locale}: printed, the filters are hidden`, await view.$eval('#filters', (f) => getComputedStyle(f).display), 'none');
    await view.pdf({ path: path.join(root, `test-artifacts/html-report-${locale}.pdf`), format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    await view.screenshot({ path: path.join(root, `test-artifacts/html-report-${locale}-print.png`), fullPage: true });
    await context.close();
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`html-report: ${failures.length} check(s) failed: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('html-report: all checks passed');
