// The signer wherever a text export puts its column: beside the recipients, under them, or (a
// column-by-column extraction) just above "Nơi nhận".
import { describe, expect, it } from 'vitest';
import { parsePlan } from './index.js';

const BODY = 'KẾ HOẠCH\nCông tác giáo dục kỹ năng sống năm học 2026-2027\n\nI. MỤC ĐÍCH, YÊU CẦU\nNâng cao kỹ năng sống cho học sinh.\n\nTrên đây là Kế hoạch của Trường THCS Vĩnh An./.\n';
const RECIPIENTS = 'Nơi nhận:\n- Phòng GD&ĐT (để báo cáo);\n- Lưu: VT.\n';
const SIGNER = '                                                  HIỆU TRƯỞNG\n\n\n\n                                                 Trần Văn Khải\n';

const signerOf = (text: string) => {
  const { signer } = parsePlan(text, { format: 'text' });
  return signer && [signer.title, signer.name];
};

describe('the signer in a text export', () => {
  it('is read after the recipients, and just above them when the export put its column first', () => {
    const expected = ['HIỆU TRƯỞNG', 'Trần Văn Khải'];
    expect(signerOf(`${BODY}${RECIPIENTS}${SIGNER}`)).toEqual(expected);
    expect(signerOf(`${BODY}${SIGNER}${RECIPIENTS}`)).toEqual(expected);
  });

  it('is not made of the body above "Nơi nhận" when there is none', () => {
    expect(signerOf(`${BODY}II. TỔ CHỨC THỰC HIỆN\nGiáo viên chủ nhiệm thực hiện.\n${RECIPIENTS}`)).toBeUndefined();
  });
});

describe('the recipients in a two-column text export', () => {
  it('go on under a "(Đã ký)" of the signer\'s column that stands on a line of its own', () => {
    const closing = [
      'Nơi nhận:                                           KT. TRƯỞNG PHÒNG',
      '- UBND huyện (để báo cáo);                          PHÓ TRƯỞNG PHÒNG',
      '                                                        (Đã ký)',
      '- Các trường MN, TH, THCS (để thực hiện);',
      '- Lưu: VT, VP.',
      '                                                      Đặng Thị Thu Hà',
    ].join('\n');
    const { recipients } = parsePlan(`${BODY}${closing}\n`, { format: 'text' });
    expect(recipients?.entries.map((entry) => entry.text)).toEqual(['UBND huyện (để báo cáo);', 'Các trường MN, TH, THCS (để thực hiện);', 'Lưu: VT, VP.']);
  });

  it("go on under the signer's title and name when the two columns sit on different baselines (a PDF, pdftotext -layout)", () => {
    const closing = [
      'Nơi nhận:',
      '- Bộ GD&ĐT (để báo cáo);',
      '                                             KT. GIÁM ĐỐC',
      '- UBND tỉnh (để báo cáo);',
      '                                             PHÓ GIÁM ĐỐC',
      '                                                   (Đã ký)',
      '- Các phòng thuộc Sở;',
      '                                             Nguyễn Thị Thu Hà',
      '- Lưu: VT, GDTrH.',
      '',
    ].join('\n');
    const document = parsePlan(`${BODY}${closing}`, { format: 'text' });
    expect(document.recipients?.entries.map((entry) => entry.text)).toEqual(['Bộ GD&ĐT (để báo cáo);', 'UBND tỉnh (để báo cáo);', 'Các phòng thuộc Sở;', 'Lưu: VT, GDTrH.']);
    expect([document.signer?.authority, document.signer?.title, document.signer?.name]).toEqual(['KT.', 'PHÓ GIÁM ĐỐC', 'Nguyễn Thị Thu Hà']);
  });

  it('end at a line that is neither an entry nor the signer\'s', () => {
    const document = parsePlan(`${BODY}Nơi nhận:\n- Sở GD&ĐT;\nGhi chú thêm về kế hoạch.\n- Lưu: VT.\n`, { format: 'text' });
    expect(document.recipients?.entries.map((entry) => entry.text)).toEqual(['Sở GD&ĐT;']);
  });
});

describe('a Markdown closing with HTML line breaks', () => {
  it("reads the signer's title written over two lines with <br> inside its emphasis", () => {
    const closing = '*Nơi nhận:*\n\n- Sở GD&ĐT (để báo cáo);\n- Lưu: VT.\n\n**KT. HIỆU TRƯỞNG<br>PHÓ HIỆU TRƯỞNG**\n\n*(Đã ký)*\n\n**Hoàng Thị Mai**\n';
    const { signer } = parsePlan(`${BODY}\n${closing}`, { format: 'markdown' });
    expect([signer?.authority, signer?.onBehalfOf, signer?.title, signer?.name]).toEqual(['KT.', 'HIỆU TRƯỞNG', 'PHÓ HIỆU TRƯỞNG', 'Hoàng Thị Mai']);
  });

  it('reads a header whose lines end with <br> as the header written line by line', () => {
    const header = 'SỞ GD&ĐT THÁI NGUYÊN<br>\n**TRƯỜNG THPT TÂN KHÁNH**<br/>\nSố: 27/KH-THPTTK\n\n*Tân Khánh, ngày 30 tháng 3 năm 2026*\n\n';
    const { metadata } = parsePlan(`${header}${BODY}`, { format: 'markdown' });
    expect([metadata.issuingBody?.text, metadata.symbol?.text, metadata.date?.iso]).toEqual(['TRƯỜNG THPT TÂN KHÁNH', '27/KH-THPTTK', '2026-03-30']);
  });
});

describe('the signer in a Markdown table above "Nơi nhận"', () => {
  it('is read from the table (a plan that puts its signatures before its recipients)', () => {
    const table = '| **KT. HIỆU TRƯỞNG**<br>**PHÓ HIỆU TRƯỞNG**<br><br>*(Đã ký)*<br><br>**Trần Văn Khải** |\n| :---: |\n\n';
    const { signer } = parsePlan(`${BODY}\n${table}**Nơi nhận:**\n- Phòng GD&ĐT (để báo cáo);\n- Lưu: VT.\n`, { format: 'markdown' });
    expect(signer && [signer.authority, signer.title, signer.name]).toEqual(['KT.', 'PHÓ HIỆU TRƯỞNG', 'Trần Văn Khải']);
  });
});
