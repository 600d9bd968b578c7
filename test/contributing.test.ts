// CONTRIBUTING.md's "Add a rule" example is a real rule: written as one folder beside a pack that
// globs its rule folders, it gives its finding with no TypeScript.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '@plan-lint/core';
import { describe, expect, it } from 'vitest';
import { loadPackFromFile } from '../packages/core/src/engine/pack-loader.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('CONTRIBUTING.md: add a rule', () => {
  it('its rule.json, in a folder of its own, finds a plan without the hotline and passes one with it', async () => {
    const markdown = readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8');
    const rule = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(markdown)![1]!) as { id: string };
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-contributing-'));
    try {
      mkdirSync(path.join(dir, rule.id));
      writeFileSync(path.join(dir, rule.id, 'rule.json'), JSON.stringify(rule));
      writeFileSync(path.join(dir, 'pack.json'), JSON.stringify({ name: 'so-gddt', version: '1.0.0', rules: ['*'] }));
      const config = { baseDir: dir, packs: [await loadPackFromFile(path.join(dir, 'pack.json'))], rules: {}, overrides: [] };
      const plan = (task: string) => `# KẾ HOẠCH\n\nCông tác năm 2024\n\n## I. NHIỆM VỤ\n\n1. ${task}\n`;
      const without = await lintText(plan('Tuyên truyền.'), { filePath: 'a.md', config, locale: 'en' });
      expect(without.diagnostics.map((d) => `${d.ruleId} ${d.position.start.line}:${d.position.start.column} ${d.message}`)).toEqual([
        'hotline-111 3:1 The plan does not name the hotline 111: add it to the communication tasks.',
      ]);
      const withHotline = await lintText(plan('Tuyên truyền Tổng đài quốc gia bảo vệ trẻ em 111.'), { filePath: 'b.md', config });
      expect(withHotline.diagnostics).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
