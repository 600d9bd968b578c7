import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../config/load-config.js';
import { lintText } from '../lint.js';
import { parsePlan } from '../parse/index.js';
import { extractTopicFacts } from './topic-facts.js';
import RULE_IDS from '../../../../test/support/rule-ids.generated.json' with { type: 'json' };

const plan = (title: string, body: string) =>
  `TRƯỜNG TIỂU HỌC HÒA AN\n\nSố: 12/KH-THHA\n\nHòa An, ngày 10 tháng 9 năm 2026\n\nKẾ HOẠCH\n\n${title}\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n${body}\n\nII. NỘI DUNG\n\nTuyên truyền cho học sinh.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n- Hiệu trưởng: chỉ đạo chung.\n`;

const GENDER_RULES: string[] = RULE_IDS['binh-dang-gioi'];

describe('topic', () => {
  it('is read from the title, not from a passing mention in the body', () => {
    const traffic = parsePlan(plan('Đảm bảo trật tự, an toàn giao thông năm học 2026-2027', 'Lồng ghép bình đẳng giới trong các hoạt động.'));
    expect(extractTopicFacts(traffic)).toMatchObject({ id: 'other', by: 'title' });
    const gender = parsePlan(plan('Thực hiện công tác bình đẳng giới năm 2026', 'Nâng cao nhận thức.'));
    expect(extractTopicFacts(gender)).toMatchObject({ id: 'binh-dang-gioi', by: 'title' });
    const advancement = parsePlan(plan('Hoạt động vì sự tiến bộ của phụ nữ năm 2026', 'Nâng cao nhận thức.'));
    expect(extractTopicFacts(advancement)).toMatchObject({ id: 'binh-dang-gioi', by: 'title' });
  });

  it('a numbered sentence that says bình đẳng giới in passing is no heading naming the topic', () => {
    const body = '1. Chăm lo đời sống nữ đoàn viên.\n\n2. Góp phần thực hiện bình đẳng giới trong cơ quan; động viên nữ đoàn viên phấn đấu trong chuyên môn.';
    expect(extractTopicFacts(parsePlan(plan('Chăm lo đời sống nữ công nhân viên chức năm 2027', body)))).toMatchObject({ id: 'other', by: 'title' });
    // A heading (no full stop) still names it.
    expect(extractTopicFacts(parsePlan(plan('Công tác năm 2027', '1. Lồng ghép bình đẳng giới')))).toMatchObject({ id: 'binh-dang-gioi', by: 'headings' });
  });

  it('is read from a heading when the title names none', () => {
    const document = parsePlan(plan('Công tác năm 2026', 'Nâng cao nhận thức.').replace('II. NỘI DUNG', 'II. CÁC HOẠT ĐỘNG BÌNH ĐẲNG GIỚI'));
    expect(extractTopicFacts(document)).toMatchObject({ id: 'binh-dang-gioi', by: 'headings' });
    expect(extractTopicFacts(document).position?.start.line).toBe(15);
  });

  it('keeps the binh-dang-gioi rules off another topic and says why; a config can force the topic', async () => {
    const text = plan('Phòng, chống bạo lực học đường năm học 2026 - 2027', 'Bảo đảm bình đẳng giới trong nhà trường.');
    const result = await lintText(text, { filePath: 'bao-luc.txt' });
    expect(result.facts.topic.id).toBe('other');
    expect(result.diagnostics.filter((d) => GENDER_RULES.includes(d.ruleId))).toEqual([]);
    const standing = result.governance!.rules.filter((rule) => GENDER_RULES.includes(rule.ruleId));
    expect(standing).toHaveLength(GENDER_RULES.length);
    for (const rule of standing) expect(rule).toMatchObject({ applies: false, reason: 'topic-not-covered' });

    const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-topic-'));
    writeFileSync(path.join(dir, 'plan-lint.config.json'), JSON.stringify({ topic: 'binh-dang-gioi' }));
    const config = await loadConfigFile(path.join(dir, 'plan-lint.config.json'));
    const forced = await lintText(text, { filePath: path.join(dir, 'bao-luc.txt'), config });
    expect(forced.facts.topic).toMatchObject({ id: 'binh-dang-gioi', by: 'config' });
    expect(forced.diagnostics.map((d) => d.ruleId)).toContain('action-month');
  });
});
