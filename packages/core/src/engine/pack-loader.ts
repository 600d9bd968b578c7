import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { parseJsonFile, positionOfPointer, schemaError, type JsonFile } from '../shared/json-file.js';
import { packSchemaValidator, ruleSchemaValidator } from '../shared/schema-validators.js';
import { PlanLintInputError } from '../shared/errors.js';
import { formatMegabytes, readBoundedFile, readBoundedFileAsync, readJsonText, sizeOverLimit, withoutBom } from '../shared/read-file.js';
import { BUILTIN_PACKS, builtinPackPath, builtinRulesDir, isBuiltinPackName, type BuiltinPackName } from './builtin-packs.js';
import { ITEM_FACT } from './evaluator.js';
import { patternError } from './operators.js';
import { checksOf, type LoadedPack, type PackFileJson, type PackJson, type PackRule } from './pack-types.js';
import { closestName } from '../shared/did-you-mean.js';
import { ownTempPath } from '../shared/temp-file.js';

/** A pack reference as a config or an `extends` writes it. */
export type PackRef = string | { url: string; integrity: string };

export interface PackLoadOptions {
  /** Folder relative paths and npm names are resolved from. */
  baseDir?: string;
  /** Where fetched URL packs are kept; default `<baseDir>/.plan-lint-cache`. */
  cacheDir?: string;
  /** Where fetched URL packs are recorded; default `<baseDir>/plan-lint.lock.json`. */
  lockfilePath?: string;
  /** Injected in tests; default the global fetch. */
  fetch?: typeof fetch;
  /** Network timeout for a URL pack, default 10 s. */
  timeoutMs?: number;
  /** False in an untrusted workspace: URL packs come from the cache only, never from the network. */
  allowNetwork?: boolean;
  /** Rewrite plan-lint.lock.json where it differs from the URL packs in use (`--update-lock`); otherwise a difference is an error. */
  updateLock?: boolean;
}

/** The schema's maxItems for "rules" (a test keeps the two equal), checked on the text before it is parsed. */
export const MAX_PACK_RULES = 1000;
/** A pack of 1,000 real rules is about 2 MB: a bigger file or download is refused before it is read. */
export const MAX_PACK_BYTES = 8 * 1024 * 1024;

// Parsing 50,000 rules took seconds before the schema refused them; counted on the text, they are refused at once.
const PACK_ITEM_LIMITS = {
  rules: {
    max: MAX_PACK_RULES,
    message: (count: number, max: number) =>
      `The pack has ${count} rules; a pack may have at most ${max} (rule ${max + 1} starts here). Keep the rules that matter, or split them into packs that extend one another.`,
  },
};

function parsePackText(source: string, text: string): JsonFile {
  return parseJsonFile(source, text, 'pack-json', PACK_ITEM_LIMITS);
}

/** `bytes` undefined: a download stopped once it passed the limit. */
function packTooLarge(bytes: number | undefined, source: string, where: ErrorPlace | undefined): PlanLintInputError {
  const size = bytes === undefined ? `more than ${formatMegabytes(MAX_PACK_BYTES)}` : sizeOverLimit(bytes, MAX_PACK_BYTES);
  return new PlanLintInputError('pack-too-large', packTooLargeMessage(size), where ?? { filePath: source });
}

function packTooLargeMessage(size: string): string {
  return `The pack is ${size}; a pack may be at most ${formatMegabytes(MAX_PACK_BYTES)} (${MAX_PACK_RULES} rules take about 2 MB). Check that this is the pack you meant.`;
}

/** "The pack", or "Rule "x" of the pack" when the error is inside a rule: a long pack's error then names its rule. */
function packPart(value: unknown, pointer: string): string {
  const index = /^\/rules\/(\d+)(?:\/|$)/.exec(pointer)?.[1];
  const rules = (value as { rules?: unknown } | null)?.rules;
  const id = index !== undefined && Array.isArray(rules) ? (rules[Number(index)] as { id?: unknown } | null)?.id : undefined;
  return typeof id === 'string' ? `Rule "${id}" of the pack` : 'The pack';
}

/** Checks a parsed pack file against the schema (its rule folders are read and checked after). */
function validatePackFile(file: JsonFile): PackFileJson {
  const validate = packSchemaValidator;
  if (!validate(file.value)) throw schemaError(file, validate.errors ?? [], 'pack-schema', (pointer) => packPart(file.value, pointer));
  return file.value as PackFileJson;
}

/** A rule as loaded, with where it was written: errors about it point into its own file. */
interface PlacedRule {
  rule: PackRule;
  file: JsonFile;
  /** JSON pointer of the rule inside `file` ("" for a rule.json, "/rules/3" inline). */
  pointer: string;
  dir?: string;
}

