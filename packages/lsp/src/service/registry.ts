import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRulesDir, readJsonText, withoutBom, type Locale } from '@plan-lint/core';
import { say } from '../locale.js';

/** One known document of `rules/registry/documents.json`, as hover and completion show it. */
export interface RegistryDocument {
  /** Type word: `Nghị định`, `Quyết định`, `Luật` … */
  type: string;
  /** Number and symbol: `125/2021/NĐ-CP`. */
  number: string;
  /** ISO date. */
  date?: string;
  issuer?: string;
  title?: string;
  /** `verified`, `verified (secondary)`, `partial`, `unverified`. */
  status: string;
}

export interface DocumentRegistry {
  documents: readonly RegistryDocument[];
  /** The entry whose number and symbol equal `symbol` (spaces and case ignored). */
  find(symbol: string | undefined): RegistryDocument | undefined;
  /** Entries of a type word (`nghị định` matches `Nghị định`). */
  ofType(typeWord: string): RegistryDocument[];
  /** Where it was read from, for the log. */
  origin?: string;
}

const REGISTRY_PATH = join('rules', 'registry', 'documents.json');

/**
 * Reads the registry once at start-up. It sits in the `rules/` folder core reads its built-in packs
 * from (else found upward from this file); `explicitPath` (initializationOptions.registryPath) or
 * PLAN_LINT_REGISTRY win for bundled installs. A missing or broken file leaves an empty registry:
 * hover and completion then say less, nothing else changes.
 */
export function loadRegistry(explicitPath?: string, log?: (message: string) => void, locale: Locale = 'vi'): DocumentRegistry {
  const path = explicitPath ?? process.env.PLAN_LINT_REGISTRY ?? besideBuiltinPacks() ?? findUpward(moduleDir());
  if (!path) {
    log?.(
      say(
        locale,
        `danh mục văn bản: không tìm thấy ${REGISTRY_PATH}; gợi ý khi rê chuột và khi gõ trích dẫn vẫn chạy, không có danh mục.`,
        `registry: ${REGISTRY_PATH} not found; citation hover and completion work without it.`,
      ),
    );
    return createRegistry([]);
  }
  try {
    const parsed: unknown = JSON.parse(withoutBom(readJsonText(path, 'The registry')));
    const list = isRecord(parsed) && Array.isArray(parsed.documents) ? parsed.documents : [];
    return createRegistry(list.flatMap(toRegistryDocument), path);
  } catch (error) {
    log?.(
      say(
        locale,
        `danh mục văn bản: không đọc được ${path}: ${(error as Error).message}; gợi ý khi rê chuột và khi gõ trích dẫn vẫn chạy, không có danh mục.`,
        `registry: cannot read ${path}: ${(error as Error).message}; citation hover and completion work without it.`,
      ),
    );
    return createRegistry([]);
  }
}

export function createRegistry(documents: RegistryDocument[], origin?: string): DocumentRegistry {
  const bySymbol = new Map<string, RegistryDocument>();
  for (const document of documents) bySymbol.set(symbolKey(document.number), document);
  return {
    documents,
    origin,
    find: (symbol) => (symbol ? bySymbol.get(symbolKey(symbol)) : undefined),
    ofType: (typeWord) => {
      const wanted = typeWord.normalize('NFC').toLocaleLowerCase('vi');
      return documents.filter((document) => document.type.normalize('NFC').toLocaleLowerCase('vi') === wanted);
    },
  };
}

export function symbolKey(symbol: string): string {
  return symbol.normalize('NFC').replace(/\s+/g, '').toLocaleUpperCase('vi');
}

function besideBuiltinPacks(): string | undefined {
  try {
    const candidate = join(builtinRulesDir(), 'registry', 'documents.json');
    return existsSync(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/** This module's folder; a CommonJS bundle (the VS Code extension's) may have no import.meta.url. */
function moduleDir(): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return typeof __dirname === 'string' ? __dirname : undefined;
  }
}

function findUpward(start: string | undefined): string | undefined {
  if (!start) return undefined;
  let dir = start;
  for (;;) {
    const candidate = join(dir, REGISTRY_PATH);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function toRegistryDocument(raw: unknown): RegistryDocument[] {
  if (!isRecord(raw) || typeof raw.type !== 'string' || typeof raw.number !== 'string') return [];
  return [
    {
      type: raw.type,
      number: raw.number,
      date: typeof raw.date === 'string' ? raw.date : undefined,
      issuer: typeof raw.issuer === 'string' ? raw.issuer : undefined,
      title: typeof raw.title === 'string' ? raw.title : undefined,
      status: typeof raw.status === 'string' ? raw.status : 'unverified',
    },
  ];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
