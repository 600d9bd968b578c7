import type { Citation, PlanDocument } from '../parse/ast.js';
import {
  authorityCode,
  isVerified,
  loadRegistry,
  lookupBySerialAuthority,
  type Registry,
  type RegistryDocument,
} from './registry.js';
import { formatDate, isFullIso, normalizeName, normalizeSymbol, type TextIndex } from './text.js';
import type { CitationFact, Finding } from './types.js';

const FULL_TYPE_WORD = /^[A-ZĐÀ-Ỹ][a-zđà-ỹ]+(\s+[a-zđà-ỹ]+)+$/;

function addIssue(fact: CitationFact, flag: string, finding: Finding): void {
  fact.issues ??= {};
  const existing = fact.issues[flag];
  if (!existing) fact.issues[flag] = finding;
  else fact.issues[flag] = Array.isArray(existing) ? [...existing, finding] : [existing, finding];
}

/** The type code a symbol carries: `NĐ` of `125/2021/NĐ-CP`, `QH` of `73/2006/QH11`, `CT` of `21-CT/TW`. */
function typeCodeOf(citation: Citation): string | undefined {
  const parsed = citation.parsedSymbol;
  if (!parsed) return undefined;
  if (parsed.isLaw) return authorityCode(parsed.authority);
  return parsed.typeCode;
}

/**
 * citation-symbol: the type word and the symbol's type code disagree (Nghị định 30/2020, Phụ lục III;
 * Luật 80/2015, Điều 10). Only known type words with a known code are compared: a công văn has none.
 */
function checkTypeCode(citation: Citation, fact: CitationFact, registry: Registry, index: TextIndex): void {
  const parsed = citation.parsedSymbol;
  const code = typeCodeOf(citation);
  if (!parsed || !code || !citation.symbol) return;
  const word = normalizeName(citation.docType);
  const expected = parsed.isParty ? registry.partyCodeByTypeWord.get(word) : undefined;
  const allowed = parsed.isParty ? (expected ? new Set([expected]) : undefined) : registry.codesByTypeWord.get(word);
  if (!allowed || allowed.size === 0 || allowed.has(code)) return;
  const finding: Finding = {
    messageId: 'typeCodeMismatch',
    position: citation.symbolPosition ?? citation.position,
    data: { typeWord: citation.docType, symbol: citation.symbol, code, expected: [...allowed].join(', ') },
  };
  // The registry knows a document with this number and authority whose type is the word written:
  // the symbol, not the word, is wrong (seed 003: "Nghị quyết số 28/NĐ-CP" is 28/NQ-CP).
  const candidates = lookupBySerialAuthority(registry, parsed.serial, authorityCode(parsed.authority)).filter(
    (entry) =>
      isVerified(entry) &&
      normalizeName(entry.type) === word &&
      (parsed.year === undefined || entry.number.includes(`/${parsed.year}/`)) &&
      (!citation.date?.iso || !isFullIso(citation.date.iso) || citation.date.iso === entry.date),
  );
  if (candidates.length === 1 && citation.symbolPosition) {
    const start = index.toNormalized(citation.symbolPosition.start.offset);
    const end = index.toNormalized(citation.symbolPosition.end.offset);
    finding.fix = index.fix(start, end, candidates[0].number);
    finding.data!.registry = candidates[0].number;
    finding.messageId = 'typeCodeRegistry';
  } else {
    finding.suggestions = typeCodeSuggestions(citation, code, allowed, registry, index);
  }
  addIssue(fact, 'citation-symbol', finding);
}

/**
 * Without the registry, either side may be the slip: offer both edits and let the writer pick.
 * `Nghị quyết số 45/NĐ-CP` → `45/NQ-CP`, or `Nghị định số 45/NĐ-CP`.
 */
