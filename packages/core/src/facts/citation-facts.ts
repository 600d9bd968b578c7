import type { Citation, ParsedSymbol, PlanDocument } from '../parse/ast.js';
import {
  authorityCode,
  isVerified,
  loadRegistry,
  lookupBySerialAuthority,
  type Registry,
} from './registry.js';
import { isFullIso, normalizeName, normalizeSymbol, type TextIndex } from './text.js';
import type { CitationFact, MetadataFacts, Suggestion } from './types.js';
import { parseSymbol } from '../parse/index.js';

const FULL_TYPE_WORD = /^[A-ZĐÀ-Ỹ][a-zđà-ỹ]+(\s+[a-zđà-ỹ]+)+$/;

/** The type code a symbol carries: `NĐ` of `125/2021/NĐ-CP`, `QH` of `73/2006/QH11`, `CT` of `21-CT/TW`. */
/**
 * The type code a symbol carries: a known code (`KH` in `45/KH-UBND`), a law's authority, or, where
 * the type word has codes of its own, what stands in the code's place (`KHH` in `Kế hoạch số
 * 45/KHH-UBND`, `UBND` in `45/UBND-VX`: a Kế hoạch's symbol is `số/KH-cơ quan`, Nghị định 30/2020,
 * Phụ lục I, II.3.b). A công văn's symbol has no code (`05/BNV-VP`): none is read there.
 */
export function typeCodeWritten(parsed: ParsedSymbol | undefined, allowed: ReadonlySet<string> | undefined): string | undefined {
  if (!parsed) return undefined;
  if (parsed.isLaw) return authorityCode(parsed.authority);
  if (parsed.typeCode || parsed.isParty || !allowed || allowed.size === 0) return parsed.typeCode;
  return parsed.authority === undefined ? undefined : CODE_IN_PLACE.exec(parsed.authority)?.[1];
}

/** `KHH-UBND`: letters before a dash, where a type code stands. */
const CODE_IN_PLACE = /^([A-ZĐ][A-Za-zĐđ]{0,5})-/;

/**
 * What citation-symbol compares (Nghị định 30/2020, Phụ lục III; Luật 80/2015, Điều 10): the type code
 * the symbol carries and the codes the type word written may carry (none known for a công văn). Where
 * they differ, the core also works out the edits: the registry's own number for this document when it
 * knows exactly one of the type written (a certain fix), else both edits as suggestions.
 */