/** The rules of a pack file, inline ones and those in rule folders, and the few checks a schema cannot say. */
function packRules(file: JsonFile, written: PackFileJson, packDir: string | undefined): { rules: PlacedRule[]; parts: string[] } {
  const placed: PlacedRule[] = [];
  const parts: string[] = [];
  (written.rules ?? []).forEach((entry, index) => {
    if (typeof entry !== 'string') {
      placed.push({ rule: entry, file, pointer: `/rules/${index}` });
      return;
    }
    const where = { filePath: file.filePath, ...positionOfPointer(file, `/rules/${index}`) };
    if (packDir === undefined) {
      throw new PlanLintInputError(
        'pack-schema',
        `The pack names the rule folder "${entry}", but a pack fetched from a URL must write its rules inline: publish the pack with its rules in the file.`,
        { ...where, vi: `Bộ quy tắc ghi thư mục quy tắc "${entry}", nhưng bộ quy tắc tải từ URL phải viết các quy tắc ngay trong tệp: hãy xuất bản bộ quy tắc kèm các quy tắc trong tệp.` },
      );
    }
    for (const ruleFile of ruleFilesOf(entry, packDir, where, parts)) {
      parts.push(ruleFile);
      const ruleJson = readRuleFile(ruleFile, where);
      const validate = ruleSchemaValidator;
      if (!validate(ruleJson.value)) throw schemaError(ruleJson, validate.errors ?? [], 'pack-schema', 'The rule');
      placed.push({ rule: ruleJson.value as PackRule, file: ruleJson, pointer: '', dir: path.dirname(ruleFile) });
    }
  });
  if (placed.length > MAX_PACK_RULES) {
    throw new PlanLintInputError('pack-schema', `The pack has ${placed.length} rules with those of its rule folders; a pack may have at most ${MAX_PACK_RULES}. Keep the rules that matter, or split them into packs that extend one another.`, {
      filePath: file.filePath,
      vi: `Bộ quy tắc có ${placed.length} quy tắc kể cả các thư mục quy tắc; tối đa ${MAX_PACK_RULES}. Hãy giữ các quy tắc cần thiết, hoặc tách thành các bộ mở rộng lẫn nhau.`,
    });
  }
  const seen = new Set<string>();
  for (const { rule, file: ruleFile, pointer } of placed) {
    const at = (inner: string) => ({ filePath: ruleFile.filePath, ...positionOfPointer(ruleFile, `${pointer}${inner}`) });
    if (seen.has(rule.id)) {
      throw new PlanLintInputError('pack-schema', `The pack defines rule "${rule.id}" twice: keep one.`, {
        ...at('/id'),
        vi: `Bộ quy tắc định nghĩa quy tắc "${rule.id}" hai lần: hãy giữ một.`,
      });
    }
    seen.add(rule.id);
    checksOf(rule).forEach((check, checkIndex) => {
      const base = checkIndex === 0 ? pointer : `${pointer}/checks/${checkIndex - 1}`;
      if (!rule.messages[check.event.params.messageId]) {
        throw new PlanLintInputError(
          'pack-schema',
          `Rule "${rule.id}" reports messageId "${check.event.params.messageId}" at ${jsonPathOf(`${base}/event/params/messageId`)}, which its "messages" does not define.`,
          at(`${base.slice(pointer.length)}/event/params/messageId`),
        );
      }
      const forEach = check.forEach;
      if (forEach && typeof forEach === 'object' && 'match' in forEach) {
        const problem = patternError(forEach.match);
        if (problem) {
          throw new PlanLintInputError('pack-schema', `Rule "${rule.id}": the pattern at ${jsonPathOf(`${base}/forEach/match`)} is not an RE2 regular expression (${problem}).`, at(`${base.slice(pointer.length)}/forEach/match`));
        }
      }
      walkConditions(check.conditions, `${base}/conditions`, (leaf, leafPointer) => {
        const inRule = leafPointer.slice(pointer.length);
        if (leaf.fact === ITEM_FACT && check.forEach === undefined) {
          throw new PlanLintInputError(
            'pack-schema',
            `Rule "${rule.id}" reads the fact "item" at ${jsonPathOf(`${leafPointer}/fact`)}, which only a rule with "forEach" has: add "forEach" (the list to run over) or name another fact.`,
            at(`${inRule}/fact`),
          );
        }
        if ((leaf.operator === 'matches' || leaf.operator === 'notMatches') && typeof leaf.value === 'string') {
          const problem = patternError(leaf.value);
          if (problem) {
            throw new PlanLintInputError('pack-schema', `Rule "${rule.id}": the pattern at ${jsonPathOf(`${leafPointer}/value`)} is not an RE2 regular expression (${problem}).`, at(`${inRule}/value`));
          }
        }
      });
    });
  }
  return { rules: placed, parts };
}