function typeCodeSuggestions(
  citation: Citation,
  code: string,
  allowed: Set<string>,
  registry: Registry,
  index: TextIndex,
): Finding['suggestions'] {
  const suggestions: NonNullable<Finding['suggestions']> = [];
  const position = citation.symbolPosition;
  // A state-form symbol (`45/NĐ-CP`) can only take a state-form code: the law codes (QH, UBTVQH) need `N/YYYY/QHkk`.
  const stateCodes = [...allowed].filter((candidate) => !/^(QH|UBTVQH)$/.test(candidate));
  if (position && stateCodes.length === 1 && !citation.parsedSymbol?.isLaw) {
    const start = index.toNormalized(position.start.offset);
    const end = index.toNormalized(position.end.offset);
    const written = index.text.slice(start, end);
    const at = written.indexOf(code);
    if (at !== -1 && !/\n/.test(written)) {
      const replacement = stateCodes[0];
      const symbol = `${written.slice(0, at)}${replacement}${written.slice(at + code.length)}`;
      suggestions.push({ messageId: 'useSymbol', data: { symbol }, fix: index.fix(start + at, start + at + code.length, replacement) });
    }
  }
  const word = registry.typeWordByCode.get(code);
  if (word && citation.docTypePosition && !citation.parsedSymbol?.isParty) {
    const start = index.toNormalized(citation.docTypePosition.start.offset);
    const end = index.toNormalized(citation.docTypePosition.end.offset);
    suggestions.push({ messageId: 'useTypeWord', data: { typeWord: word }, fix: index.fix(start, end, word) });
  }
  return suggestions.length > 0 ? suggestions : undefined;
}

type IssuerVerdict = { ok: true } | { ok: false; expected: string; matchedLength: number; exact: boolean } | undefined;

/** Whether the normalised issuer starts with the normalised name, as a whole word. */
function startsWithName(issuer: string, name: string): boolean {
  if (!issuer.startsWith(name)) return false;
  const next = issuer.charAt(name.length);
  return next === '' || next === ' ' || next === ',';
}

/** Classifies the issuer as written against the authority its symbol names. */
function judgeIssuer(issuerText: string, code: string, registry: Registry): IssuerVerdict {
  const authority = registry.authorities.get(code);
  if (!authority) return undefined;
  const issuer = normalizeName(issuerText);
  const expected = authority.issuers[0];
  for (const wrong of authority.notIssuerNames) {
    if (startsWithName(issuer, wrong)) {
      return { ok: false, expected, matchedLength: wrong.length, exact: authority.match !== 'prefix' };
    }
  }
  if (authority.issuerNames.some((name) => startsWithName(issuer, name))) return { ok: true };
  // Another authority's name: a clear contradiction. A wording we do not know is left alone.
  for (const other of registry.authorities.values()) {
    if (other.code === code || other.kind !== authority.kind) continue;
    const name = other.issuerNames.find((candidate) => startsWithName(issuer, candidate));
    if (name && !authority.issuerNames.includes(name)) {
      return { ok: false, expected, matchedLength: name.length, exact: authority.match !== 'prefix' && other.match !== 'prefix' };
    }
  }
  return undefined;
}

/** citation-issuer: "Nghị định … của Thủ tướng Chính phủ" and the like. */
function checkIssuer(citation: Citation, fact: CitationFact, registry: Registry, index: TextIndex): void {
  const parsed = citation.parsedSymbol;
  if (!parsed || !citation.issuer?.position) return;
  const code = authorityCode(parsed.authority);
  if (!code) return;
  const verdict = judgeIssuer(citation.issuer.text, code, registry);
  if (!verdict || verdict.ok) return;
  const start = index.toNormalized(citation.issuer.position.start.offset);
  const end = start + verdict.matchedLength;
  const written = index.text.slice(start, end);
  const finding: Finding = {
    messageId: 'issuerMismatch',
    position: index.position(start, end),
    data: { issuer: written, symbol: citation.symbol ?? '', expected: verdict.expected },
  };
  if (verdict.exact && normalizeName(written) !== normalizeName(verdict.expected)) {
    // The symbol or the issuer may be the slip ("Nghị định … của Thủ tướng" may mean a Quyết định of
    // the Thủ tướng). Rewriting the issuer is certain only when the registry knows the symbol as a
    // verified document of that issuer; otherwise it is a suggestion.
    const known = citation.symbol ? registry.byNumber.get(normalizeSymbol(citation.symbol)) : undefined;
    const fix = index.fix(start, end, verdict.expected);
    if (known && isVerified(known) && normalizeName(known.issuer ?? '') === normalizeName(verdict.expected)) finding.fix = fix;
    else finding.suggestions = [{ messageId: 'useIssuer', data: { expected: verdict.expected }, fix }];
  }
  addIssue(fact, 'citation-issuer', finding);
}

