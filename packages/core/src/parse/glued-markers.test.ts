// A text export that dropped Word's tab after an automatic number (pdftotext of a LibreOffice PDF):
// `V.TỔ CHỨC THỰC HIỆN`, `1.Mục đích`, `a)Phổ biến` are numbered as they are with the space.
import { describe, expect, it } from 'vitest';
import type { BodyNode } from './ast.js';
import { parsePlan } from './index.js';

const outline = (text: string): string[] => {
  const walk = (nodes: BodyNode[], depth: number): string[] =>
    nodes.flatMap((node) => (node.type === 'section' ? [`${'  '.repeat(depth)}${node.numbering?.raw ?? '-'} ${node.title}`, ...walk(node.children, depth + 1)] : []));
  return walk(parsePlan(text, { format: 'text' }).sections, 0);
};

const spaced = [
  'KẾ HOẠCH',
  'Công tác bình đẳng giới năm 2026',
  '',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích',
  'Nâng cao nhận thức.',
  'II. NỘI DUNG',
  '1. Tuyên truyền',
  'a) Phổ biến Luật Bình đẳng giới;',
  'b) đăng tải tin bài;',
  '1.1. Tổ chức diễn đàn',
  'III. TỔ CHỨC THỰC HIỆN',
  'Các bộ phận thực hiện.',
  '',
].join('\n');

describe('a number glued to the text it numbers', () => {
  it('numbers the outline as the same plan with spaces does', () => {
    const glued = spaced.replace(/^([IVX]+\.|\d+(?:\.\d+)*\.|[a-z]\)) /gm, '$1');
    expect(glued).toContain('III.TỔ CHỨC');
    expect(glued).toContain('a)Phổ biến');
    expect(outline(glued)).toEqual(outline(spaced));
    expect(outline(spaced).length).toBe(8);
  });

  it('the tree reads the glued markers too (convert writes them)', () => {
    const glued = spaced.replace(/^([IVX]+\.|\d+(?:\.\d+)*\.|[a-z]\)) /gm, '$1');
    const markers = (text: string) => {
      const out: string[] = [];
      const walk = (node: { type: string; marker?: { raw: string }; children?: unknown[] }) => {
        if (node.marker) out.push(node.marker.raw);
        for (const child of node.children ?? []) walk(child as typeof node);
      };
      walk(parsePlan(text, { format: 'text' }).tree as never);
      return out;
    };
    expect(markers(glued)).toEqual(markers(spaced));
    expect(markers(spaced)).toContain('a)');
  });

  it('is no number before a small letter or a digit: a word, an abbreviation, an amount', () => {
    const lines = ['KẾ HOẠCH', 'Công tác năm 2026', '', 'I. NỘI DUNG', 'v.v. các hoạt động khác;', '1.100 cán bộ được tập huấn.', ''];
    expect(outline(lines.join('\n'))).toEqual(['I. NỘI DUNG']);
  });
});
