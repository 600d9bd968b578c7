import type { SourceText } from '../decode/source-text.js';
import type { ParentFacts } from './types.js';
import type { PlanDocument, Position } from '../parse/ast.js';
import { extractActionMonthFacts, MENTION as ACTION_MONTH } from './action-month-facts.js';
import { blockSpans, blockStarts } from './blocks.js';
import { extractCitationFacts, ownSymbolFacts } from './citation-facts.js';
import { extractRecipientFacts, extractSignerFacts } from './closing-facts.js';
import { extractDeadlineByKind, extractDeadlineFacts, extractReportDeadlineFacts } from './deadline-facts.js';
import { bindingParent, extractParentCitationFacts, withDeadlineWording } from './parent.js';
import { periodNamed } from './period.js';
import { extractRepeatedWordFacts } from './repeated-word-facts.js';
import { extractBudgetFacts, extractEnumerationFacts, extractRoleFacts, extractSectionFacts } from './section-facts.js';
import { isFullIso, normalizeSymbol, TextIndex } from './text.js';
import type { MetadataFacts, PlanFacts } from './types.js';
import { extractTopicFacts } from './topic-facts.js';
import { buildTextFact } from './text-fact.js';
import { extractYearFacts, extractYearsUsed } from './year-facts.js';

export type * from './types.js';
export { parentFactsFromDocument } from './parent.js';
export { extractTopicFacts } from './topic-facts.js';

export interface FactOptions {
  parent?: ParentFacts | null;
  /** The config's topic, which overrides the one read from the plan. */
  topic?: string;
}

/** The first and last non-blank lines: where document-level findings go when the plan has no title. */
function edgeLines(index: TextIndex): { first: Position; last: Position } {
  const text = index.text;
  const firstStart = text.search(/\S/);
  const start = firstStart === -1 ? 0 : firstStart;
  const firstEndRaw = text.indexOf('\n', start);
  const firstEnd = firstEndRaw === -1 ? text.length : firstEndRaw;
  let lastEnd = text.length;
  while (lastEnd > 0 && /\s/.test(text[lastEnd - 1])) lastEnd--;
  const lastStart = text.lastIndexOf('\n', lastEnd - 1) + 1;
  return {
    first: index.position(start, Math.max(start, firstEnd)),
    last: index.position(Math.min(lastStart, lastEnd), lastEnd),
  };
}

/** "năm học 2026-2027" (or "2026 – 2027") in a title: the school year's second year, when it follows the first. */
function schoolYearEnd(title: string): number | undefined {
  const period = periodNamed(title);
  return period?.includes('-') ? Number(period.slice(5)) : undefined;
}

/** Every fact the rules read, computed once per document in plain functions. */
export function computeFacts(document: PlanDocument, source: SourceText, options: FactOptions = {}): PlanFacts {
  const index = new TextIndex(source);
  const edges = edgeLines(index);
  const meta = document.metadata;
  // What of the parent binds this plan (its deadline for plans binds plans of its own period only).
  const parent = bindingParent(withDeadlineWording(options.parent ?? null), periodNamed(meta.title?.text));
  const anchor = meta.title?.position ?? meta.docType?.position ?? edges.first;
  const metadata: MetadataFacts = {
    symbol: meta.symbol ? normalizeSymbol(meta.symbol.text) : undefined,
    date: meta.date && isFullIso(meta.date.iso) ? meta.date.iso : undefined,
    datePosition: meta.date?.position,
    year: meta.year,
    nextYear: meta.year === undefined ? undefined : meta.year + 1,
    schoolYearEnd: meta.title ? schoolYearEnd(meta.title.text) : undefined,
    forActionMonth: meta.title !== undefined && meta.title.text.search(ACTION_MONTH) !== -1,
    title: meta.title?.text,
    issuedWith: meta.issuedWith?.text,
    amends: amendedPlan(meta.title?.text),
    period: periodNamed(meta.title?.text),
    position: anchor,
    ...ownSymbolFacts(document),
  };
  const firstSection = document.sections[0]?.position?.start.offset ?? Number.POSITIVE_INFINITY;
  const blocks = blockSpans(document, index);
  const actionMonth = extractActionMonthFacts(document, index, blocks);
  const facts: PlanFacts = {
    metadata,
    topic: extractTopicFacts(document, options.topic),
    sections: extractSectionFacts(document),
    citations: extractCitationFacts(document, index),
    deadlines: extractDeadlineFacts(document, parent, metadata.period),
    deadlineByKind: extractDeadlineByKind(document),
    reportDeadlines: extractReportDeadlineFacts(document),
    actionMonth: actionMonth.facts,
    budget: extractBudgetFacts(document, index),
    roles: extractRoleFacts(document),
    enumerations: extractEnumerationFacts(document, index),
    repeatedWords: extractRepeatedWordFacts(index, blockStarts(blocks)),
    years: extractYearFacts(document, index, meta.year, actionMonth.clauses),
    yearsUsed: extractYearsUsed(document, index),
    recipients: extractRecipientFacts(document, index, edges.last),
    signer: extractSignerFacts(document, edges.last),
    parent,
    parentCitation: extractParentCitationFacts(document, parent, firstSection),
    anchor,
  } as PlanFacts;
  // Not enumerable: `inspect` and JSON copies of the facts leave the plan's text out.
  Object.defineProperty(facts, 'text', { value: buildTextFact(document, index, facts), enumerable: false });
  return facts;
}

/**
 * The plan an amending plan changes (`Điều chỉnh, bổ sung Kế hoạch số 52/KH-SGDĐT …` → `52/KH-SGDĐT`):
 * it says only what it changes, the plan it amends holds the rest.
 */
function amendedPlan(title: string | undefined): string | undefined {
  const amends = title === undefined ? null : /^[*_\s]*(?:điều\s+chỉnh|sửa\s+đổi)(?:\s*,?\s*bổ\s+sung)?(?:\s+một\s+số\s+nội\s+dung(?:\s+của)?)?\s+kế\s+hoạch\s+(?:số\s+)?(\d[^\s,;]*)/iu.exec(title);
  return amends ? normalizeSymbol(amends[1]) : undefined;
}
