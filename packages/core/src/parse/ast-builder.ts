// CST visitor → elements in document order; then the AST: metadata, sections, entities.
import type { CstNode, IToken } from 'chevrotain';
import { planGrammar } from './grammar.js';

export interface DateParts {
  day?: number;
  month?: number;
  year?: number;
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
      so?: IToken;
      symbol: IToken;
      date?: DateParts;
    }
  | { kind: 'date'; start: number; end: number; value: DateParts; monthOnly: boolean }
  | { kind: 'dateRange'; start: number; end: number; from: DateParts; to: DateParts };

const BaseVisitor = planGrammar.getBaseCstVisitorConstructor();

function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

function firstToken(children: Record<string, (IToken | CstNode)[]>): number {
  let min = Infinity;
  for (const list of Object.values(children)) {
    for (const child of list) {
      const offset = 'image' in child ? child.startOffset : firstToken(child.children as never);
      if (offset < min) min = offset;
    }
  }
  return min;
}

function lastEnd(children: Record<string, (IToken | CstNode)[]>): number {
  let max = -1;
  for (const list of Object.values(children)) {
    for (const child of list) {
      const end = 'image' in child ? tokenEnd(child) : lastEnd(child.children as never);
      if (end > max) max = end;
    }
  }
  return max;
}

function partsFromSlash(token: IToken): DateParts {
  const [day, month, year] = token.image.split('/').map((part) => Number(part));
  return { day, month, year: Number.isFinite(year) ? year : undefined, start: token.startOffset, end: tokenEnd(token) };
}

/** Stateless: one instance per process, like the grammar. */
class ElementVisitor extends BaseVisitor {
  constructor() {
    super();
    this.validateVisitor();
  }

  document(ctx: Record<string, (IToken | CstNode)[]>): Element[] {
    const tokens = (ctx.Any ?? []) as IToken[];
    const entities: Element[] = [];
    for (const node of (ctx.citation ?? []) as CstNode[]) entities.push(this.visit(node));
    for (const node of (ctx.dateRange ?? []) as CstNode[]) entities.push(this.visit(node));
    for (const node of (ctx.date ?? []) as CstNode[]) entities.push(this.visit(node));
    // CST children are grouped by kind; the builder needs text order. Tokens are already in
    // order and entities are few, so merge rather than sort everything.
    entities.sort((a, b) => a.start - b.start);
    const elements: Element[] = new Array(tokens.length + entities.length);
    let t = 0;
    let e = 0;
    for (let i = 0; i < elements.length; i++) {
      if (e < entities.length && (t >= tokens.length || entities[e].start < tokens[t].startOffset)) {
        elements[i] = entities[e++];
      } else {
        const token = tokens[t++];
        elements[i] = { kind: 'token', token, start: token.startOffset, end: tokenEnd(token) };
      }
    }
    return elements;
  }

  citation(ctx: Record<string, (IToken | CstNode)[]>): Element {
    const docType = ctx.TypeWord[0] as IToken;
    const symbol = ctx.DocSymbol[0] as IToken;
    const date = ctx.dateValue ? (this.visit(ctx.dateValue[0] as CstNode) as DateParts) : undefined;
    return {
      kind: 'citation',
      start: docType.startOffset,
      end: lastEnd(ctx),
      docType,
      so: ctx.So?.[0] as IToken | undefined,
      symbol,
      date,
    };
  }

  dateRange(ctx: Record<string, (IToken | CstNode)[]>): Element {
    return {
      kind: 'dateRange',
      start: firstToken(ctx),
      end: lastEnd(ctx),
      from: partsFromSlash(ctx.from[0] as IToken),
      to: partsFromSlash(ctx.to[0] as IToken),
    };
  }

  date(ctx: Record<string, (IToken | CstNode)[]>): Element {
    if (ctx.MonthYear) {
      const token = ctx.MonthYear[0] as IToken;
      const [month, year] = token.image.split('/').map(Number);
      return {
        kind: 'date',
        start: firstToken(ctx),
        end: lastEnd(ctx),
        value: { month, year, start: token.startOffset, end: tokenEnd(token) },
        monthOnly: true,
      };
    }
    const value = this.visit(ctx.dateValue[0] as CstNode) as DateParts;
    return { kind: 'date', start: firstToken(ctx), end: lastEnd(ctx), value, monthOnly: false };
  }

  dateValue(ctx: Record<string, (IToken | CstNode)[]>): DateParts {
    if (ctx.DateSlash) return partsFromSlash(ctx.DateSlash[0] as IToken);
    if (ctx.IsoDate) {
      const token = ctx.IsoDate[0] as IToken;
      const [year, month, day] = token.image.slice(0, 10).split('-').map(Number);
      return { day, month, year, start: token.startOffset, end: tokenEnd(token) };
    }
    const day = ctx.day[0] as IToken;
    const year = ctx.year[0] as IToken;
    return {
      day: Number(day.image),
      month: Number((ctx.month[0] as IToken).image),
      year: Number(year.image),
      start: day.startOffset,
      end: tokenEnd(year),
    };
  }
}

export const elementVisitor = new ElementVisitor();