/** `/rules/0/forEach` → `$.rules.0.forEach`, as schema errors name places (inside a rule.json: `$.forEach`). */
function jsonPathOf(pointer: string): string {
  return `$${pointer.replace(/\//g, '.')}`;
}

type Leaf = { fact?: unknown; operator?: unknown; value?: unknown };

/** Every leaf of a condition tree with its JSON pointer. */
function walkConditions(node: unknown, pointer: string, visit: (leaf: Leaf, pointer: string) => void): void {
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (const key of ['all', 'any'] as const) {
    const list = record[key];
    if (Array.isArray(list)) list.forEach((child, index) => walkConditions(child, `${pointer}/${key}/${index}`, visit));
  }
  if (record.not) walkConditions(record.not, `${pointer}/not`, visit);
  if (typeof record.fact === 'string') visit(record as Leaf, pointer);
}

const GLOB_CHARACTERS = /[*?[\]{}]/;

/**
 * The rule.json files a pack's string entry names: a folder, a .json file, or a glob of folders
 * matched one level at a time (no "**": a pack's rules sit beside it or a few folders below).
 */
function ruleFilesOf(entry: string, packDir: string, where: ErrorPlace, parts: string[]): string[] {
  const missing = (what: string, vi: string) =>
    new PlanLintInputError('pack-missing', `The pack's rule entry "${entry}" ${what}.`, { ...where, vi: `Mục quy tắc "${entry}" của bộ quy tắc ${vi}.` });
  if (!GLOB_CHARACTERS.test(entry)) {
    const target = path.resolve(packDir, entry);
    const stat = statSync(target, { throwIfNoEntry: false });
    if (!stat) throw missing(`names ${target}, which does not exist`, `trỏ tới ${target}, không tồn tại`);
    const file = stat.isDirectory() ? path.join(target, RULE_FILE) : target;
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw missing(`names the folder ${target}, which has no ${RULE_FILE}`, `trỏ tới thư mục ${target}, không có ${RULE_FILE}`);
    return [file];
  }
  let dirs = [packDir];
  for (const segment of entry.split('/').filter((part) => part !== '' && part !== '.')) {
    if (segment === '**') throw missing('uses "**": name the folders level by level ("*/*")', 'dùng "**": hãy ghi từng cấp thư mục ("*/*")');
    if (!GLOB_CHARACTERS.test(segment)) {
      dirs = dirs.map((dir) => path.join(dir, segment));
      continue;
    }
    const matches = picomatch(segment);
    dirs = dirs.flatMap((dir) => {
      // A folder gaining or losing a rule folder reloads the pack.
      parts.push(dir);
      let names: string[];
      try {
        names = readdirSync(dir, { withFileTypes: true }).filter((item) => item.isDirectory() && matches(item.name)).map((item) => item.name);
      } catch {
        names = [];
      }
      return names.sort().map((name) => path.join(dir, name));
    });
  }
  const files = dirs.map((dir) => path.join(dir, RULE_FILE)).filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile());
  if (files.length === 0) throw missing(`matches no folder holding a ${RULE_FILE}`, `không khớp thư mục nào có ${RULE_FILE}`);
  return files;
}

/** The file a rule folder holds its rule in. */
export const RULE_FILE = 'rule.json';
/** A rule is a few kilobytes; a rule file far bigger is not one. */
const MAX_RULE_BYTES = 1024 * 1024;

function readRuleFile(filePath: string, where: ErrorPlace): JsonFile {
  let text: string;
  try {
    text = readBoundedFile(filePath, { maxBytes: MAX_RULE_BYTES, tooLargeCode: 'pack-too-large', tooLarge: (size) => `The rule file is ${size}; a rule may be at most ${formatMegabytes(MAX_RULE_BYTES)}.`, where: { filePath } }).toString('utf8');
  } catch (error) {
    if (error instanceof PlanLintInputError) throw error;
    throw new PlanLintInputError('pack-missing', `Cannot read the rule file ${filePath}: ${(error as Error).message}.`, where);
  }
  return parseJsonFile(filePath, text, 'pack-json');
}

/**
 * Where a folder rule's docs page is: the GitHub page for a built-in rule (diagnostics link there
 * from any machine), the local README.md for a rule of a pack on disk.
 */
function docsOfFolderRule(dir: string): string | undefined {
  const page = path.join(dir, RULE_DOCS_PAGE);
  if (!statSync(page, { throwIfNoEntry: false })?.isFile()) return undefined;
  const builtin = path.relative(builtinRulesDir(), page);
  if (!builtin.startsWith('..') && !path.isAbsolute(builtin)) return `${BUILTIN_DOCS_BASE}/${builtin.split(path.sep).join('/')}`;
  return pathToFileURL(page).href;
}