/** citation-date: not a calendar date, after the plan's own date, or another year than the symbol's. */
function checkDate(citation: Citation, fact: CitationFact, planDate: string | undefined): void {
  const date = citation.date;
  if (!date) return;
  const position = date.position ?? citation.position;
  if (!date.valid) {
    addIssue(fact, 'citation-date', { messageId: 'invalidDate', position, data: { date: date.raw, symbol: citation.symbol ?? '' } });
    return;
  }
  if (isFullIso(date.iso) && isFullIso(planDate) && date.iso > planDate) {
    addIssue(fact, 'citation-date', {
      messageId: 'afterPlanDate',
      position,
      data: { date: formatDate(date.iso), planDate: formatDate(planDate), symbol: citation.symbol ?? '' },
    });
    return;
  }
  const symbolYear = citation.parsedSymbol?.year;
  if (symbolYear !== undefined && date.year !== undefined && symbolYear !== date.year) {
    addIssue(fact, 'citation-date', {
      messageId: 'symbolYearMismatch',
      position,
      data: { date: formatDate(date.iso), year: symbolYear, symbol: citation.symbol ?? '' },
    });
  }
}

/** citation-registry: a verified registry entry with this number, and the citation gives another date or issuer. */
function checkRegistry(citation: Citation, fact: CitationFact, entry: RegistryDocument | undefined): void {
  if (!entry || !isVerified(entry)) return;
  const date = citation.date;
  if (date?.valid && isFullIso(date.iso) && date.iso !== entry.date) {
    addIssue(fact, 'citation-registry', {
      messageId: 'dateMismatch',
      position: date.position ?? citation.position,
      data: { symbol: entry.number, date: formatDate(date.iso), expected: formatDate(entry.date), title: entry.title },
    });
  }
}

/**
 * citation-format: spaces inside a symbol (`56- KL/TU`, `1790/QĐ -TTg`), a Party document written in
 * the state form (`03/NQ-TU` for `03-NQ/TU`, Hướng dẫn 36-HD/VPTW), and a missing "số" (Nghị định
 * 30/2020, Phụ lục I, II.6.b). A line break inside a symbol is a hard wrap of the export, not a defect.
 */
function checkFormat(citation: Citation, fact: CitationFact, registry: Registry, index: TextIndex): void {
  const position = citation.symbolPosition;
  if (!position) return;
  const start = index.toNormalized(position.start.offset);
  const end = index.toNormalized(position.end.offset);
  const written = index.text.slice(start, end);
  // Most symbols have no space at all: no need to list the runs.
  const runs = /[ \t\u00a0]/.test(written) ? [...written.matchAll(/[ \t\u00a0]+/g)].filter((run) => !/\n/.test(run[0])) : [];
  if (runs.length > 0 && !/\n/.test(written)) {
    const first = runs[0].index ?? 0;
    const last = runs.at(-1)!;
    const lastEnd = (last.index ?? 0) + last[0].length;
    const replacement = written.slice(first, lastEnd).replace(/[ \t\u00a0]+/g, '');
    addIssue(fact, 'citation-format', {
      messageId: 'symbolSpaces',
      position: index.position(start, end),
      data: { symbol: written, expected: normalizeSymbol(written) },
      fix: index.fix(start + first, start + lastEnd, replacement),
    });
  }
  const parsed = citation.parsedSymbol;
  const body = authorityCode(parsed?.authority);
  if (parsed && !parsed.isParty && parsed.typeCode && body && registry.partyBodies.has(body) && parsed.year === undefined) {
    const expected = `${parsed.serial}-${parsed.typeCode}/${parsed.authority}`;
    addIssue(fact, 'citation-format', {
      messageId: 'partyStateForm',
      position: index.position(start, end),
      data: { symbol: citation.symbol ?? written, expected },
      fix: /\n/.test(written) ? undefined : index.fix(start, end, expected),
    });
  }
  if (!citation.hasSo && FULL_TYPE_WORD.test(citation.docType.normalize('NFC')) && !/^Luật$/i.test(citation.docType)) {
    addIssue(fact, 'citation-format', {
      messageId: 'missingSo',
      position: citation.docTypePosition ?? citation.position,
      data: { typeWord: citation.docType, symbol: citation.symbol ?? written },
      fix: index.fix(start, start, 'số '),
    });
  }
}

