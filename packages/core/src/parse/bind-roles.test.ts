// Who does what under TỔ CHỨC THỰC HIỆN: a list item "Unit: duties" names the unit however the writer
// or the converter emphasised the label (pandoc writes Word's bold label as `**Hiệu trưởng:**`).
import { describe, expect, it } from 'vitest';
import { parsePlan } from './index.js';

const plan = (items: string[]) =>
  ['# KẾ HOẠCH', '', 'Công tác bình đẳng giới năm 2026', '', '## I. MỤC ĐÍCH', '', 'Nâng cao nhận thức.', '', '## II. TỔ CHỨC THỰC HIỆN', '', ...items, ''].join('\n');

const roles = (items: string[]) =>
  parsePlan(plan(items), { format: 'markdown' }).responsibilities.map((role) => `${role.unit} → ${role.duties.map((duty) => duty.text).join(' ')}`);

describe('a labelled list item under TỔ CHỨC THỰC HIỆN', () => {
  const plain = ['- Hiệu trưởng: chỉ đạo chung.', '- Công đoàn cơ sở: phối hợp tổ chức.'];
  const expected = ['Hiệu trưởng → chỉ đạo chung.', 'Công đoàn cơ sở → phối hợp tổ chức.'];

  it('names its unit and duties', () => {
    expect(roles(plain)).toEqual(expected);
  });

  for (const [how, items] of [
    ['bold, the colon inside', ['-   **Hiệu trưởng:** chỉ đạo chung.', '-   **Công đoàn cơ sở:** phối hợp tổ chức.']],
    ['bold, the colon after', ['- **Hiệu trưởng**: chỉ đạo chung.', '- **Công đoàn cơ sở**: phối hợp tổ chức.']],
    ['italic', ['- *Hiệu trưởng:* chỉ đạo chung.', '- _Công đoàn cơ sở_: phối hợp tổ chức.']],
  ] as const) {
    it(`names the same when the label is ${how}`, () => {
      expect(roles([...items])).toEqual(expected);
    });
  }

  it('a sentence with a colon later is no label', () => {
    expect(roles(['- Lưu ý: báo cáo đúng hạn.', '- Các tổ chuyên môn thực hiện lồng ghép theo nội dung sau: giới, bình đẳng giới.'])).toEqual([]);
  });
});

describe('a roles table under TỔ CHỨC THỰC HIỆN', () => {
  const rows = ['| Hiệu trưởng | Chỉ đạo chung. |', '| Công đoàn cơ sở | Phối hợp tổ chức. |'];
  const expected = ['Hiệu trưởng → Chỉ đạo chung.', 'Công đoàn cơ sở → Phối hợp tổ chức.'];

  it('with its header row names each unit and its duties', () => {
    expect(roles(['| Bộ phận, cá nhân | Nhiệm vụ |', '| --- | --- |', ...rows])).toEqual(expected);
  });

  it("names the same when pandoc gives it an empty header and the header comes first (a Word table)", () => {
    expect(roles(['|   |   |', '|---|---|', '| **Bộ phận, cá nhân** | **Nhiệm vụ** |', ...rows])).toEqual(expected);
  });
});
