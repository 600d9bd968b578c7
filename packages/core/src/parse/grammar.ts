// The grammar only recognises the entities inside the text: citations, dates and date ranges;
// the visitor in ast-builder.ts gives them meaning. Structure (sections, items) is line-based and
// built from the markers by build-document.ts.
import { CstParser, type CstNode, type IOrAlt, type OrMethodOpts, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens,
  Any,
  Comma,
  Dash,
  DateDash,
  DateDot,
  DateSlash,
  Den,
  DocSymbol,
  IsoDate,
  MonthYear,
  Nam,
  NamedLaw,
  Ngay,
  NumberToken,
  So,
  Thang,
  Tu,
  TypeWord,
  Weekday,
} from './tokens.js';
import { skipDefinitionChecks } from './definition-checks.js';

export class PlanGrammar extends CstParser {
  constructor() {
    super(allTokens, { maxLookahead: 6, recoveryEnabled: false, skipValidations: skipDefinitionChecks });
    this.performSelfAnalysis();
  }

  /** Entities among plain text; the plain tokens are consumed and the visitor leaves them out. */
  document = this.RULE('document', () => {
    this.MANY(() => this.OR(this.entityOrToken));
  });

  // Built once, not inside the rule: written inline, the alternatives (an array, its objects and
  // their closures) were allocated again for every token, most of the parser's garbage.
  private readonly entityOrToken: OrMethodOpts<CstNode | IToken> = {
    // Several alternatives may start alike; the first that fits wins, plain text last.
    IGNORE_AMBIGUITIES: true,
    DEF: [
      // Most tokens are plain words: one cheap test sends them straight to the last alternative.
      { GATE: () => this.entityStart() && this.citationAhead(), ALT: () => this.SUBRULE(this.citation) },
      { GATE: () => this.entityStart() && this.dateRangeAhead(), ALT: () => this.SUBRULE(this.dateRange) },
      { GATE: () => this.entityStart() && this.dateAhead(), ALT: () => this.SUBRULE(this.date) },
      { ALT: () => this.CONSUME(Any) },
    ],
  };

  // The rules below take their alternatives and options from fields built once: written inline, each
  // call allocated them again (arrays, objects, closures), and entities are a tenth of all tokens.

  // `Nghị định số 125/2021/NĐ-CP ngày 28/12/2021` — issuer and title are read by the builder.
  // `Luật Bình đẳng giới số 73/2006/QH11`: a law's name (one NamedLaw token) comes before số.
  citation = this.RULE('citation', () => {
    this.OR(this.citationHead);
    this.CONSUME(DocSymbol, { LABEL: 'symbol' });
    this.OPTION2(this.citationDate);
  });

  private readonly citationHead: IOrAlt<void>[] = [
    {
      GATE: () => this.LA(1).tokenType === NamedLaw,
      ALT: () => {
        this.CONSUME(NamedLaw, { LABEL: 'named' });
        this.CONSUME2(So, { LABEL: 'so' });
      },
    },
    {
      ALT: () => {
        this.CONSUME(TypeWord, { LABEL: 'docType' });
        this.OPTION(this.optionalSo);
      },
    },
  ];

  private readonly optionalSo = () => this.CONSUME(So, { LABEL: 'so' });

  // `, ngày 28/12/2021` after the symbol; not `, tổ chức … Ngày Hội 20/10` (a date of something else).
  private readonly citationDate = {
    GATE: () => {
      const ngay = this.LA(1).tokenType === Comma ? 2 : 1;
      return this.LA(ngay).tokenType === Ngay && this.dateValueLength(ngay + 1) > 0;
    },
    DEF: () => {
      this.OPTION3(this.optionalComma);
      this.CONSUME(Ngay);
      this.SUBRULE(this.dateValue);
    },
  };

  private readonly optionalComma = () => this.CONSUME(Comma);

  // `từ 15/11 đến 15/12`, `15/11-15/12/2026`, `(Từ ngày 15/11/2025 đến hết ngày 15/12/2025)`,
  // `từ ngày 15 tháng 11 đến ngày 15 tháng 12 năm 2026`: either end in any form a date takes.
  dateRange = this.RULE('dateRange', () => {
    // `từ` and `ngày` before the first date: where the range starts; a weekday may stand before either date.
    this.OPTION(this.rangeLeadTu);
    this.OPTION4(this.rangeFirstWeekday);
    this.OPTION2(this.rangeLeadNgay);
    this.SUBRULE(this.dateValue, { LABEL: 'from' });
    this.OR(this.rangeJoiner);
    this.OPTION5(this.rangeSecondWeekday);
    this.OPTION3(this.rangeSecondNgay);
    this.SUBRULE2(this.dateValue, { LABEL: 'to' });
  });