/** The docs page in a rule folder. */
export const RULE_DOCS_PAGE = 'README.md';
const BUILTIN_DOCS_BASE = 'https://github.com/plan-lint/plan-lint/blob/main/rules';

/** A pack file's content with its rule folders read in (what the engine and governance see). */
function assemblePack(file: JsonFile, written: PackFileJson, packDir: string | undefined): { json: PackJson; ruleDirs: Record<string, string>; parts: string[] } {
  const { rules: placed, parts } = packRules(file, written, packDir);
  const ruleDirs: Record<string, string> = {};
  const rules = placed.map(({ rule, dir }) => {
    if (!dir) return rule;
    ruleDirs[rule.id] = dir;
    // The rule file's "$schema" is for editors; the rule as data goes without it (`pack derive` copies rules).
    const { $schema: _schema, ...data } = rule as PackRule & { $schema?: string };
    const docs = data.docs ?? docsOfFolderRule(dir);
    return docs === undefined ? data : { ...data, docs };
  });
  const json: PackJson = written.rules === undefined ? (written as PackJson) : { ...written, rules };
  return { json, ruleDirs, parts };
}

/**
 * A pack file read synchronously, its rule folders with it: for callers that need the built-in
 * rules as data outside an async load (`pack derive`). No `extends`, no URL.
 */
export function readPackFileSync(filePath: string): PackJson {
  const text = readBoundedFile(filePath, { maxBytes: MAX_PACK_BYTES, tooLargeCode: 'pack-too-large', tooLarge: packTooLargeMessage, where: { filePath } }).toString('utf8');
  const file = parsePackText(filePath, text);
  return assemblePack(file, validatePackFile(file), path.dirname(filePath)).json;
}

interface LoadContext {
  options: PackLoadOptions;
  /** Sources of the packs being loaded, outermost first: a repeat is a cycle. */
  chain: string[];
  /**
   * Every pack of this resolution by source, loaded once: a pack reached twice (a diamond) is the
   * same pack, not a cycle. Without it 25 packs each extending the next twice meant 2^25 loads.
   */
  loaded: Map<string, Promise<LoadedPack>>;
}

function rootContext(options: PackLoadOptions): LoadContext {
  return { options, chain: [], loaded: new Map() };
}

/**
 * Loaded packs by file, with the stamp of every local file of their `extends` tree: the language
 * server reloads on each change, and a pack whose extended file changed must be read again.
 */
const fileCache = new Map<string, { stamps: Map<string, string>; pack: LoadedPack }>();

function stampOf(filePath: string): string | undefined {
  try {
    const stat = statSync(filePath);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return undefined;
  }
}

function treeStamps(pack: LoadedPack, into = new Map<string, string>()): Map<string, string> {
  // Each pack once: a shared pack reached by many paths is stamped once (see LoadContext.loaded).
  if (into.has(pack.source)) return into;
  into.set(pack.source, pack.source.startsWith('https:') ? '' : (stampOf(pack.source) ?? ''));
  for (const part of pack.parts ?? []) into.set(part, stampOf(part) ?? '');
  for (const extended of pack.extends) treeStamps(extended, into);
  return into;
}

function isFresh(entry: { stamps: Map<string, string> }): boolean {
  for (const [file, stamp] of entry.stamps) if (!file.startsWith('https:') && stampOf(file) !== stamp) return false;
  return true;
}

/** Loads a pack file and what it extends. Never executes anything from the pack. */
export async function loadPackFromFile(filePath: string, options: PackLoadOptions = {}): Promise<LoadedPack> {
  return loadFile(path.resolve(filePath), rootContext(options));
}

/** Loads one of the packs shipped in rules/ (`recommended`, `binh-dang-gioi`, `van-ban`). */
export async function loadBuiltinPack(name: BuiltinPackName): Promise<LoadedPack> {
  return loadPackFromFile(builtinPackPath(name));
}

/** Loads a pack named in a config or on the command line (built-in name, path, npm package or https URL). */
export async function resolvePack(ref: PackRef, options: PackLoadOptions = {}, where?: ErrorPlace): Promise<LoadedPack> {
  return loadRef(ref, options.baseDir ?? process.cwd(), rootContext(options), where);
}

/** Where a reference was written, so that errors about it point there (config file:line:col). */
export interface ErrorPlace {
  filePath?: string;
  line?: number;
  column?: number;
}

/** Loads several packs in order. */
export async function resolvePacks(refs: readonly PackRef[], options: PackLoadOptions = {}): Promise<LoadedPack[]> {
  const packs: LoadedPack[] = [];
  for (const ref of refs) packs.push(await resolvePack(ref, options));
  return packs;
}

