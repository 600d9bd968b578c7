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

describe('numbered units under TỔ CHỨC THỰC HIỆN', () => {
  const expected = ['Hiệu trưởng → Chỉ đạo chung; Bố trí kinh phí.', 'Phó Hiệu trưởng → Theo dõi, đôn đốc;'];

  // Word's `1. Hiệu trưởng` with `a)` `b)` under it: lettered sentences are the unit's duties, not units.
  for (const [how, items] of [
    ['numbered items', ['1. Hiệu trưởng', 'a) Chỉ đạo chung;', 'b) Bố trí kinh phí.', '2. Phó Hiệu trưởng', 'a) Theo dõi, đôn đốc;']],
    ['headings', ['### 1. Hiệu trưởng', '', 'a) Chỉ đạo chung;', 'b) Bố trí kinh phí.', '', '### 2. Phó Hiệu trưởng', '', 'a) Theo dõi, đôn đốc;']],
    ['nested lists', ['1. Hiệu trưởng', '', '    1. Chỉ đạo chung;', '', '    2. Bố trí kinh phí.', '', '2. Phó Hiệu trưởng', '', '    1. Theo dõi, đôn đốc;']],
  ] as const) {
    it(`as ${how}: each unit with its duties`, () => {
      expect(roles([...items])).toEqual(expected);
    });
  }

  it('a numbered name under a group is a unit of its own', () => {
    expect(roles(['1. Các bộ phận', 'a) Tổ chuyên môn', '- Lồng ghép nội dung giới.', 'b) Công đoàn cơ sở', '- Phối hợp tổ chức.'])).toEqual([
      'Các bộ phận → ',
      'Tổ chuyên môn → Lồng ghép nội dung giới.',
      'Công đoàn cơ sở → Phối hợp tổ chức.',
    ]);
  });
});

describe('a numbered unit whose title carries its duties', () => {
  it('`1. Hiệu trưởng: chỉ đạo chung …` names the unit and its duty, as the item `- Hiệu trưởng: …` does', () => {
    const numbered = ['1. Hiệu trưởng: chỉ đạo chung, phân công nhiệm vụ.', '2. Công đoàn cơ sở: phối hợp tổ chức.'];
    expect(roles(numbered)).toEqual(['Hiệu trưởng → chỉ đạo chung, phân công nhiệm vụ.', 'Công đoàn cơ sở → phối hợp tổ chức.']);
    expect(roles(numbered.map((line) => line.replace(/^\d\. /, '- ')))).toEqual(roles(numbered));
  });
});
