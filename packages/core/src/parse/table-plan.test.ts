// A plan written as one table (`kế hoạch dạng bảng`): rows `I | MỤC ĐÍCH, YÊU CẦU` head its sections
// as `I. MỤC ĐÍCH, YÊU CẦU` does, and the rows under them are their content.
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint.js';
import { parsePlan } from './index.js';

const table = [
  '| TT | Nội dung | Thời gian | Đơn vị chủ trì |',
  '| --- | --- | --- | --- |',
  '| I | MỤC ĐÍCH, YÊU CẦU |  |  |',
  '| 1 | Nâng cao nhận thức về bình đẳng giới. |  |  |',
  '| II | NỘI DUNG |  |  |',
  '| 1 | Tổ chức Tháng hành động vì bình đẳng giới | Từ 15/11 đến 15/12/2026 | Đoàn Thanh niên |',
  '| 2 | Báo cáo 6 tháng gửi Sở GD&ĐT | Trước ngày 10/6/2026 | Phó Hiệu trưởng |',
  '| 3 | Báo cáo năm gửi Sở GD&ĐT | Trước ngày 10/12/2026 | Phó Hiệu trưởng |',
  '| III | KINH PHÍ THỰC HIỆN |  |  |',
  '|  | Kinh phí từ nguồn ngân sách nhà nước giao trong dự toán năm 2026 của nhà trường. |  |  |',
  '| IV | TỔ CHỨC THỰC HIỆN |  |  |',
  '| 1 | Hiệu trưởng chỉ đạo chung; Công đoàn phối hợp tổ chức. |  |  |',
];
const plan = ['Số: 12/KH-THPT', '', 'Hà Nội, ngày 05 tháng 02 năm 2026', '', '**KẾ HOẠCH**', '', '**Thực hiện công tác bình đẳng giới năm 2026**', '', 'Căn cứ Luật Bình đẳng giới;', '', ...table, '', 'Trên đây là Kế hoạch./.', ''].join('\n');

describe('a plan written as one table', () => {
  it('has the sections its Roman rows head, in order, with their kinds', () => {
    expect(parsePlan(plan, { format: 'markdown' }).sections.map((section) => `${section.numbering?.raw} ${section.title} [${section.kind}]`)).toEqual([
      'I MỤC ĐÍCH, YÊU CẦU [purpose]',
      'II NỘI DUNG [tasks]',
      'III KINH PHÍ THỰC HIỆN [budget]',
      'IV TỔ CHỨC THỰC HIỆN [organisation]',
    ]);
  });

  it('draws none of the findings a plan without those sections would', async () => {
    const { diagnostics } = await lintText(plan, { filePath: 'plan.md' });
    expect(diagnostics.map((d) => d.ruleId).filter((id) => ['required-sections', 'budget-declared', 'roles-declared', 'enumeration-sequence', 'action-month', 'report-deadlines'].includes(id))).toEqual([]);
  });

  it('a row whose other cells hold words is no heading', () => {
    const other = plan.replace('| I | MỤC ĐÍCH, YÊU CẦU |  |  |', '| I | MỤC ĐÍCH, YÊU CẦU | Cả năm |  |');
    expect(parsePlan(other, { format: 'markdown' }).sections.map((section) => section.title)).not.toContain('MỤC ĐÍCH, YÊU CẦU');
  });
});