function cycleError(source: string, context: LoadContext, where?: { filePath?: string; line?: number; column?: number }) {
  const start = context.chain.indexOf(source);
  const cycle = [...context.chain.slice(start), source].map((entry) => (entry.startsWith('https:') ? entry : path.basename(path.dirname(entry)) + '/' + path.basename(entry)));
  return new PlanLintInputError('pack-cycle', `Circular "extends": ${cycle.join(' → ')}. Remove one of these "extends" entries.`, where);
}

/** A pack of this resolution loaded once by its source (see LoadContext.loaded); a repeat on the chain is a cycle. */
function loadOnce(source: string, context: LoadContext, where: ErrorPlace | undefined, load: () => Promise<LoadedPack>): Promise<LoadedPack> {
  if (context.chain.includes(source)) throw cycleError(source, context, where);
  let pack = context.loaded.get(source);
  if (!pack) {
    pack = load();
    context.loaded.set(source, pack);
  }
  return pack;
}

async function loadFile(filePath: string, context: LoadContext, where?: { filePath?: string; line?: number; column?: number }): Promise<LoadedPack> {
  return loadOnce(filePath, context, where, async () => {
    const cached = context.chain.length === 0 ? fileCache.get(filePath) : undefined;
    if (cached && isFresh(cached)) return cached.pack;
    let text: string;
    try {
      text = (
        await readBoundedFileAsync(filePath, {
          maxBytes: MAX_PACK_BYTES,
          tooLargeCode: 'pack-too-large',
          tooLarge: packTooLargeMessage,
          where: where ?? { filePath },
        })
      ).toString('utf8');
    } catch (error) {
      if (error instanceof PlanLintInputError) throw error;
      throw new PlanLintInputError('pack-missing', `Cannot read the pack file ${filePath}: ${(error as Error).message}.`, where ?? { filePath });
    }
    const pack = await loadParsed(parsePackText(filePath, text), filePath, path.dirname(filePath), context);
    if (context.chain.length === 0) fileCache.set(filePath, { stamps: treeStamps(pack), pack });
    return pack;
  });
}

async function loadParsed(file: JsonFile, source: string, baseDir: string, context: LoadContext): Promise<LoadedPack> {
  const written = validatePackFile(file);
  // A URL pack has no folder to read rule folders from (packDir undefined: its string entries are refused).
  const { json, ruleDirs, parts } = assemblePack(file, written, /^https?:/i.test(source) ? undefined : baseDir);
  const inner: LoadContext = { options: context.options, chain: [...context.chain, source], loaded: context.loaded };
  const extended: LoadedPack[] = [];
  for (const [index, ref] of (json.extends ?? []).entries()) {
    const where = { filePath: file.filePath, ...positionOfPointer(file, `/extends/${index}`) };
    extended.push(await loadRef(ref, baseDir, inner, where, source));
  }
  const pack: LoadedPack = { name: json.name, version: json.version, source, json, extends: extended };
  if (parts.length > 0) Object.assign(pack, { ruleDirs, parts });
  return pack;
}

async function loadRef(
  ref: PackRef,
  baseDir: string,
  context: LoadContext,
  where: { filePath?: string; line?: number; column?: number } | undefined,
  fromSource?: string,
): Promise<LoadedPack> {
  if (typeof ref === 'object') return loadUrl(ref.url, ref.integrity, context, where);
  if (isBuiltinPackName(ref)) return loadFile(builtinPackPath(ref), context, where);
  if (/^https?:/i.test(ref) || (fromSource?.startsWith('https:') && !path.isAbsolute(ref))) {
    const url = new URL(ref, fromSource?.startsWith('https:') ? fromSource : undefined);
    const integrity = url.hash.startsWith('#sha256-') ? url.hash.slice(1) : undefined;
    url.hash = '';
    return loadUrl(url.toString(), integrity, context, where);
  }
  if (ref.startsWith('.') || path.isAbsolute(ref) || ref.endsWith('.json')) {
    return loadFile(path.resolve(baseDir, ref), context, where);
  }
  return loadFile(resolveNpmPack(ref, baseDir, where), context, where);
}

/**
 * An npm package ships its pack as `pack.json`, or names it: `"plan-lint": { "pack": "…" }`, an
 * `exports` map whose "." is a .json file, or a .json `main`. The package folder is found as Node
 * finds it (node_modules upward), not through require.resolve("name/package.json"), which an
 * `exports` map that leaves package.json out refuses.
 */
