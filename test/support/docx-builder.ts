import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Word files for tests, from a compact spec: document.xml, styles.xml, numbering.xml and
 * footnotes.xml as Word writes them (the `w:` vocabulary the reader reads), zipped.
 *
 *   buildDocx({
 *     lists: { 1: [{ format: 'lowerLetter', text: '%1)' }] },
 *     body: ['KẾ HOẠCH', { p: 'Mục một', num: [1, 0] }, { table: [['Báo cáo', 'Thời hạn'], ['Sơ kết', '15/6/2026']] }],
 *   })
 */
export interface LevelSpec {
  format: string;
  text: string;
  start?: number;
  restart?: number;
}

export type RunSpec = string | { footnote: number } | { textbox: BlockSpec[] } | { hidden: string } | { deleted: string } | { ptab: true };

export interface ParagraphSpec {
  /** Text (`\n` a line break, `\t` a tab) or runs. */
  p: string | RunSpec[];
  style?: string;
  /** [numId, ilvl] */
  num?: [number, number];
}

export interface CellSpec {
  blocks: BlockSpec[];
  span?: number;
  vMerge?: 'restart' | 'continue';
}

export type BlockSpec = string | ParagraphSpec | { table: (string | CellSpec)[][] };

export interface StyleSpec {
  id: string;
  name: string;
  basedOn?: string;
  outlineLevel?: number;
  num?: [number, number];
}