function observeTypeCode(citation: Citation, fact: CitationFact, registry: Registry, index: TextIndex): void {
  const parsed = citation.parsedSymbol;
  if (!parsed || !citation.symbol) return;
  const word = normalizeName(citation.docType);
  const expected = parsed.isParty ? registry.partyCodeByTypeWord.get(word) : undefined;
  const allowed = parsed.isParty ? (expected ? new Set([expected]) : undefined) : registry.codesByTypeWord.get(word);
  const code = typeCodeWritten(parsed, allowed);
  if (!code) return;
  fact.typeCode = code;
  fact.typeCodesOfWord = allowed ? [...allowed] : [];
  if (!allowed || allowed.size === 0 || allowed.has(code)) return;
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
    fact.registrySymbol = candidates[0].number;
    fact.registrySymbolFix = index.fix(start, end, candidates[0].number);
  } else {
    fact.typeCodeSuggestions = typeCodeSuggestions(citation, code, allowed, registry, index);
  }
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
): Suggestion[] | undefined {
  const suggestions: Suggestion[] = [];
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

interface NamedAuthority {
  /** The authority the issuer names: the symbol's own code, another's, or the name itself when only the symbol's table lists it as not its issuer. */
  code: string;
  /** The symbol's authority's issuer, as people write it. */
  expected: string;
  matchedLength: number;
  /** Whether both names are whole names (not a prefix followed by a level and place, as UBND tỉnh …). */
  exact: boolean;
}

/** Whether the normalised issuer starts with the normalised name, as a whole word. */
function startsWithName(issuer: string, name: string): boolean {
  if (!issuer.startsWith(name)) return false;
  const next = issuer.charAt(name.length);
  return next === '' || next === ' ' || next === ',';
}

/** The authority the issuer as written names, by the registry's names; undefined when it names none the registry knows. */
function namedAuthority(issuerText: string, code: string, registry: Registry): NamedAuthority | undefined {
  const authority = registry.authorities.get(code);
  if (!authority) return undefined;
  const issuer = normalizeName(issuerText);
  const expected = authority.issuers[0];
  for (const wrong of authority.notIssuerNames) {
    if (startsWithName(issuer, wrong)) {
      const owner = [...registry.authorities.values()].find((other) => other.code !== code && other.issuerNames.includes(wrong));
      return { code: owner?.code ?? wrong, expected, matchedLength: wrong.length, exact: authority.match !== 'prefix' };
    }
  }
  const own = authority.issuerNames.find((name) => startsWithName(issuer, name));
  if (own) return { code, expected, matchedLength: own.length, exact: authority.match !== 'prefix' };
  for (const other of registry.authorities.values()) {
    if (other.code === code || other.kind !== authority.kind) continue;
    const name = other.issuerNames.find((candidate) => startsWithName(issuer, candidate));
    if (name && !authority.issuerNames.includes(name)) {
      return { code: other.code, expected, matchedLength: name.length, exact: authority.match !== 'prefix' && other.match !== 'prefix' };
    }
  }
  return undefined;
}

/**
 * Where a name the registry matched ends in the text, from `start`: the registry compares names with
 * their spaces collapsed (normalizeName), and a plan may write one over a wrapped line or with two
 * spaces ("Thủ tướng\n    Chính phủ"), so the end is found by counting the name's other characters,
 * which normalizeName keeps one for one (it changes case, tone placement and spaces only).
 */
function endOfName(text: string, start: number, name: string): number {
  let left = name.replace(/\s/g, '').length;
  let at = start;
  while (left > 0 && at < text.length) {
    if (!/\s/.test(text[at])) left--;
    at++;
  }
  return at;
}

/**
 * What citation-issuer compares: the authority the symbol names (`CP` of `NĐ-CP`) and
 * the one the issuer as written names, read from the start of the issuer with the registry's names
 * (`Thủ tướng Chính phủ` names the Thủ tướng, which a Nghị định's table lists as not its issuer). A
 * wording the registry does not know names nothing. The edit to the expected issuer is a fix only when
 * the registry knows the symbol as a verified document of that issuer, else a suggestion.
 */
function observeIssuer(citation: Citation, fact: CitationFact, registry: Registry, index: TextIndex): void {
  const parsed = citation.parsedSymbol;
  if (!parsed || !citation.issuer?.position) return;
  const code = authorityCode(parsed.authority);
  if (!code) return;
  const named = namedAuthority(citation.issuer.text, code, registry);
  if (!named) return;
  fact.authority = code;
  fact.issuerAuthority = named.code;
  fact.expectedIssuer = named.expected;
  const start = index.toNormalized(citation.issuer.position.start.offset);
  const end = endOfName(index.text, start, normalizeName(citation.issuer.text).slice(0, named.matchedLength));
  const written = index.text.slice(start, end);
  // Quoted in messages: a name written over a wrapped line is quoted on one line.
  fact.issuerWritten = written.replace(/\s+/g, ' ');
  fact.issuerPosition = index.position(start, end);
  if (named.code === code || !named.exact || normalizeName(written) === normalizeName(named.expected)) return;
  // The symbol or the issuer may be the slip ("Nghị định … của Thủ tướng" may mean a Quyết định of
  // the Thủ tướng): rewriting the issuer is certain only when the registry vouches for it.
  const known = citation.symbol ? registry.byNumber.get(normalizeSymbol(citation.symbol)) : undefined;
  const fix = index.fix(start, end, named.expected);
  if (known && isVerified(known) && normalizeName(known.issuer ?? '') === normalizeName(named.expected)) fact.issuerFix = fix;
  else fact.issuerSuggestions = [{ messageId: 'useIssuer', data: { expected: named.expected }, fix }];
}

/** The citation's date as written and read (citation-date, citation-registry, citation-consistency compare it). */
function observeDate(citation: Citation, fact: CitationFact): void {
  const date = citation.date;
  if (!date) return;
  fact.dateRaw = date.raw;
  fact.dateValid = date.valid;
  fact.datePosition = date.position ?? citation.position;
  if (date.year !== undefined) fact.dateYear = date.year;
  if (date.valid && isFullIso(date.iso)) fact.fullDate = date.iso;
}

/**
 * What citation-format reads (Nghị định 30/2020, Phụ lục I, II.6.b): the symbol exactly as written, and
 * the edits its form would take: spaces out (a line break inside a symbol is a hard wrap of the
 * export, not a space), the Party form of a Party body's symbol written in the state form (`03/NQ-TU`
 * → `03-NQ/TU`), and "số " before it.
 */
function observeForm(citation: Citation, fact: CitationFact, registry: Registry, index: TextIndex): void {
  fact.hasSo = citation.hasSo;
  fact.typeWordInFull = FULL_TYPE_WORD.test(citation.docType.normalize('NFC'));
  if (citation.docTypePosition) fact.docTypePosition = citation.docTypePosition;
  const position = citation.symbolPosition;
  if (!position) return;
  const start = index.toNormalized(position.start.offset);
  const end = index.toNormalized(position.end.offset);
  const written = index.text.slice(start, end);
  fact.symbolWritten = written;
  fact.symbolCompact = normalizeSymbol(written);
  fact.symbolPosition = index.position(start, end);
  fact.insertSoFix = index.fix(start, start, 'số ');
  // Most symbols have no space at all: no need to list the runs.
  const runs = /[ \t\u00a0]/.test(written) ? [...written.matchAll(/[ \t\u00a0]+/g)].filter((run) => !/\n/.test(run[0])) : [];
  if (runs.length > 0 && !/\n/.test(written)) {
    const first = runs[0].index ?? 0;
    const last = runs.at(-1)!;
    const lastEnd = (last.index ?? 0) + last[0].length;
    fact.symbolSpacesFix = index.fix(start + first, start + lastEnd, written.slice(first, lastEnd).replace(/[ \t\u00a0]+/g, ''));
  }
  const parsed = citation.parsedSymbol;
  const body = authorityCode(parsed?.authority);
  fact.form = parsed?.isParty ? 'party' : parsed?.isLaw ? 'law' : 'state';
  fact.partyBody = Boolean(body && registry.partyBodies.has(body));
  if (parsed?.typeCode && fact.partyBody) {
    fact.partyForm = `${parsed.serial}-${parsed.typeCode}/${parsed.authority}`;
    if (!/\n/.test(written)) fact.partyFormFix = index.fix(start, end, fact.partyForm);
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
 * What citation-consistency compares: the first earlier citation of the same document. Administrative
 * numbers restart every year, so a citation dated in another year is another document; "55/KH-UBND của
 * UBND huyện" and "… của UBND tỉnh" are two documents, while "Phòng Giáo dục và Đào tạo" and "Phòng
 * Giáo dục và Đào tạo huyện Quế Sơn" are one issuer, named shorter the second time.
 */
function observeEarlier(entries: SeenCitation[]): void {
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
    const sameYear = !a.date?.year || !b.date?.year || a.date.year === b.date.year;
    if (!sameYear) continue;
    if (a.issuer && b.issuer && !isSameIssuer(a.issuer.text, b.issuer.text)) continue;
    entry.fact.earlier = {
      symbol: a.symbol ? normalizeSymbol(a.symbol) : undefined,
      fullDate: earlier.fact.fullDate,
      line: a.position?.start.line ?? 0,
    };
  }
}

/** Every citation with what the citation-* rules compare: facts observe, the van-ban pack judges. */
export function extractCitationFacts(document: PlanDocument, index: TextIndex): CitationFact[] {
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
    if (citation.symbol) fact.symbolNormalized = normalizeSymbol(citation.symbol);
    if (citation.parsedSymbol?.year !== undefined) fact.symbolYear = citation.parsedSymbol.year;
    if (entry) {
      fact.registryNumber = entry.number;
      fact.registryVerified = isVerified(entry);
      fact.registry = { number: entry.number, type: entry.type, date: entry.date, issuer: entry.issuer, title: entry.title, verified: isVerified(entry) };
    }
    observeDate(citation, fact);
    observeTypeCode(citation, fact, registry, index);
    observeIssuer(citation, fact, registry, index);
    observeForm(citation, fact, registry, index);
    seen.push({ fact, citation });
    return fact;
  });
  observeEarlier(seen);
  return facts;
}

/**
 * What citation-symbol compares in the plan's own header, as for a citation: the type code its symbol
 * carries (`Số: 21/KHH-THTS` under `KẾ HOẠCH`) and the codes its type word may carry.
 */
export function ownSymbolFacts(document: PlanDocument): Pick<MetadataFacts, 'docType' | 'symbolTypeCode' | 'typeCodesOfWord' | 'symbolPosition'> {
  const { docType, symbol } = document.metadata;
  if (!docType || !symbol) return {};
  const allowed = loadRegistry().codesByTypeWord.get(normalizeName(docType.text));
  const code = typeCodeWritten(parseSymbol(symbol.text.trim()), allowed);
  if (!code || !allowed) return {};
  return { docType: docType.text, symbolTypeCode: code, typeCodesOfWord: [...allowed], symbolPosition: symbol.position };
}