function resolveNpmPack(name: string, baseDir: string, where?: { filePath?: string; line?: number; column?: number }): string {
  const manifestPath = findPackageManifest(name, baseDir);
  if (!manifestPath) {
    // A misspelt built-in name gets its correction, never advice to install the misspelling from npm.
    const guess = closestName(name, BUILTIN_PACKS);
    const builtins = BUILTIN_PACKS.join(', ');
    throw new PlanLintInputError(
      'pack-missing',
      guess
        ? `Pack "${name}" is not a built-in pack, a file, or an installed npm package; did you mean "${guess}"?`
        : `Pack "${name}" is not a built-in pack (${builtins}), a file, or an npm package installed in this project; check the name, or the path of a pack file.`,
      {
        ...where,
        vi: guess
          ? `Bộ quy tắc "${name}" không phải bộ có sẵn, một tệp hay một gói npm đã cài; có phải ý bạn là "${guess}"?`
          : `Bộ quy tắc "${name}" không phải bộ có sẵn (${builtins}), một tệp hay một gói npm đã cài trong dự án; hãy kiểm tra tên, hoặc đường dẫn tệp bộ quy tắc.`,
      },
    );
  }
  const broken = (why: string) =>
    new PlanLintInputError(
      'pack-manifest',
      `Pack "${name}" is installed, but its package.json (${manifestPath}) ${why}: reinstall the package ("npm install ${name}"), or ask its publisher to fix it.`,
      where,
    );
  let manifest: { 'plan-lint'?: { pack?: unknown }; main?: unknown; exports?: unknown };
  try {
    manifest = JSON.parse(withoutBom(readJsonText(manifestPath, 'The package.json'))) as typeof manifest;
  } catch (error) {
    if (error instanceof PlanLintInputError) throw broken(error.message.replace(/\.$/, ''));
    throw broken(error instanceof SyntaxError ? `is not valid JSON (${error.message})` : `cannot be read (${(error as Error).message})`);
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) throw broken('is not a JSON object');
  const packDir = path.dirname(manifestPath);
  const named = manifest['plan-lint']?.pack;
  if (named !== undefined && typeof named !== 'string') throw broken('has a "plan-lint.pack" that is not a path');
  if (typeof named === 'string') return path.join(packDir, named);
  const exported = exportedJson(manifest.exports);
  if (exported) return path.join(packDir, exported);
  if (typeof manifest.main === 'string' && manifest.main.endsWith('.json')) return path.join(packDir, manifest.main);
  return path.join(packDir, 'pack.json');
}

