// See run.sh. `--png FILE`: also write the margin-comments picture to FILE (the README's image).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { marginPicture } from './picture.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'packages/cli/bin/plan-lint.js');
const PARENT = 'fixtures/family/parent/ke-hoach-phong.md';
const SHOWN = 'fixtures/formats/word/automatic-lists.docx';
const pngArg = process.argv.indexOf('--png');
const pngTarget = pngArg !== -1 ? path.resolve(process.argv[pngArg + 1]) : undefined;

const work = mkdtempSync(path.join(tmpdir(), 'plan-lint-word-review-'));
let failures = 0;
const fail = (message) => {
  failures++;
  console.error(`word-review: FAIL ${message}`);
};

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 600_000, ...options });
  if (result.error) throw result.error;
  return result;
}

try {
  const all = readdirSync(path.join(root, 'fixtures'), { recursive: true })
    .filter((file) => file.endsWith('.docx') && !file.endsWith('.review.docx'))
    .map((file) => path.join('fixtures', file))
    .sort();
  const family = all.filter((file) => file.startsWith('fixtures/formats/family/'));
  const groups = [
    { files: family, extra: ['--parent', PARENT] },
    { files: all.filter((file) => !family.includes(file)), extra: [] },
  ];
  const findings = new Map();
  const reviews = path.join(work, 'reviews');
  for (const { files, extra } of groups) {
    const lint = run(process.execPath, [bin, '--format', 'json', ...extra, ...files]);
    for (const result of JSON.parse(lint.stdout)) findings.set(path.relative(root, result.filePath), result.messages);
    const review = run(process.execPath, [bin, 'review', '--output-dir', reviews, ...extra, ...files]);
    if (review.stderr) fail(`plan-lint review wrote to stderr:\n${review.stderr}`);
  }
  const copies = all.map((file) => path.join(reviews, file.replace(/\.docx$/, '.review.docx')));

  // One LibreOffice run converts them all, with a profile of its own (none of the user's).
  const converted = path.join(work, 'fodt');
  const started = Date.now();
  const office = run('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'fodt', '--outdir', converted, ...copies]);
  console.log(`word-review: LibreOffice converted ${copies.length} review copies in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (office.status !== 0) fail(`soffice exited ${office.status}: ${office.stderr}`);

  let comments = 0;
  for (const file of all) {
    const markdown = run(process.execPath, [bin, 'convert', '--text', file]).stdout;
    const messages = findings.get(file) ?? [];
    let fodt;
    try {
      fodt = readFileSync(path.join(converted, path.basename(file).replace(/\.docx$/, '.review.fodt')), 'utf8');
    } catch {
      fail(`${file}: LibreOffice wrote no flat ODT`);
      continue;
    }
    const annotations = readAnnotations(fodt);
    const ours = annotations.filter((annotation) => annotation.creator === 'plan-lint' && annotation.initials === 'PL');
    if (ours.length !== messages.length) fail(`${file}: ${ours.length} comments by plan-lint in LibreOffice, ${messages.length} findings`);
    const pool = [...ours];
    for (const message of messages) {
      const expected = visible(rangeText(markdown, message));
      const index = pool.findIndex(
        (annotation) =>
          annotation.body.includes(message.message) &&
          annotation.body.includes(message.ruleId) &&
          (visible(annotation.anchor) === expected || (annotation.anchor === '' && /^(?:[\p{L}\d]{1,6}[.)])+$/u.test(expected))),
      );
      if (index === -1) fail(`${file}: no comment by plan-lint on "${expected}" (${message.ruleId} ${message.line}:${message.column}); LibreOffice has ${JSON.stringify(ours.map((a) => a.anchor))}`);
      else pool.splice(index, 1);
    }
    comments += ours.length;
  }
  console.log(`word-review: ${comments} comments found in LibreOffice at their text, in ${all.length} review copies`);

  // The picture: the review copy printed with its comments in the margin, first page.
  const shown = copies[all.indexOf(SHOWN)];
  const pdfDir = path.join(work, 'pdf');
  const filter = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}';
  run('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', filter, '--outdir', pdfDir, shown]);
  const pdf = path.join(pdfDir, path.basename(shown).replace(/\.docx$/, '.pdf'));
  const pagePng = path.join(work, 'page');
  const png = run('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, pagePng]);
  if (png.status !== 0) fail(`pdftoppm: ${png.stderr}`);
  else {
    const out = path.join(root, 'test-artifacts', 'word-review.png');
    const shownComments = await marginPicture({ root, pdf, page: `${pagePng}.png`, out });
    if (shownComments !== (findings.get(SHOWN) ?? []).length) fail(`${SHOWN}: ${shownComments} comments on the printed page, ${(findings.get(SHOWN) ?? []).length} findings`);
    console.log(`word-review: test-artifacts/word-review.png (a review copy printed by LibreOffice, its ${shownComments} comments in the margin)`);
    if (pngTarget) copyFileSync(out, pngTarget);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failures > 0) {
  console.error(`word-review: ${failures} failure(s)`);
  process.exit(1);
}
console.log('word-review: passed');

/** Each `office:annotation` of a flat ODT: its author, initials, text, and the text between it and its `office:annotation-end`. */
function readAnnotations(xml) {
  const found = [];
  for (const match of xml.matchAll(/<office:annotation(?=[\s>])([^>]*)>([\s\S]*?)<\/office:annotation>/g)) {
    const name = /office:name="([^"]*)"/.exec(match[1])?.[1];
    const inner = match[2];
    let anchor = '';
    if (name) {
      const end = xml.indexOf(`<office:annotation-end office:name="${name}"/>`, match.index);
      if (end !== -1) anchor = textOf(xml.slice(match.index + match[0].length, end));
    }
    found.push({
      creator: textOf(/<dc:creator>([\s\S]*?)<\/dc:creator>/.exec(inner)?.[1] ?? ''),
      initials: textOf(/<meta:creator-initials>([\s\S]*?)<\/meta:creator-initials>/.exec(inner)?.[1] ?? ''),
      body: textOf(inner.replace(/<dc:creator>[\s\S]*?<\/dc:creator>|<dc:date>[\s\S]*?<\/dc:date>|<meta:creator-initials>[\s\S]*?<\/meta:creator-initials>/g, '')),
      anchor,
    });
  }
  return found;
}

/** ODF text: other annotations left out, spaces, tabs and breaks as written, tags dropped. */
function textOf(xml) {
  return xml
    .replace(/<office:annotation(?=[\s>])[\s\S]*?<\/office:annotation>/g, '')
    .replace(/<text:s\/>/g, ' ')
    .replace(/<text:s text:c="(\d+)"\/>/g, (_, n) => ' '.repeat(Number(n)))
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<text:line-break\/>/g, '\n')
    .replace(/<\/text:(?:p|h)>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** As test/review/review-fixtures.test.ts: the GFM table syntax and hard breaks dropped, white space collapsed. */
function visible(text) {
  return text
    .replace(/<br>/g, ' ')
    .replace(/(^|\s)\|(?=\s|$)/g, ' ')
    .replace(/\\\|/g, '|')
    .replace(/\s+/g, ' ')
    .trim();
}

function rangeText(markdown, m) {
  const starts = [0];
  for (let at = markdown.indexOf('\n'); at !== -1; at = markdown.indexOf('\n', at + 1)) starts.push(at + 1);
  return markdown.slice(starts[m.line - 1] + m.column - 1, starts[m.endLine - 1] + m.endColumn - 1);
}
