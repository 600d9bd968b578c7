// The line lexer's fast path (tokens made from one classification per line) against the
// reference, Chevrotain's Lexer over the same token patterns: both must give the same tokens.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { IToken } from 'chevrotain';
import { describe, expect, test } from 'vitest';
import { findComments } from '../shared/comments.js';
import { lexLines, lexLinesWithLexer } from './block-tokens.js';

const root = path.resolve(__dirname, '../../../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.(md|txt)$/.test(name) ? [full] : [];
  });
}

const view = (tokens: IToken[]) => tokens.map((token) => [token.tokenType.name, token.startOffset, token.image, token.payload]);

/** Comments blanked to spaces as layoutText hands the text to the lexer. */
function blanked(text: string): { body: string; comments: { start: number; end: number }[] } {
  const comments = text.includes('<!--') ? findComments(text) : [];
  let body = text;
  for (const comment of comments) body = body.slice(0, comment.start) + body.slice(comment.start, comment.end).replace(/[^\n]/g, ' ') + body.slice(comment.end);
  return { body, comments };
}

function expectSame(text: string, format: 'markdown' | 'text', frontMatterEnd = -1): void {
  const { body, comments } = blanked(text);
  const reference = lexLinesWithLexer(body, format, comments, frontMatterEnd);
  expect(reference.errors).toEqual([]);
  const fast = lexLines(body, format, comments, frontMatterEnd);
  expect(view(fast.tokens)).toEqual(view(reference.tokens));
}

describe('line lexer: fast path equals Chevrotain Lexer', () => {
  const files = [...filesUnder(path.join(root, 'fixtures')), ...filesUnder(path.join(root, 'rules'))];

  test('every Markdown and text fixture, read as Markdown and as text', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
      expectSame(text, 'markdown');
      expectSame(text, 'text');
    }
  });

  test('front matter lines', () => {
    const text = '---\ntitle: x\n---\n# KẾ HOẠCH\n';
    expectSame(text, 'markdown', text.indexOf('# ') - 1);
  });

  test('random soups of the line shapes plans are made of', () => {
    const line = fc.constantFrom(
      '', '   ', '\t', '# KẾ HOẠCH', '## 1. Mục tiêu ##', '> trích', '**I. MỤC ĐÍCH**', '| a | b |', '| --- | :-: |', '|x',
      'I. MỤC ĐÍCH', '1.1. Nội dung', 'a) điểm', 'đ) điểm', '- gạch', '• chấm', '---', '===', '___', '-2-', '12', '```', '~~~ts',
      '<!-- plan-lint-disable -->', '<!--', '-->', 'văn bản thường  ', 'dòng kết thúc \\', 'Nơi nhận:', '    thụt lề',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.boolean(), fc.constantFrom('markdown', 'text'), (lines, trailing, format) => {
        const text = lines.join('\n') + (trailing ? '\n' : '');
        expectSame(text, format as 'markdown' | 'text');
      }),
      { numRuns: 500 },
    );
  });
});