/** `node_modules/<name>/package.json` in the folder or the nearest one above it that has it. */
function findPackageManifest(name: string, baseDir: string): string | undefined {
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name)) return undefined;
  for (let dir = path.resolve(baseDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name, 'package.json');
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The .json file an `exports` map gives for "." (a string, or the "default"/"import"/"require"/"node" condition). */
function exportedJson(exports: unknown): string | undefined {
  let target: unknown = exports;
  if (target && typeof target === 'object' && !Array.isArray(target) && '.' in target) target = (target as Record<string, unknown>)['.'];
  for (let depth = 0; depth < 8 && target && typeof target === 'object' && !Array.isArray(target); depth++) {
    const conditions = target as Record<string, unknown>;
    target = conditions.default ?? conditions.require ?? conditions.import ?? conditions.node;
  }
  return typeof target === 'string' && target.endsWith('.json') && target.startsWith('./') ? target : undefined;
}

function integrityMatches(bytes: Buffer, integrity: string): boolean {
  const expected = integrity.slice('sha256-'.length);
  const digest = createHash('sha256').update(bytes).digest();
  return expected === digest.toString('base64') || expected === digest.toString('base64url') || expected.toLowerCase() === digest.toString('hex');
}

async function loadUrl(
  url: string,
  integrity: string | undefined,
  context: LoadContext,
  where: { filePath?: string; line?: number; column?: number } | undefined,
): Promise<LoadedPack> {
  if (!url.startsWith('https:')) {
    throw new PlanLintInputError('pack-url', `Pack URL ${url} must use https:.`, where);
  }
  if (!integrity || !/^sha256-[A-Za-z0-9+/=_-]+$/.test(integrity)) {
    throw new PlanLintInputError(
      'pack-integrity',
      `Pack URL ${url} has no integrity hash: pin it as ${url}#sha256-<base64 digest> (or { "url", "integrity" }).`,
      where,
    );
  }
  return loadOnce(url, context, where, () => fetchUrlPack(url, integrity, context, where));
}

/** The most redirects a pack URL may take, as browsers allow about 20 and curl 50: a pack needs one or two. */
const MAX_REDIRECTS = 5;

async function fetchUrlPack(url: string, integrity: string, context: LoadContext, where: ErrorPlace | undefined): Promise<LoadedPack> {
  const options = context.options;
  const baseDir = options.baseDir ?? process.cwd();
  const cacheDir = options.cacheDir ?? path.join(baseDir, '.plan-lint-cache');
  const digestName = createHash('sha256').update(integrity).digest('hex').slice(0, 32);
  const cachePath = path.join(cacheDir, `${digestName}.json`);
  let bytes: Buffer | undefined;
  try {
    const cachedBytes = readBoundedFile(cachePath, { maxBytes: MAX_PACK_BYTES, tooLargeCode: 'pack-too-large', tooLarge: packTooLargeMessage });
    if (integrityMatches(cachedBytes, integrity)) bytes = cachedBytes;
  } catch {
    // Not cached yet (or not a usable copy: fetched again).
  }
  if (!bytes && options.allowNetwork === false) {
    throw new PlanLintInputError(
      'pack-offline',
      `Pack ${url} is not in the cache and fetching is not allowed here (untrusted workspace): trust the workspace or run plan-lint once from a shell.`,
      where,
    );
  }
  if (!bytes) {
    const doFetch = options.fetch ?? globalThis.fetch;
    const timeoutMs = options.timeoutMs ?? 10_000;
    // After a redirect the failing host is the one redirected to: errors name it.
    let current = new URL(url);
    const fetchError = (reason: string) =>
      new PlanLintInputError(
        'pack-fetch',
        `Cannot fetch pack ${url}${current.href === url ? '' : ` (redirected to ${current.href})`}: ${reason}. Check the address and the network; or get a copy of the pack another way, check that its hash is ${integrity}, and name that local file instead of the URL.`,
        where,
      );
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    for (let redirects = 0; ; redirects++) {
      try {
        // Redirects followed here, not by fetch: each target is checked before it is asked (https only).
        response = await doFetch(current.href, { signal, redirect: 'manual' });
      } catch (error) {
        throw fetchError(whyFetchFailed(error, current, timeoutMs));
      }
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (!location) break;
      await response.body?.cancel().catch(() => undefined);
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw fetchError(`${current.host} redirects to "${location}", which is not an address`);
      }
      if (next.protocol !== 'https:') {
        throw new PlanLintInputError(
          'pack-redirect',
          `Pack ${url} redirects (from ${current.host}) to ${next.protocol}//${next.host}${next.pathname}: plan-lint follows a pack's redirects only to https: addresses, never to another scheme. Ask the pack's publisher for its https address.`,
          where,
        );
      }
      if (redirects >= MAX_REDIRECTS) throw fetchError(`more than ${MAX_REDIRECTS} redirects (the last to ${next.href})`);
      current = next;
    }
    if (!response.ok) throw fetchError(`the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_PACK_BYTES) {
      await response.body?.cancel().catch(() => undefined);
      throw packTooLarge(declared, url, where);
    }
    try {
      bytes = await bodyWithin(response, MAX_PACK_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) throw packTooLarge(undefined, url, where);
      // The timeout also covers the body: a server that stops halfway ends here.
      throw fetchError(whyFetchFailed(error, current, timeoutMs));
    }
    if (!integrityMatches(bytes, integrity)) {
      const actual = `sha256-${createHash('sha256').update(bytes).digest('base64')}`;
      throw new PlanLintInputError(
        'pack-integrity',
        `Pack ${url} does not match its integrity hash: expected ${integrity}, got ${actual}. Check the URL, or pin the new hash if the pack's author published a new version.`,
        where,
      );
    }
    await mkdir(cacheDir, { recursive: true });
    const temporary = ownTempPath(cachePath);
    await writeFile(temporary, bytes);
    await rename(temporary, cachePath);
  }
  const file = parsePackText(url, bytes.toString('utf8'));
  const pack = await loadParsed(file, url, baseDir, context);
  await checkLockfile(options.lockfilePath ?? path.join(baseDir, 'plan-lint.lock.json'), url, bytes, pack, options.updateLock === true);
  return pack;
}

class BodyTooLarge extends Error {}

