// A plain-text export of a PDF (pdftotext) keeps the page furniture the PDF reader drops: a form feed
// between pages, the page numbers, and the running header or footer on every page. The same rule as
// the PDF reader's (decode/running-lines.ts) finds them; here they become blanks of the same length,
// so every offset still points into the file as written.
import { runningLines } from '../decode/running-lines.js';
import { PAGE_MARKER } from './block-tokens.js';

interface TextLine {
  start: number;
  end: number;
  text: string;
}

/** A page-number line (`-2-`, `- 3 -`, `12`, `Trang 2/5`), which starts a page where there is no form feed. */
const PAGE_MARKER_LINES = /^[ \t]*(?:[-–]?[ \t]*\d{1,3}[ \t]*[-–]?|[Tt]rang[ \t]+\d{1,3}(?:[ \t]*\/[ \t]*\d{1,3})?)[ \t]*$/gm;

/** `-2-`, `12`: what the block grammar reads as a gap already (a `Trang 2/5` footer is blanked with the rest). */
const BARE_PAGE_NUMBER = /^[-–]?\s*\d{1,3}\s*[-–]?$/;

/** `body` with form feeds made line breaks and the running lines and page numbers of its pages blanked. */
export function blankPageFurniture(body: string): string {
  const feeds = body.includes('\f');
  const text = feeds ? body.replace(/\f/g, '\n') : body;
  // Where pages start: after each form feed; without any, at each page number (plans number pages at the top).
  const starts = [0];
  if (feeds) {
    for (let at = body.indexOf('\f'); at !== -1; at = body.indexOf('\f', at + 1)) starts.push(at + 1);
  } else {
    for (const match of body.matchAll(PAGE_MARKER_LINES)) if (match.index > 0) starts.push(match.index);
  }
  if (starts.length < 2) return body;
  starts.push(text.length);
  // Only a page's first and last two lines can be furniture: read those, not the whole text.
  const lines = new Map<number, TextLine>();
  const pages: TextLine[][] = [];
  const lastNumbers: TextLine[] = [];
  for (let k = 0; k + 1 < starts.length; k++) {
    const head = edgeLines(text, starts[k], starts[k + 1], true, lines);
    if (head.length === 0) continue;
    const tail = edgeLines(text, starts[k], starts[k + 1], false, lines).reverse();
    const page = [...new Set([...head, ...tail])].sort((a, b) => a.start - b.start);
    // The piece after a footer's last page number (`Trang 3/3` ending the file) is no page: only that number.
    if (page.some((line) => !PAGE_MARKER.test(line.text))) pages.push(page);
    else lastNumbers.push(...page);
  }
  const drop = pages.length < 2 ? [] : [...runningLines(pages, { text: (line) => line.text }), ...lastNumbers];
  // A `-2-` line is a gap to the block grammar already: rewrite the text only for other furniture.
  const blanks = drop.filter((line) => !BARE_PAGE_NUMBER.test(line.text));
  if (blanks.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const line of blanks.sort((a, b) => a.start - b.start)) {
    parts.push(text.slice(at, line.start), ' '.repeat(line.end - line.start));
    at = line.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The first (or last) two non-blank lines of text[from, to), one object per line start. */
function edgeLines(text: string, from: number, to: number, first: boolean, lines: Map<number, TextLine>): TextLine[] {
  const out: TextLine[] = [];
  let at = first ? from : to;
  while (out.length < 2 && (first ? at < to : at > from)) {
    let start: number;
    let end: number;
    if (first) {
      start = at;
      end = text.indexOf('\n', at);
      if (end === -1 || end > to) end = to;
      at = end + 1;
    } else {
      end = at > from && text.charCodeAt(at - 1) === 10 ? at - 1 : at;
      start = Math.max(from, text.lastIndexOf('\n', end - 1) + 1);
      at = start;
      if (end === start && at === from) break;
    }
    const content = text.slice(start, end).trim();
    if (!content) continue;
    let line = lines.get(start);
    if (!line) lines.set(start, (line = { start, end, text: content }));
    out.push(line);
  }
  return out;
}
