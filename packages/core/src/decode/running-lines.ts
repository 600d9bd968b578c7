// Page furniture of an exported plan: page numbers and running headers and footers. Shared by the
// PDF reader (lines placed by pdf.js) and the text layout (a .txt that pdftotext wrote, pages cut by
// form feeds or page-number lines), so both drop the same lines.

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:trang\s+)?(\d{1,4})(?:\s*\/\s*\d{1,4})?(?:\s*[-–—])?$/iu;

export interface PageLineReader<L> {
  /** The line's words. */
  text(line: L): string;
  /** Where on its page the line stands, when the export says (a PDF line's height): a running line keeps its place. */
  place?(line: L): number;
  /** Whether the line is one piece of text (a PDF line of one chunk): only such a line can be a bare page number. */
  alone?(line: L): boolean;
}

/**
 * The lines that are page numbers (a number alone at the top or bottom of a page) and running headers
 * and footers (the same text, numbers aside, at the page's edge — its first or last two lines — on
 * most pages). `pages` holds each page's lines without blank ones.
 */
export function runningLines<L>(pages: readonly (readonly L[])[], reader: PageLineReader<L>): Set<L> {
  const edge = (lines: readonly L[]) => [...new Set([lines[0], lines[1], lines.at(-2), lines.at(-1)])].filter((line) => line !== undefined);
  const key = (line: L) => `${reader.place ? reader.place(line) : ''}\u0000${reader.text(line).replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()}`;
  const count = new Map<string, number>();
  for (const lines of pages) {
    for (const k of new Set(edge(lines).map(key))) count.set(k, (count.get(k) ?? 0) + 1);
  }
  const running = (line: L) => {
    const seen = count.get(key(line)) ?? 0;
    return seen >= 2 && seen > pages.length / 2;
  };
  const drop = new Set<L>();
  for (const lines of pages) {
    for (const line of edge(lines)) if (running(line)) drop.add(line);
    // Only the outermost line can be a bare page number.
    for (const line of [lines[0], lines.at(-1)]) {
      if (line === undefined || (reader.alone && !reader.alone(line))) continue;
      const number = PAGE_NUMBER.exec(reader.text(line).trim());
      if (number && Number(number[1]) >= 1 && Number(number[1]) <= pages.length + 1) drop.add(line);
    }
  }
  return drop;
}
