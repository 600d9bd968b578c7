import { describe, expect, it } from 'vitest';
import { parsePlan } from './index.js';

const bound = (text: string, format: 'markdown' | 'text' = 'text') =>
  parsePlan(text, { format }).actionMonths.map((m) => `${m.position!.start.line}:${m.position!.start.column} ${m.range ? `${m.range.from.iso}..${m.range.to.iso} ${m.boundBy}` : 'none'}`);

describe('action month bound by structure', () => {
  it('takes the range written with the mention, in any form, before or after it', () => {
    expect(bound('Tổ chức Tháng hành động vì bình đẳng giới từ 15/11 đến 15/12/2026.')).toEqual(['1:9 2026-11-15..2026-12-15 clause']);
    expect(bound('Từ ngày 15 tháng 11 đến ngày 15 tháng 12 năm 2026, tổ chức Tháng hành động vì bình đẳng giới.')).toEqual([
      '1:60 2026-11-15..2026-12-15 clause',
    ]);
    expect(bound('Tổ chức Tháng hành động vì bình đẳng giới. Thời gian: 15/11 - 15/12/2026.')).toEqual(['1:9 2026-11-15..2026-12-15 item']);
  });

  it('under a heading that names the month, and never the nearest range of another paragraph', () => {
    expect(bound('## I. MỤC ĐÍCH\n\n### 2. Tháng hành động vì bình đẳng giới\n\nThời gian: từ 15/11 đến 15/12/2026.\n', 'markdown')).toEqual([
      '3:8 2026-11-15..2026-12-15 heading',
    ]);
    expect(bound('- Hưởng ứng Tháng hành động vì bình đẳng giới.\n- Hội thi từ 01/10 đến 20/10/2026.\n')).toEqual(['1:13 none']);
  });
});
