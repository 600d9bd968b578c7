/**
 * A small PDF whose text multiplies when read: Form XObject k paints XObject k-1 `fan` times, and
 * XObject 0 shows one short string, so a page holds `fan ** depth` runs of text in a few hundred
 * bytes (how a 1 MB PDF became 159 MB of text). Each of `pages` pages paints the top XObject
 * `fan` times. `text` is written as a PDF literal string (letters and spaces only) in 1-point type
 * on a page `width` points wide: pdf.js keeps only the text that falls on the page.
 */
export function pdfBomb({
  fan,
  depth,
  pages = 1,
  text = 'Bao cao nam',
  width = 595,
}: { fan: number; depth: number; pages?: number; text?: string; width?: number }): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const stream = (dictionary: string, content: string) => `<< ${dictionary} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  // 1 catalog, 2 page tree, 3 font, 4.. XObjects, then page and content pairs.
  const pageIds = Array.from({ length: pages }, (_, k) => 4 + depth + 2 * k);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const form = (resources: string, content: string) => stream(`/Type /XObject /Subtype /Form /BBox [0 0 ${width} 842] /Resources << ${resources} >>`, content);
  add(form('/Font << /F1 3 0 R >>', `BT /F1 1 Tf 10 720 Td (${text}) Tj ET`));
  for (let level = 1; level < depth; level++) {
    add(form(`/XObject << /X${level - 1} ${3 + level} 0 R >>`, `/X${level - 1} Do\n`.repeat(fan)));
  }
  const top = depth - 1;
  for (let k = 0; k < pages; k++) {
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} 842] /Resources << /XObject << /X${top} ${4 + top} 0 R >> >> /Contents ${pageIds[k] + 1} 0 R >>`);
    add(stream('', `/X${top} Do\n`.repeat(fan)));
  }
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