/** The response body, read until it passes `max` bytes (a server need not say its length, or may lie about it). */
async function bodyWithin(response: Response, max: number): Promise<Buffer> {
  if (!response.body) return Buffer.from(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge(`more than ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * What went wrong, from the error fetch threw: Node's fetch says only "fetch failed" and keeps
 * the reason (ECONNREFUSED, ENOTFOUND, a TLS error …) in `cause`.
 */
function whyFetchFailed(error: unknown, url: URL, timeoutMs: number): string {
  const outer = (error instanceof Error ? error : new Error(String(error))) as Error & { cause?: unknown };
  const cause = (outer.cause instanceof Error ? outer.cause : outer) as Error & { code?: string };
  const code = cause.code ?? '';
  const port = url.port || (url.protocol === 'http:' ? '80' : '443');
  if (outer.name === 'TimeoutError' || cause.name === 'TimeoutError' || /^(ETIMEDOUT|UND_ERR_(CONNECT|HEADERS|BODY)_TIMEOUT)$/.test(code)) {
    // Node's fetch has its own 10 s connect timeout, which may fire before ours; it says its length.
    const ms = Number(/timeout: (\d+)ms/.exec(cause.message)?.[1] ?? timeoutMs);
    return `no answer from ${url.host} within ${Math.round(ms / 100) / 10} s (timeout)`;
  }
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused by ${url.hostname} on port ${port} (ECONNREFUSED): nothing listens there`;
    case 'ENOTFOUND':
      return `the host name "${url.hostname}" was not found (ENOTFOUND)`;
    case 'EAI_AGAIN':
      return `the host name "${url.hostname}" could not be looked up (EAI_AGAIN): the name server did not answer`;
    case 'ECONNRESET':
      return `${url.host} closed the connection (ECONNRESET)`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `${url.hostname} cannot be reached from this network (${code})`;
  }
  if (/^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code)) {
    return `the secure (TLS) connection to ${url.host} failed (${code}): check that the address serves https with a valid certificate`;
  }
  if (cause.message === 'bad port') return `fetch refuses port ${port} (a port reserved for other protocols)`;
  const message = (cause.message || outer.message || String(error)).split('\n')[0];
  return code ? `${message} (${code})` : message;
}

interface Lockfile {
  lockfileVersion: 1;
  packs: Record<string, { integrity: string; name: string; version: string }>;
}

/**
 * plan-lint.lock.json records each URL pack's hash, name and version. A recorded pack is verified
 * against the bytes in use: any difference (a new hash pinned in the config, or an edited
 * lockfile) is an error naming what differs, and the lockfile is rewritten only when asked
 * (`--update-lock`, or `"updateLock": true` in the config). A pack not recorded yet is added.
 */
async function checkLockfile(lockfilePath: string, url: string, bytes: Buffer, pack: LoadedPack, update: boolean): Promise<void> {
  let lock: Lockfile = { lockfileVersion: 1, packs: {} };
  let text: string | undefined;
  try {
    text = readJsonText(lockfilePath, 'The lockfile');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw lockError(lockfilePath, `it cannot be read (${(error as Error).message})`, update, error);
  }
  if (text !== undefined) {
    let parsed: Partial<Lockfile> | undefined;
    try {
      parsed = JSON.parse(withoutBom(text)) as Partial<Lockfile>;
    } catch {
      parsed = undefined;
    }
    if (!parsed || typeof parsed !== 'object' || !parsed.packs || typeof parsed.packs !== 'object') {
      if (!update) throw lockError(lockfilePath, 'it is not a plan-lint lockfile (not JSON with a "packs" object)', false);
    } else {
      lock = { lockfileVersion: 1, packs: parsed.packs };
    }
  }
  const actual = `sha256-${createHash('sha256').update(bytes).digest('base64')}`;
  const entry = { integrity: actual, name: pack.name, version: pack.version };
  const before = Object.hasOwn(lock.packs, url) ? lock.packs[url] : undefined;
  if (before) {
    const differences: string[] = [];
    if (typeof before.integrity !== 'string' || !integrityMatches(bytes, before.integrity)) differences.push(`it records the hash ${String(before.integrity)}, the pack in use has ${actual}`);
    if (before.name !== pack.name) differences.push(`it records the name ${JSON.stringify(before.name)}, the pack is named ${JSON.stringify(pack.name)}`);
    if (before.version !== pack.version) differences.push(`it records version ${JSON.stringify(before.version)}, the pack is version ${JSON.stringify(pack.version)}`);
    if (differences.length === 0) return;
    if (!update) throw lockError(lockfilePath, `pack ${url} differs: ${differences.join('; ')}`, false);
  }
  lock.packs[url] = entry;
  const sorted: Lockfile = { lockfileVersion: 1, packs: Object.fromEntries(Object.entries(lock.packs).sort(([a], [b]) => a.localeCompare(b))) };
  const temporary = ownTempPath(lockfilePath);
  await writeFile(temporary, JSON.stringify(sorted, null, 2) + '\n');
  await rename(temporary, lockfilePath);
}

function lockError(lockfilePath: string, what: string, update: boolean, cause?: unknown): PlanLintInputError {
  if (cause instanceof PlanLintInputError) return cause;
  const advice = update
    ? 'Fix or remove the file.'
    : 'If the change is intended (a new version of the pack), run plan-lint with --update-lock (or set "updateLock": true in the config) to record it; otherwise find out who changed the lockfile or the pack.';
  return new PlanLintInputError('pack-lock', `The lockfile does not match: ${what}. ${advice}`, { filePath: lockfilePath });
}
