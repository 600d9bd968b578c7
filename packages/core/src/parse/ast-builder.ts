// Elements in text order: the grammar's entities, and the plain tokens between them.
import type { IToken } from 'chevrotain';

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

export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** `15/11`, `15/11/2025`. */
export function datePartsFromSlash(token: IToken): DateParts {
  const [day, month, year] = token.image.split('/').map((part) => Number(part));
  return { day, month, year: Number.isFinite(year) ? year : undefined, start: token.startOffset, end: tokenEnd(token) };
}

/** `2025-11-15`, `2025-11-15T08:00`. */
export function datePartsFromIso(token: IToken): DateParts {
  const [year, month, day] = token.image.slice(0, 10).split('-').map(Number);
  return { day, month, year, start: token.startOffset, end: tokenEnd(token) };
}

/**
 * Merges the entities (in text order) into the token stream: an entity replaces the tokens it
 * spans, which are consecutive and start where it starts.
 */
export function elementsInTextOrder(tokens: IToken[], entities: Exclude<Element, { kind: 'token' }>[]): Element[] {
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