function isSameIssuer(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

interface SeenCitation {
  fact: CitationFact;
  citation: Citation;
}

/** Same document: same serial and type code, authorities equal once `&` and spaces go (`PGDĐT` = `PGD&ĐT`). */
function documentKey(citation: Citation): string | undefined {
  const parsed = citation.parsedSymbol;
  if (!parsed) return undefined;
  const authority = (parsed.authority ?? '').replace(/[&\s]/g, '').toUpperCase();
  return `${parsed.serial.replace(/^0+(?=\d)/, '')}|${parsed.typeCode ?? ''}|${parsed.year ?? ''}|${authority}|${parsed.isParty}`;
}

/**
 * citation-consistency: one document cited with different symbols or dates in one plan. Administrative
 * numbers restart every year, so two dates in different years are two documents, not an inconsistency.
 */
function checkConsistency(entries: SeenCitation[]): void {
  const first = new Map<string, SeenCitation>();
  for (const entry of entries) {
    const key = documentKey(entry.citation);
    if (!key) continue;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, entry);
      continue;
    }
    const a = earlier.citation;
    const b = entry.citation;
    const line = a.position?.start.line ?? 0;
    const sameYear = !a.date?.year || !b.date?.year || a.date.year === b.date.year;
    if (!sameYear) continue;
    // "55/KH-UBND của UBND huyện" and "55/KH-UBND của UBND tỉnh" are two documents; "Phòng Giáo dục và
    // Đào tạo" and "Phòng Giáo dục và Đào tạo huyện Quế Sơn" are one issuer, named shorter the second time.
    if (a.issuer && b.issuer && !isSameIssuer(a.issuer.text, b.issuer.text)) continue;
    if (a.symbol && b.symbol && normalizeSymbol(a.symbol) !== normalizeSymbol(b.symbol)) {
      addIssue(entry.fact, 'citation-consistency', {
        messageId: 'symbolVariant',
        position: b.symbolPosition ?? b.position,
        data: { symbol: normalizeSymbol(b.symbol), first: normalizeSymbol(a.symbol), line },
      });
    } else if (a.date?.valid && b.date?.valid && isFullIso(a.date.iso) && isFullIso(b.date.iso) && a.date.iso !== b.date.iso) {
      addIssue(entry.fact, 'citation-consistency', {
        messageId: 'dateVariant',
        position: b.date.position ?? b.position,
        data: { symbol: b.symbol ?? '', date: formatDate(b.date.iso), first: formatDate(a.date.iso), line },
      });
    }
  }
}

export function extractCitationFacts(document: PlanDocument, index: TextIndex, planDate: string | undefined): CitationFact[] {
  const registry = loadRegistry();
  const seen: SeenCitation[] = [];
  const facts = document.citations.map((citation) => {
    const entry = citation.symbol ? registry.byNumber.get(normalizeSymbol(citation.symbol)) : undefined;
    const fact: CitationFact = {
      docType: citation.docType,
      symbol: citation.symbol,
      symbolRaw: citation.symbolRaw,
      date: citation.date?.iso,
      issuer: citation.issuer?.text,
      inLegalBasis: citation.inLegalBasis,
      position: citation.position,
    };
    if (entry) {
      fact.registryNumber = entry.number;
      fact.registryVerified = isVerified(entry);
    }
    checkTypeCode(citation, fact, registry, index);
    checkIssuer(citation, fact, registry, index);
    checkDate(citation, fact, planDate);
    checkRegistry(citation, fact, entry);
    checkFormat(citation, fact, registry, index);
    seen.push({ fact, citation });
    return fact;
  });
  checkConsistency(seen);
  return facts;
}
