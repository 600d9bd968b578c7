// The header and the closing of a plan written as two-column tables, as Markdown made from Word has
// them (pipe tables with `<br>`, or pandoc's raw HTML tables): the same issuer, symbol, place, date,
// recipients and signer as written line by line.
import { describe, expect, it } from 'vitest';
import { parsePlan } from './index.js';

const BODY = '\n# KẾ HOẠCH\n\nThực hiện công tác bình đẳng giới năm 2026\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nNâng cao nhận thức.\n\n';

const lines = [
  'UBND HUYỆN VĨNH LẠC\n\n**PHÒNG GIÁO DỤC VÀ ĐÀO TẠO**\n\nSố: 09/KH-PGDĐT\n\n*Vĩnh Lạc, ngày 16 tháng 01 năm 2026*\n',
  BODY,
  'Nơi nhận:\n\n- UBND huyện (để báo cáo);\n- Lưu: VT, TCHC.\n\nKT. TRƯỞNG PHÒNG\n\nPHÓ TRƯỞNG PHÒNG\n\nĐặng Thị Thu Hà\n',
].join('');

const tables = (br: string) =>
  [
    `| UBND HUYỆN VĨNH LẠC${br}**PHÒNG GIÁO DỤC VÀ ĐÀO TẠO** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**${br}**Độc lập - Tự do - Hạnh phúc** |\n|:---:|:---:|\n| Số: 09/KH-PGDĐT | *Vĩnh Lạc, ngày 16 tháng 01 năm 2026* |\n`,
    BODY,
    `| **Nơi nhận:**${br}- UBND huyện (để báo cáo);${br}- Lưu: VT, TCHC. | **KT. TRƯỞNG PHÒNG**${br}**PHÓ TRƯỞNG PHÒNG**${br}${br}**Đặng Thị Thu Hà** |\n|:---|:---:|\n`,
  ].join('');

function read(text: string) {
  const document = parsePlan(text, { format: 'markdown' });
  const { metadata, recipients, signer } = document;
  return {
    issuer: metadata.issuingBody?.text,
    symbol: metadata.symbol?.text,
    place: metadata.place?.text,
    date: metadata.date?.iso,
    recipients: recipients?.entries.map((entry) => entry.text),
    signer: signer && [signer.authority, signer.onBehalfOf, signer.title, signer.name],
  };
}

describe('a header and a closing written as tables', () => {
  const expected = read(lines);
  it('the line-by-line plan reads as it should', () => {
    expect(expected).toEqual({
      issuer: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
      symbol: '09/KH-PGDĐT',
      place: 'Vĩnh Lạc',
      date: '2026-01-16',
      recipients: ['UBND huyện (để báo cáo);', 'Lưu: VT, TCHC.'],
      signer: ['KT.', 'TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG', 'Đặng Thị Thu Hà'],
    });
  });
  for (const br of ['<br>', '<br/>', '<br />']) {
    it(`gives the same facts as tables whose cells break lines with ${br}`, () => {
      expect(read(tables(br))).toEqual(expected);
    });
  }
});

/** The same tables as pandoc writes them when a cell holds several paragraphs (`-t gfm` or `-t commonmark`). */
const htmlTables = [
  '<table>\n<colgroup>\n<col style="width: 43%" />\n<col style="width: 56%" />\n</colgroup>\n<tbody>\n<tr class="odd">\n',
  '<td><p>UBND HUYỆN VĨNH LẠC</p>\n<p><strong>PHÒNG GIÁO DỤC VÀ ĐÀO TẠO</strong></p></td>\n',
  '<td><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p>\n<p><strong>Độc lập - Tự do - Hạnh phúc</strong></p></td>\n</tr>\n',
  '<tr class="even">\n<td>Số: 09/KH-PGDĐT</td>\n<td><em>Vĩnh Lạc, ngày 16 tháng 01 năm 2026</em></td>\n</tr>\n</tbody>\n</table>\n',
  BODY,
  '<table>\n<tbody>\n<tr class="odd">\n<td><p><em><strong>Nơi nhận:</strong></em></p>\n',
  '<ul>\n<li><p>UBND huyện (để báo cáo);</p></li>\n<li><p>Lưu: VT,\nTCHC.</p></li>\n</ul></td>\n',
  '<td><p><strong>KT. TRƯỞNG PHÒNG</strong></p>\n<p><strong>PHÓ TRƯỞNG PHÒNG</strong></p>\n<p><strong>Đặng Thị Thu Hà</strong></p></td>\n',
  '</tr>\n</tbody>\n</table>\n',
].join('');

describe("a header and a closing written as pandoc's HTML tables", () => {
  it('give the facts of the plan written line by line', () => {
    expect(read(htmlTables)).toEqual(read(lines));
  });
  it('in upper-case tags, with entities and paragraphs as <br/>, too', () => {
    const shouted = htmlTables.replace(/<(\/?)(table|tbody|tr|td)\b/g, (_, slash: string, tag: string) => `<${slash}${tag.toUpperCase()}`).replace(/<\/p>\n<p>/g, '<br/>').replace(/GD&ĐT|Vĩnh Lạc, ngày/g, (text) => text.replace('&', '&amp;').replace(' ', '&nbsp;').replace('&nbsp;', ' '));
    expect(shouted).toContain('<TD>');
    expect(read(shouted)).toEqual(read(lines));
  });
  it('place what they hold at the lines of the file as written', () => {
    const document = parsePlan(htmlTables, { format: 'markdown' });
    const lineOf = (needle: string) => htmlTables.slice(0, htmlTables.indexOf(needle)).split('\n').length;
    expect(document.metadata.symbol?.position?.start.line).toBe(lineOf('09/KH-PGDĐT'));
    expect(document.recipients?.entries.map((entry) => entry.position?.start.line)).toEqual([lineOf('UBND huyện ('), lineOf('Lưu: VT,')]);
    expect(document.signer?.position?.start.line).toBe(lineOf('KT. TRƯỞNG'));
    const date = document.metadata.date!.position!;
    expect(htmlTables.slice(date.start.offset, date.end.offset)).toBe('ngày 16 tháng 01 năm 2026');
  });
});

describe('a closing laid out with tab stops, as pandoc writes it in Markdown', () => {
  // Word's two columns on one line: the recipients' on the left, the signer's a strong span of capitals.
  const pandoc = [
    'UBND HUYỆN VĨNH LẠC\n\n**PHÒNG GIÁO DỤC VÀ ĐÀO TẠO**\n\nSố: 09/KH-PGDĐT\n\n*Vĩnh Lạc, ngày 16 tháng 01 năm 2026*\n',
    BODY,
    '***Nơi nhận:*** **KT. TRƯỞNG PHÒNG**\n\n\\- UBND huyện (để báo cáo); **PHÓ TRƯỞNG PHÒNG**\n\n\\- Lưu: VT, TCHC.\n\n**Đặng Thị Thu Hà**\n',
  ].join('');
  it('gives the facts of the plan written line by line', () => {
    expect(read(pandoc)).toEqual(read(lines));
  });
  it('and of the same closing exported as text, the columns parted by spaces', () => {
    const text = pandoc.replace(/\*\*\*?|\\/g, '').replace(/(Nơi nhận:|báo cáo\);) (?=[A-ZĐ])/g, '$1          ');
    expect(text).toContain('Nơi nhận:          KT. TRƯỞNG PHÒNG');
    expect(read(text)).toEqual(read(lines));
  });
});
