import path from 'node:path';
import { builtinRulesDir } from '../shared/rules-dir.js';
import { readJsonText, withoutBom } from '../shared/read-file.js';
import { rememberedBy } from '../shared/remember.js';
import { normalizeName, normalizeSymbol } from './text.js';

export interface RegistryDocument {
  type: string;
  number: string;
  date: string;
  issuer: string;
  title: string;
  status: string;
  aliases?: string[];
}

interface TypeIssuerRow {
  typeWords: string[];
  codes: string[];
  authorities: string[];
  authorityPattern?: string;
  form: 'law' | 'state';
}

interface AuthorityRow {
  code: string;
  kind: string;
  issuers: string[];
  notIssuers?: string[];
  match?: 'prefix';
}

/** An authority with its issuer names normalised once (normalizeName), as citations are compared with them. */
export interface Authority extends AuthorityRow {
  issuerNames: string[];
  notIssuerNames: string[];
}

interface TypeCodes {
  administrativeTypes: { types: Array<{ typeWord: string; code?: string }> };
  typeIssuers: { rows: TypeIssuerRow[] };
  authorities: AuthorityRow[];
  partyForms: { types: Array<{ typeWord: string; code: string }>; bodies: string[] };
}

/** The registry of known documents and the type-code/issuer tables (rules/registry/, §2.3, §7). */
export interface Registry {
  /** Normalised full number (`125/2021/NĐ-CP`) → entry. */
  byNumber: Map<string, RegistryDocument>;
  /** Serial + authority (`28|CP`) → entries, to recognise a symbol written with the wrong type code. */
  bySerialAuthority: Map<string, RegistryDocument[]>;
  /** Type word (lowercase) → type codes its symbol may carry (state form). */
  codesByTypeWord: Map<string, Set<string>>;
  /** Administrative type code → its type word as written in Phụ lục III (`NĐ` → `Nghị định`). */
  typeWordByCode: Map<string, string>;
  /** Type word (lowercase) → Party type code. */
  partyCodeByTypeWord: Map<string, string>;
  partyBodies: Set<string>;
  authorities: Map<string, Authority>;
}

let cached: Registry | undefined;

/** Entries whose status starts with `verified` may raise errors; `partial` and `unverified` never do. */
export function isVerified(document: RegistryDocument): boolean {
  return document.status.startsWith('verified');
}

/** First authority group of a symbol's authority part: `CP` of `NĐ-CP`, `QH` of `QH13`, `BGDĐT` of `BGDĐT-GDTH`. */
export function authorityCode(authority: string | undefined): string | undefined {
  if (!authority) return undefined;
  return authorityCodeOf(authority);
}

// Remembered: each citation asks up to four times, and a corpus has few distinct authorities.
const authorityCodeOf = rememberedBy((authority) => {
  const first = authority.split('-')[0];
  const law = /^(UBTVQH|QH)\d*$/.exec(first);
  return law ? law[1] : first;
});

function serialOf(number: string): string {
  return number.split(/[-/]/)[0].replace(/^0+(?=\d)/, '');
}

/** rules/registry/documents.json of the installed core (or of the repository). */
export function registryDocumentsPath(): string {
  return path.join(builtinRulesDir(), 'registry', 'documents.json');
}

/**
 * The documents of a registry file (default: the built-in one), read within the JSON size limit:
 * the one reader of documents.json, for the facts and for the language server's hover.
 */
export function readRegistryDocuments(filePath = registryDocumentsPath()): RegistryDocument[] {
  const parsed = JSON.parse(withoutBom(readJsonText(filePath, 'The registry'))) as { documents?: unknown } | null;
  return parsed && Array.isArray(parsed.documents) ? (parsed.documents as RegistryDocument[]) : [];
}

export function loadRegistry(): Registry {
  if (cached) return cached;
  const documents = readRegistryDocuments();
  const codes = JSON.parse(withoutBom(readJsonText(path.join(builtinRulesDir(), 'registry', 'type-codes.json'), 'The type codes'))) as TypeCodes;
  const byNumber = new Map<string, RegistryDocument>();
  const bySerialAuthority = new Map<string, RegistryDocument[]>();
  for (const document of documents) {
    const number = normalizeSymbol(document.number);
    byNumber.set(number, document);
    const authority = authorityCode(number.split('/').at(-1)?.split('-').at(-1));
    const key = `${serialOf(number)}|${authority}`;
    bySerialAuthority.set(key, [...(bySerialAuthority.get(key) ?? []), document]);
  }
  const codesByTypeWord = new Map<string, Set<string>>();
  const addCode = (word: string, code: string) => {
    const key = normalizeName(word);
    const set = codesByTypeWord.get(key) ?? new Set<string>();
    set.add(code);
    codesByTypeWord.set(key, set);
  };
  for (const type of codes.administrativeTypes.types) if (type.code) addCode(type.typeWord, type.code);
  for (const row of codes.typeIssuers.rows) for (const word of row.typeWords) for (const code of row.codes) addCode(word, code);
  const typeWordByCode = new Map<string, string>();
  for (const type of codes.administrativeTypes.types) if (type.code && !typeWordByCode.has(type.code)) typeWordByCode.set(type.code, type.typeWord);
  for (const row of codes.typeIssuers.rows) {
    if (row.form !== 'state' || row.typeWords.length !== 1) continue;
    for (const code of row.codes) if (!typeWordByCode.has(code)) typeWordByCode.set(code, row.typeWords[0]);
  }
  const partyCodeByTypeWord = new Map(codes.partyForms.types.map((type) => [normalizeName(type.typeWord), type.code]));
  cached = {
    byNumber,
    bySerialAuthority,
    codesByTypeWord,
    typeWordByCode,
    partyCodeByTypeWord,
    partyBodies: new Set(codes.partyForms.bodies),
    authorities: new Map(
      codes.authorities.map((row) => [
        row.code,
        { ...row, issuerNames: row.issuers.map(normalizeName), notIssuerNames: (row.notIssuers ?? []).map(normalizeName) },
      ]),
    ),
  };
  return cached;
}

export function lookupBySerialAuthority(registry: Registry, serial: string, authority: string | undefined): RegistryDocument[] {
  return registry.bySerialAuthority.get(`${serial.replace(/^0+(?=\d)/, '')}|${authority}`) ?? [];
}
