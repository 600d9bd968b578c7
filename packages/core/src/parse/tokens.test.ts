import { describe, expect, it } from 'vitest';
import { planLexer } from './tokens.js';

const lex = (text: string) => planLexer.tokenize(text).tokens.map((token) => `${token.tokenType.name}:${token.image}`);

describe('prose runs', () => {
  it('stop before a type word or date keyword only where the grammar can use it', () => {
    expect(lex('theo Kế hoạch số 12/KH-UBND ngày 5/3/2024 của UBND')).toEqual([
      'Prose:theo', 'TypeWord:Kế hoạch', 'So:số', 'DocSymbol:12/KH-UBND', 'Ngay:ngày', 'DateSlash:5/3/2024', 'Prose:của UBND',
    ]);
    expect(lex('từ ngày 15/11 đến ngày 20/11, ngày 3 tháng 4 năm 2025')).toEqual([
      'Tu:từ', 'Ngay:ngày', 'DateSlash:15/11', 'Den:đến', 'Ngay:ngày', 'DateSlash:20/11', 'Comma:,',
      'Ngay:ngày', 'Number:3', 'Thang:tháng', 'Number:4', 'Nam:năm', 'Number:2025',
    ]);
    expect(lex('Luật 80/2015/QH13, Kế hoạch12/KH')).toEqual(['TypeWord:Luật', 'DocSymbol:80/2015/QH13', 'Comma:,', 'TypeWord:Kế hoạch', 'DocSymbol:12/KH']);
  });

  it('take type words and keywords that start nothing', () => {
    expect(lex('xây dựng kế hoạch năm học theo số lượng từ trường đến lớp của công tác')).toEqual([
      'Prose:xây dựng kế hoạch năm học theo số lượng từ trường đến lớp của công tác',
    ]);
    expect(lex('ngày2 Luật5')).toEqual(['Prose:ngày2 Luật5']);
    expect(lex('phòng, chống bạo lực,ngày 5/3')).toEqual(['Prose:phòng, chống bạo lực', 'Comma:,', 'Ngay:ngày', 'DateSlash:5/3']);
  });
});