  private readonly rangeLeadTu = { GATE: () => this.LA(1).tokenType === Tu, DEF: () => this.CONSUME(Tu, { LABEL: 'lead' }) };
  private readonly rangeLeadNgay = { GATE: () => this.LA(1).tokenType === Ngay, DEF: () => this.CONSUME(Ngay, { LABEL: 'lead' }) };
  private readonly rangeFirstWeekday = { GATE: () => this.LA(1).tokenType === Weekday, DEF: () => this.CONSUME(Weekday) };
  private readonly rangeSecondWeekday = { GATE: () => this.LA(1).tokenType === Weekday, DEF: () => this.CONSUME2(Weekday) };
  private readonly rangeJoiner: IOrAlt<IToken>[] = [{ ALT: () => this.CONSUME(Den) }, { ALT: () => this.CONSUME(Dash) }];
  private readonly rangeSecondNgay = { GATE: () => this.LA(1).tokenType === Ngay, DEF: () => this.CONSUME2(Ngay) };

  // `ngày 05/6/2025`, `ngày 11 tháng 3 năm 2025`, `15/11`, `tháng 04/2024`.
  date = this.RULE('date', () => {
    this.OR(this.dateForms);
  });

  private readonly dateForms: IOrAlt<void>[] = [
    {
      ALT: () => {
        this.OPTION(this.dateLeadNgay);
        this.SUBRULE(this.dateValue);
      },
    },
    {
      GATE: () => this.LA(2).tokenType === MonthYear,
      ALT: () => {
        this.CONSUME(Thang);
        this.CONSUME(MonthYear);
      },
    },
    {
      // `tháng 6 năm 2026`: a month of a year, in words.
      ALT: () => {
        this.CONSUME2(Thang);
        this.CONSUME(NumberToken, { LABEL: 'month' });
        this.CONSUME(Nam);
        this.CONSUME2(NumberToken, { LABEL: 'year' });
      },
    },
  ];

  private readonly dateLeadNgay = { GATE: () => this.LA(1).tokenType === Ngay, DEF: () => this.CONSUME(Ngay) };

  private dateValueLength(i: number): number {
    return dateValueLengthAt(this as unknown as Lookahead, i);
  }

  private entityStart(): boolean {
    return ENTITY_START.has(this.LA(1).tokenType);
  }

  private citationAhead(): boolean {
    const first = this.LA(1).tokenType;
    if (first === NamedLaw) return this.LA(2).tokenType === So && this.LA(3).tokenType === DocSymbol;
    if (first !== TypeWord) return false;
    const next = this.LA(2).tokenType;
    return next === DocSymbol || (next === So && this.LA(3).tokenType === DocSymbol);
  }

  private dateRangeAhead(): boolean {
    let i = 1;
    if (this.LA(i).tokenType === Tu) i++;
    if (this.LA(i).tokenType === Weekday) i++;
    if (this.LA(i).tokenType === Ngay) i++;
    const from = this.dateValueLength(i);
    if (from === 0) return false;
    const joiner = this.LA(i + from).tokenType;
    if (joiner !== Den && joiner !== Dash) return false;
    let to = i + from + 1;
    if (this.LA(to).tokenType === Weekday) to++;
    if (this.LA(to).tokenType === Ngay) to++;
    return this.dateValueLength(to) > 0;
  }

  private dateAhead(): boolean {
    const first = this.LA(1).tokenType;
    if (first === Thang) return monthInWordsAt(this as unknown as Lookahead, 1);
    return this.dateValueLength(first === Ngay ? 2 : 1) > 0;
  }

  dateValue = this.RULE('dateValue', () => {
    this.OR(this.dateValueForms);
  });

