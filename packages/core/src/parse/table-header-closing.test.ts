// The header and the closing of a plan written as two-column tables, as Markdown made from Word has
// them: the same issuer, symbol, place, date, recipients and signer as written line by line.
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
