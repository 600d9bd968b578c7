// Meaning for what the grammar recognised: a CST visitor turns citations, dates and date ranges
// into entities, which are then merged with the plain tokens between them, in text order.
import type { CstNode, IToken } from 'chevrotain';
import { planGrammar } from './grammar.js';

export interface DateParts {
  day?: number;
  month?: number;
  year?: number;
  /** Set when the year was not written but taken from context: the other end of a range, or the plan's year. */
  yearFrom?: 'range' | 'plan';
  start: number;
  end: number;
}

export type Element =
  | { kind: 'token'; token: IToken; start: number; end: number }
  | {
      kind: 'citation';
      start: number;
      end: number;
      docType: IToken;
      /** A law's name written between its type word and số (`Luật Bình đẳng giới số …`). */
      name?: { start: number; end: number };
      so?: IToken;
      symbol: IToken;
      date?: DateParts;
    }
  | { kind: 'date'; start: number; end: number; value: DateParts; monthOnly: boolean }
  | { kind: 'dateRange'; start: number; end: number; from: DateParts; to: DateParts; through: boolean };

export type Entity = Exclude<Element, { kind: 'token' }>;

export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** `15/11`, `15/11/2025`. */
export function datePartsFromSlash(token: IToken): DateParts {
  const [day, month, year] = token.image.split('/').map((part) => Number(part));
  return { day, month, year: Number.isFinite(year) ? year : undefined, start: token.startOffset, end: tokenEnd(token) };
}

/** `05-12-2026`, `05.12.2026`, and `15-11`, `05.6` where a date must stand. */
export function datePartsFromSeparated(token: IToken): DateParts {
  const [day, month, year] = token.image.split(/[-.]/).map(Number);
  return { day, month, year: Number.isFinite(year) ? year : undefined, start: token.startOffset, end: tokenEnd(token) };
}

/** `2025-11-15`, `2025-11-15T08:00`. */
export function datePartsFromIso(token: IToken): DateParts {
  const [year, month, day] = token.image.slice(0, 10).split('-').map(Number);
  return { day, month, year, start: token.startOffset, end: tokenEnd(token) };
}

// The CST children of each rule, by token name, LABEL or subrule name (see grammar.ts).
interface DocumentCtx {
  citation?: CstNode[];
  dateRange?: CstNode[];
  date?: CstNode[];
}
interface CitationCtx {
  docType?: IToken[];
  named?: IToken[];
  so?: IToken[];
  symbol: IToken[];
  dateValue?: CstNode[];
}
interface DateRangeCtx {
  lead?: IToken[];
  from: CstNode[];
  to: CstNode[];
  Den?: IToken[];
  Dash?: IToken[];
}
interface DateCtx {
  Ngay?: IToken[];
  dateValue?: CstNode[];
  Thang?: IToken[];
  MonthYear?: IToken[];
  month?: IToken[];
  year?: IToken[];
}
interface DateValueCtx {
  DateSlash?: IToken[];
  IsoDate?: IToken[];
  DateDash?: IToken[];
  DateDot?: IToken[];
  day?: IToken[];
  month?: IToken[];
  year?: IToken[];
}

const BaseVisitor = planGrammar.getBaseCstVisitorConstructor();

/** The type word that starts a NamedLaw token (tokens.ts), with the space after it. */
const NAMED_TYPE_WORD = /^(Bộ luật|Luật|Pháp lệnh)[ \t\u00a0\u200b]+/;

/** Stateless: one instance per process, like the grammar. */
class ElementVisitor extends BaseVisitor {
  constructor() {
    super();
    this.validateVisitor();
  }

  /** The entities in text order; the plain tokens (`Any`) are merged back by elementsInTextOrder. */
  document(ctx: DocumentCtx): Entity[] {
    const entities: Entity[] = [];
    for (const node of ctx.citation ?? []) entities.push(this.visit(node));
    for (const node of ctx.dateRange ?? []) entities.push(this.visit(node));
    for (const node of ctx.date ?? []) entities.push(this.visit(node));
    // CST children are grouped by rule; entities never overlap, so their starts order them.
    return entities.sort((a, b) => a.start - b.start);
  }

