import { readdirSync, readFileSync } from 'node:fs';
import type { IToken, TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { elementVisitor } from './ast-builder.js';
import { layoutText } from './layout.js';
import { ENTITY_PART, ENTITY_START, entityCandidateRuns, entityCandidates, planGrammar } from './grammar.js';
import { parsePlan } from './index.js';
import { planLexer } from './tokens.js';

interface GastNode {
  terminalType?: TokenType;
  definition?: GastNode[];
}

function terminalsOf(nodes: GastNode[], into: Set<TokenType>): Set<TokenType> {
  for (const node of nodes) {
    if (node.terminalType) into.add(node.terminalType);
    // A non-terminal's definition is the rule it refers to.
    if (node.definition) terminalsOf(node.definition, into);
  }
  return into;
}

describe('entity tokens', () => {
  it('ENTITY_PART is every token the entity rules consume', () => {
    const rules = planGrammar.getGAstProductions() as unknown as Record<string, GastNode>;
    const used = new Set<TokenType>();
    for (const name of ['citation', 'dateRange', 'date', 'dateValue']) terminalsOf(rules[name].definition!, used);
    const names = (types: Set<TokenType>) => [...types].map((type) => type.name).sort();
    expect(names(ENTITY_PART)).toEqual(names(used));
    for (const type of ENTITY_START) expect(ENTITY_PART.has(type)).toBe(true);
  });

  it('gives the parser the runs that may hold an entity, each with the token after it', () => {
    const text = 'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021, của Chính phủ; báo cáo, từ 15/11 đến 15/12';
    const tokens = planLexer.tokenize(text).tokens;
    const images = (list: IToken[]) => list.map((token) => token.image);
    expect(images(entityCandidates(tokens))).toEqual([
      'Nghị định', 'số', '125/2021/NĐ-CP', 'ngày', '28/12/2021', ',', 'của Chính phủ',
      ',', 'từ', '15/11', 'đến', '15/12',
    ]);
    expect(entityCandidates(planLexer.tokenize('chỉ có chữ, không số').tokens)).toEqual([]);
  });

  it('finds the same entities in the candidates as in the whole token stream (fixture plans)', () => {
    const dir = new URL('../../../../fixtures/plans/', import.meta.url);
    const files = readdirSync(dir).filter((name) => /\.(md|txt)$/.test(name));
    expect(files.length).toBeGreaterThan(3);
    let entities = 0;
    for (const name of files) {
      const text = layoutText(readFileSync(new URL(name, dir), 'utf8').normalize('NFC'), name.endsWith('.md') ? 'markdown' : 'text').text;
      const tokens = planLexer.tokenize(text).tokens;
      planGrammar.input = tokens;
      const whole = elementVisitor.visit(planGrammar.document());
      planGrammar.input = entityCandidates(tokens);
      expect(elementVisitor.visit(planGrammar.document()), name).toEqual(whole);
      entities += whole.length;
    }
    expect(entities).toBeGreaterThan(50);
  });
});

describe('a citation followed by a date of something else', () => {
  // `Hướng dẫn số 02/HD-CĐN, tổ chức … Ngày Hội 20/10`: the date after the comma is not the citation's
  // (no `ngày` before it). The grammar used to commit to a citation date and fail, and the failure cost
  // the plan every citation, date and deadline.
  it('reads the citation, the date and the rest of the plan', () => {
    const document = parsePlan('KẾ HOẠCH\n\nCông tác năm 2027\n\n1. Thực hiện Hướng dẫn số 02/HD-CĐN, tổ chức hoạt động nhân Ngày Hội 20/10.\n2. Báo cáo năm trước ngày 10/12/2027.\n');
    expect(document.problems).toEqual([]);
    expect(document.citations.map((citation) => [citation.symbol, citation.date?.iso])).toEqual([['02/HD-CĐN', undefined]]);
    expect(document.dates.map((date) => date.iso)).toEqual(['--10-20', '2027-12-10']);
    expect(document.deadlines.map((deadline) => deadline.kind)).toEqual(['annual-report']);
  });
  it('the candidate runs, one by one, are the candidates', () => {
    const text = 'Căn cứ Nghị định số 125/2021/NĐ-CP, ngày 28/12/2021 và từ 15/11 đến 15/12/2026, tháng 6 năm 2026.';
    const tokens = planLexer.tokenize(text).tokens;
    expect(entityCandidateRuns(tokens).flat()).toEqual(entityCandidates(tokens));
    expect(entityCandidateRuns(tokens).length).toBeGreaterThan(1);
  });
});