  private readonly dateValueForms: IOrAlt<IToken | void>[] = [
    { ALT: () => this.CONSUME(DateSlash) },
    { ALT: () => this.CONSUME(IsoDate) },
    { ALT: () => this.CONSUME(DateDash) },
    { ALT: () => this.CONSUME(DateDot) },
    {
      GATE: () => this.dateValueLength(1) >= 3,
      ALT: () => {
        this.CONSUME(NumberToken, { LABEL: 'day' });
        this.CONSUME(Thang);
        this.CONSUME2(NumberToken, { LABEL: 'month' });
        // `ngày 15 tháng 11` may leave the year out (a range's first end, a date in the plan's year).
        this.OPTION(this.dayMonthYear);
      },
    },
  ];

  private readonly dayMonthYear = {
    GATE: () => this.LA(1).tokenType === Nam,
    DEF: () => {
      this.CONSUME(Nam);
      this.CONSUME3(NumberToken, { LABEL: 'year' });
    },
  };
}

// Lookahead predicates. The plain-text alternative matches every token, so Chevrotain cannot
// tell the alternatives apart by itself; these look as far as an entity needs, and no further.
interface Lookahead {
  LA(i: number): { tokenType: unknown };
}

function dateValueLengthAt(parser: Lookahead, i: number): number {
  const type = parser.LA(i).tokenType;
  if (type === DateSlash || type === IsoDate || type === DateDash || type === DateDot) return 1;
  if (type === NumberToken && parser.LA(i + 1).tokenType === Thang && parser.LA(i + 2).tokenType === NumberToken) {
    if (parser.LA(i + 3).tokenType === Nam && parser.LA(i + 4).tokenType === NumberToken) return 5;
    // Without a year only after `ngày`, `từ` or `đến`: `trong 5 tháng 12 …` is no date.
    const before = parser.LA(i - 1).tokenType;
    if (before === Ngay || before === Tu || before === Den || before === Weekday) return 3;
  }
  return 0;
}

/** `tháng 6/2026` or `tháng 6 năm 2026` at i. */
function monthInWordsAt(parser: Lookahead, i: number): boolean {
  const next = parser.LA(i + 1).tokenType;
  if (next === MonthYear) return true;
  return next === NumberToken && parser.LA(i + 2).tokenType === Nam && parser.LA(i + 3).tokenType === NumberToken;
}

/** Tokens an entity can start with: the first tokens of citation, dateRange and date. */
export const ENTITY_START = new Set<TokenType>([TypeWord, NamedLaw, Tu, Ngay, Thang, DateSlash, IsoDate, DateDash, DateDot, NumberToken]);
// (A weekday starts no entity: in a range it follows `từ`; before a lone date it is plain text.)
/** Every token the entity rules consume (a test checks this against the grammar). */
export const ENTITY_PART = new Set<TokenType>([...ENTITY_START, So, DocSymbol, Comma, Den, Dash, Nam, MonthYear, Weekday]);

/**
 * The tokens the parser needs to see: each run of entity tokens (ENTITY_PART) that holds an
 * entity start, followed by the token that ended it. No entity contains any other token and the
 * predicates only look ahead, so every other token is plain text whatever surrounds it; the
 * token kept after a run stands for the text that followed it. Most of a plan is prose, so this
 * spares the parser most of its tokens.
 */
export function entityCandidates(tokens: IToken[]): IToken[] {
  const input: IToken[] = [];
  let runStart = 0;
  let hasStart = false;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i].tokenType;
    if (ENTITY_PART.has(type)) {
      if (!hasStart && ENTITY_START.has(type)) hasStart = true;
      continue;
    }
    if (hasStart) for (let k = runStart; k <= i; k++) input.push(tokens[k]);
    runStart = i + 1;
    hasStart = false;
  }
  if (hasStart) for (let k = runStart; k < tokens.length; k++) input.push(tokens[k]);
  return input;
}

/**
 * The same runs one by one, where a run the grammar cannot read costs only that run: each ends with
 * the token that ended it, the only token of a run outside ENTITY_PART. (Split from entityCandidates'
 * answer, leaving the parse's own path as it was: written with a callback, it made scavenges promote
 * 700 KB each, test/memory/promotion.test.ts.)
 */
export function entityCandidateRuns(tokens: IToken[]): IToken[][] {
  const runs: IToken[][] = [];
  let run: IToken[] = [];
  for (const token of entityCandidates(tokens)) {
    run.push(token);
    if (ENTITY_PART.has(token.tokenType)) continue;
    runs.push(run);
    run = [];
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** One parser per process: re-creating it per document is 12–17× slower. */
export const planGrammar = new PlanGrammar();