  citation(ctx: CitationCtx): Entity {
    const named = ctx.named?.[0];
    // A named law's token holds its type word and its name: the type word is what a type code matches.
    const typeWord = named ? NAMED_TYPE_WORD.exec(named.image)! : undefined;
    const docType = named ? { ...named, image: typeWord![1] } : ctx.docType![0];
    const name = named ? { start: named.startOffset + typeWord![0].length, end: tokenEnd(named) } : undefined;
    const symbol = ctx.symbol[0];
    const date: DateParts | undefined = ctx.dateValue ? this.visit(ctx.dateValue[0]) : undefined;
    return {
      kind: 'citation',
      start: docType.startOffset,
      end: date ? date.end : tokenEnd(symbol),
      docType,
      ...(name ? { name } : {}),
      so: ctx.so?.[0],
      symbol,
      date,
    };
  }

  dateRange(ctx: DateRangeCtx): Entity {
    const from: DateParts = this.visit(ctx.from[0]);
    const to: DateParts = this.visit(ctx.to[0]);
    // `15/11–15/12/2026`: the year written once holds for both ends; a range that crosses
    // New Year (`15/12–15/01/2027`) starts the year before.
    if (from.year === undefined && to.year !== undefined) {
      const crosses = from.month !== undefined && to.month !== undefined && from.month > to.month;
      from.year = crosses ? to.year - 1 : to.year;
      from.yearFrom = 'range';
    }
    return {
      kind: 'dateRange',
      start: ctx.lead?.[0]?.startOffset ?? from.start,
      end: to.end,
      from,
      to,
      through: /hết/.test(ctx.Den?.[0]?.image ?? ''),
    };
  }

  date(ctx: DateCtx): Entity {
    if (ctx.dateValue) {
      const value: DateParts = this.visit(ctx.dateValue[0]);
      const ngay = ctx.Ngay?.[0];
      return { kind: 'date', start: ngay ? ngay.startOffset : value.start, end: value.end, value, monthOnly: false };
    }
    const thang = ctx.Thang![0];
    if (ctx.MonthYear) {
      const token = ctx.MonthYear[0];
      const [month, year] = token.image.split('/').map(Number);
      return {
        kind: 'date',
        start: thang.startOffset,
        end: tokenEnd(token),
        value: { month, year, start: token.startOffset, end: tokenEnd(token) },
        monthOnly: true,
      };
    }
    const month = ctx.month![0];
    const year = ctx.year![0];
    return {
      kind: 'date',
      start: thang.startOffset,
      end: tokenEnd(year),
      value: { month: Number(month.image), year: Number(year.image), start: month.startOffset, end: tokenEnd(year) },
      monthOnly: true,
    };
  }

  dateValue(ctx: DateValueCtx): DateParts {
    if (ctx.DateSlash) return datePartsFromSlash(ctx.DateSlash[0]);
    if (ctx.IsoDate) return datePartsFromIso(ctx.IsoDate[0]);
    if (ctx.DateDash) return datePartsFromSeparated(ctx.DateDash[0]);
    if (ctx.DateDot) return datePartsFromSeparated(ctx.DateDot[0]);
    const day = ctx.day![0];
    const month = ctx.month![0];
    const year = ctx.year?.[0];
    return {
      day: Number(day.image),
      month: Number(month.image),
      year: year ? Number(year.image) : undefined,
      start: day.startOffset,
      end: tokenEnd(year ?? month),
    };
  }
}

export const elementVisitor = new ElementVisitor();

/**
 * Merges the entities (in text order) into the token stream: an entity replaces the tokens it
 * spans, which are consecutive and start where it starts.
 */
export function elementsInTextOrder(tokens: IToken[], entities: Entity[]): Element[] {
  const elements: Element[] = [];
  let e = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    const entity = entities[e];
    if (entity !== undefined && token.startOffset >= entity.start) {
      elements.push(entity);
      e++;
      while (t + 1 < tokens.length && tokens[t + 1].startOffset < entity.end) t++;
    } else {
      elements.push({ kind: 'token', token, start: token.startOffset, end: tokenEnd(token) });
    }
  }
  return elements;
}
