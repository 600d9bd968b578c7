// The README's picture of a review copy: LibreOffice 7.4 cannot print comments in the margin
// (ExportNotesInMargin came later), so the page LibreOffice printed is shown beside a margin
// that holds each comment LibreOffice exported with it (a PDF Text annotation), at its height.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../support/chromium-options.mjs';

const DPI = 110;

/** page: the PNG pdftoppm made of page 1 at DPI; pdf: the PDF it came from; out: the PNG to write. */
export async function marginPicture({ root, pdf, page, out }) {
  const require = createRequire(path.join(root, 'packages/core/package.json'));
  const pdfjs = await import(pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href);
  const document = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdf)), verbosity: 0, isEvalSupported: false }).promise;
  const first = await document.getPage(1);
  const [, , , height] = first.view;
  const scale = DPI / 72;
  const notes = (await first.getAnnotations())
    .filter((annotation) => annotation.subtype === 'Text')
    .map((annotation) => ({
      // LibreOffice writes "author, date," as the title; a comment without a date gets a made-up one.
      author: (annotation.titleObj?.str ?? '').split(',')[0],
      text: annotation.contentsObj?.str ?? '',
      x: annotation.rect[0] * scale,
      y: (height - annotation.rect[3]) * scale,
    }))
    .sort((a, b) => a.y - b.y);
  if (notes.length === 0) throw new Error('no comments on page 1 of the PDF LibreOffice printed');
  const image = `data:image/png;base64,${readFileSync(page).toString('base64')}`;
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const boxes = notes
    .map(
      (note, index) =>
        `<div class="note" data-y="${note.y}" data-x="${note.x}"><b>${escape(note.author)}</b> <span class="n">[PL${index + 1}]</span>${note.text
          .split('\n')
          .map((line) => `<p>${escape(line)}</p>`)
          .join('')}</div>`,
    )
    .join('');
  const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><style>
    body { margin: 0; background: #e8e8e8; font: 13px/1.35 "Noto Sans", sans-serif; }
    .sheet { position: relative; display: flex; width: max-content; }
    .page { display: block; flex: none; box-shadow: 0 0 4px #999; }
    .margin { position: relative; width: 380px; background: #f4f4f4; border-left: 1px solid #ccc; }
    .note { position: absolute; left: 14px; right: 14px; background: #fff8d6; border: 1px solid #e0c45c; border-radius: 3px; padding: 6px 8px; }
    .note p { margin: 3px 0 0; overflow-wrap: anywhere; }
    .n { color: #777; }
    svg { position: absolute; left: 0; top: 0; pointer-events: none; }
  </style><div class="sheet"><img class="page" src="${image}"><div class="margin">${boxes}</div><svg></svg></div>
  <script>
    window.layout = () => {
    // Each box as high as its comment, pushed down past the one above; a line from its text to it.
    const sheet = document.querySelector('.sheet');
    const svg = document.querySelector('svg');
    const page = document.querySelector('.page');
    svg.setAttribute('width', sheet.scrollWidth);
    let bottom = 8;
    let lines = '';
    for (const box of document.querySelectorAll('.note')) {
      const y = Math.max(Number(box.dataset.y) - 6, bottom);
      box.style.top = y + 'px';
      bottom = y + box.offsetHeight + 8;
      lines += '<polyline fill="none" stroke="#d4a017" stroke-width="1.2" points="' + (Number(box.dataset.x) + 18) + ',' + (Number(box.dataset.y) + 12) + ' ' + (page.width + 4) + ',' + (Number(box.dataset.y) + 12) + ' ' + (page.width + 14) + ',' + (y + 12) + '"/>';
    }
    const height = Math.max(page.height, bottom);
    sheet.style.height = height + 'px';
    svg.setAttribute('height', height);
    svg.innerHTML = lines;
    };
  </script></html>`;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await tab.setContent(html);
    await tab.locator('.page').evaluate((image) => image.decode());
    await tab.evaluate(() => window.layout());
    await tab.locator('.sheet').screenshot({ path: out });
  } finally {
    await browser.close();
  }
  return notes.length;
}