export interface DocxSpec {
  body: BlockSpec[];
  /** numId → its abstract list's levels (one abstractNum per numId unless `nums` says otherwise). */
  lists?: Record<number, LevelSpec[]>;
  /** Extra `num`s: numId → the numId whose abstract list it uses, with startOverride per level. */
  nums?: Record<number, { of: number; startOverride?: Record<number, number> }>;
  styles?: StyleSpec[];
  footnotes?: Record<number, string>;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const NAMESPACES = `${W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"`;

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function textRuns(value: string): string {
  return value
    .split(/(\n|\t)/)
    .map((piece) => (piece === '\n' ? '<w:r><w:br/></w:r>' : piece === '\t' ? '<w:r><w:tab/></w:r>' : piece === '' ? '' : `<w:r><w:t xml:space="preserve">${escape(piece)}</w:t></w:r>`))
    .join('');
}

function run(spec: RunSpec): string {
  if (typeof spec === 'string') return textRuns(spec);
  if ('footnote' in spec) return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${spec.footnote}"/></w:r>`;
  if ('hidden' in spec) return `<w:r><w:rPr><w:vanish/></w:rPr><w:t>${escape(spec.hidden)}</w:t></w:r>`;
  if ('deleted' in spec) return `<w:del w:id="90" w:author="x"><w:r><w:delText>${escape(spec.deleted)}</w:delText></w:r></w:del>`;
  // An absolute tab, aligned to the right margin as a template sets the place and date.
  if ('ptab' in spec) return '<w:r><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/></w:r>';
  // A text box as Word 2010+ writes it: the shape, and a VML fallback holding the same text.
  const content = `<w:txbxContent>${spec.textbox.map(block).join('')}</w:txbxContent>`;
  return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${content}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
}

function block(spec: BlockSpec): string {
  if (typeof spec === 'string') return `<w:p>${textRuns(spec)}</w:p>`;
  if ('table' in spec) {
    const rows = spec.table.map((row) => {
      const cells = row.map((cell) => {
        const c: CellSpec = typeof cell === 'string' ? { blocks: [cell] } : cell;
        const props = `${c.span ? `<w:gridSpan w:val="${c.span}"/>` : ''}${c.vMerge ? `<w:vMerge${c.vMerge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}`;
        return `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>${props}</w:tcPr>${(c.blocks.length ? c.blocks : ['']).map(block).join('')}</w:tc>`;
      });
      return `<w:tr>${cells.join('')}</w:tr>`;
    });
    return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${rows.join('')}</w:tbl>`;
  }
  const props =
    (spec.style ? `<w:pStyle w:val="${spec.style}"/>` : '') + (spec.num ? `<w:numPr><w:ilvl w:val="${spec.num[1]}"/><w:numId w:val="${spec.num[0]}"/></w:numPr>` : '');
  const runs = typeof spec.p === 'string' ? textRuns(spec.p) : spec.p.map(run).join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
}

function numberingXml(spec: DocxSpec): string {
  const abstracts = Object.entries(spec.lists ?? {}).map(([id, levels]) => {
    const lvls = levels.map(
      (level, ilvl) =>
        `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${level.start ?? 1}"/><w:numFmt w:val="${level.format}"/>${level.restart !== undefined ? `<w:lvlRestart w:val="${level.restart}"/>` : ''}<w:lvlText w:val="${escape(level.text)}"/><w:lvlJc w:val="left"/></w:lvl>`,
    );
    return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="hybridMultilevel"/>${lvls.join('')}</w:abstractNum>`;
  });
  const nums = Object.keys(spec.lists ?? {}).map((id) => `<w:num w:numId="${id}"><w:abstractNumId w:val="${id}"/></w:num>`);
  for (const [id, extra] of Object.entries(spec.nums ?? {})) {
    const overrides = Object.entries(extra.startOverride ?? {})
      .map(([ilvl, start]) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`)
      .join('');
    nums.push(`<w:num w:numId="${id}"><w:abstractNumId w:val="${extra.of}"/>${overrides}</w:num>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}>${abstracts.join('')}${nums.join('')}</w:numbering>`;
}

function stylesXml(spec: DocxSpec): string {
  const styles = [
    { id: 'Normal', name: 'Normal' },
    { id: 'Heading1', name: 'heading 1', basedOn: 'Normal', outlineLevel: 0 },
    { id: 'Heading2', name: 'heading 2', basedOn: 'Normal', outlineLevel: 1 },
    { id: 'Heading3', name: 'heading 3', basedOn: 'Normal', outlineLevel: 2 },
    { id: 'Title', name: 'Title', basedOn: 'Normal' },
    ...(spec.styles ?? []),
  ].map((style: StyleSpec) => {
    const ppr =
      (style.num ? `<w:numPr><w:ilvl w:val="${style.num[1]}"/><w:numId w:val="${style.num[0]}"/></w:numPr>` : '') +
      (style.outlineLevel !== undefined ? `<w:outlineLvl w:val="${style.outlineLevel}"/>` : '');
    return `<w:style w:type="paragraph" w:styleId="${style.id}"><w:name w:val="${escape(style.name)}"/>${style.basedOn ? `<w:basedOn w:val="${style.basedOn}"/>` : ''}${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}</w:style>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>${styles.join('')}</w:styles>`;
}

function footnotesXml(spec: DocxSpec): string {
  const notes = Object.entries(spec.footnotes ?? {}).map(
    ([id, text]) => `<w:footnote w:id="${id}"><w:p><w:r><w:footnoteRef/></w:r>${textRuns(` ${text}`)}</w:p></w:footnote>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>${notes.join('')}</w:footnotes>`;
}

/** document.xml alone, for tests that build their own package. */
export function documentXml(spec: DocxSpec): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NAMESPACES}><w:body>${spec.body.map(block).join('')}<w:sectPr/></w:body></w:document>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`;

/** A .docx package (bytes) from a spec; `document` replaces the generated document.xml. */
export function buildDocx(spec: DocxSpec, document?: string | Buffer): Buffer {
  return zipPackage([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', ROOT_RELS],
    ['word/_rels/document.xml.rels', DOCUMENT_RELS],
    ['word/document.xml', document ?? documentXml(spec)],
    ['word/styles.xml', stylesXml(spec)],
    ['word/numbering.xml', numberingXml(spec)],
    ['word/footnotes.xml', footnotesXml(spec)],
  ]);
}

/** A ZIP of deflated entries with real CRCs (Word and LibreOffice open it). */
export function zipPackage(files: [string, string | Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [fileName, content] of files) {
    const name = Buffer.from(fileName, 'utf8');
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const body = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
