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
});
