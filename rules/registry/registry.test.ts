import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

interface RegistryDocument {
  type: string;
  number: string;
  symbol: string;
  date: string;
  issuer: string;
  issuerAliases?: string[];
  title: string;
  aliases?: string[];
  status: 'verified' | 'verified (secondary)' | 'partial' | 'unverified';
  source: string;
  note?: string;
}

interface TypeIssuerRow {
  typeWords: string[];
  codes: string[];
  authorities: string[];
  authorityPattern?: string;
}

interface Authority {
  code: string;
  issuers: string[];
  notIssuers?: string[];
  match?: 'exact' | 'prefix';
}

const readJson = (name: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), 'utf8'));

const registry = readJson('documents.json') as { documents: RegistryDocument[] };
const typeCodes = readJson('type-codes.json') as {
  administrativeTypes: { types: { typeWord: string; code: string }[] };
  authorities: Authority[];
  typeIssuers: { rows: TypeIssuerRow[] };
};

// A URL, or owner/repo:path (the code corpus), or — for entries that are not verified — a note on where the values come from.
const PRIMARY_SOURCE = /(https?:\/\/\S+|[\w.-]+\/[\w.-]+:\S+)/;

function compile(schemaFile: string) {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  return ajv.compile(readJson(schemaFile) as object);
}

function splitSymbol(number: string): { year?: number; code?: string; authority?: string; isParty: boolean } {
  const party = /^\d+-([^/]+)\/(.+)$/.exec(number);
  if (party) return { code: party[1], authority: party[2], isParty: true };
  const parts = number.split('/');
  const year = parts.length === 3 ? Number(parts[1]) : undefined;
  const tail = parts[parts.length - 1] ?? '';
  if (/^(QH|UBTVQH)\d+$/.test(tail)) return { year, code: tail.replace(/\d+$/, ''), authority: tail.replace(/\d+$/, ''), isParty: false };
  const dash = tail.indexOf('-');
  return { year, code: tail.slice(0, dash), authority: tail.slice(dash + 1), isParty: false };
}

describe('registry of known documents', () => {
  it('validates against registry.schema.json', () => {
    const validate = compile('registry.schema.json');
    expect(validate(registry), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('has a source (URL or owner/repo:path) for every verified entry', () => {
    const verified = registry.documents.filter((d) => d.status === 'verified' || d.status === 'verified (secondary)');
    expect(verified.length).toBeGreaterThan(20);
    const withoutSource = verified.filter((d) => !PRIMARY_SOURCE.test(d.source)).map((d) => d.number);
    expect(withoutSource).toEqual([]);
  });

  it('lists each document once and writes everything in NFC', () => {
    const numbers = registry.documents.map((d) => d.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const text = readFileSync(fileURLToPath(new URL('./documents.json', import.meta.url)), 'utf8');
    expect(text === text.normalize('NFC')).toBe(true);
  });

  it('ends each number with its symbol, and a year in the number equals the year of the date', () => {
    for (const d of registry.documents) {
      expect(d.number.endsWith(d.symbol), d.number).toBe(true);
      const { year } = splitSymbol(d.number);
      if (year !== undefined) expect(year, d.number).toBe(Number(d.date.slice(0, 4)));
    }
  });

  it('agrees with the issuer table: each type word, type code and issuer fits a row of type-codes.json', () => {
    const authorities = new Map(typeCodes.authorities.map((a) => [a.code, a]));
    const rows = typeCodes.typeIssuers.rows;
    const misfits: string[] = [];
    for (const d of registry.documents) {
      const { code, authority, isParty } = splitSymbol(d.number);
      if (isParty || d.type === 'Công văn') continue; // Party forms and công văn carry no state type code
      const row = rows.find((r) => r.typeWords.includes(d.type) && r.codes.includes(code ?? ''));
      if (!row) {
        misfits.push(`${d.number}: no row for ${d.type} with code ${code}`);
        continue;
      }
      const allowed = row.authorities.includes(authority ?? '') || (row.authorityPattern !== undefined && new RegExp(row.authorityPattern).test(authority ?? ''));
      if (!allowed) misfits.push(`${d.number}: ${authority} may not issue a ${d.type}`);
      const known = authorities.get(authority ?? '');
      if (known && !known.issuers.some((w) => d.issuer.startsWith(w))) misfits.push(`${d.number}: issuer "${d.issuer}" is not one of ${known.issuers.join(', ')}`);
    }
    expect(misfits).toEqual([]);
  });
});

describe('type codes (Nghị định 30/2020 Phụ lục III) and issuers', () => {
  it('validates against type-codes.schema.json', () => {
    const validate = compile('type-codes.schema.json');
    expect(validate(typeCodes), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('has the 27 type codes of Phụ lục III Mục I, each once', () => {
    const codes = typeCodes.administrativeTypes.types.map((t) => t.code);
    expect(codes).toHaveLength(27);
    expect(new Set(codes).size).toBe(27);
    expect(typeCodes.administrativeTypes.types.find((t) => t.typeWord === 'Kế hoạch')?.code).toBe('KH');
    expect(typeCodes.administrativeTypes.types.find((t) => t.typeWord === 'Quy định')?.code).toBe('QyĐ');
  });

  it('names Chính phủ, never the Thủ tướng, as the issuer of a Nghị định', () => {
    const row = typeCodes.typeIssuers.rows.find((r) => r.typeWords.includes('Nghị định'));
    expect(row?.authorities).toEqual(['CP']);
    const cp = typeCodes.authorities.find((a) => a.code === 'CP');
    expect(cp?.issuers).toEqual(['Chính phủ']);
    expect(cp?.notIssuers).toContain('Thủ tướng Chính phủ');
  });

  it('gives every authority a row uses an entry in the authority list', () => {
    const known = new Set(typeCodes.authorities.map((a) => a.code));
    const missing = typeCodes.typeIssuers.rows.flatMap((r) => r.authorities).filter((a) => !known.has(a));
    expect(missing).toEqual([]);
  });
});
