import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseJsonFile, positionOfPointer, schemaError, type JsonFile } from '../config/json-file.js';
import { packSchemaValidator } from '../config/schema-validators.js';
import { PlanLintInputError } from '../shared/errors.js';
import { BUILTIN_PACKS, builtinPackPath, isBuiltinPackName } from './builtin-packs.js';
import type { LoadedPack, PackJson } from './pack-types.js';
import { closestName } from '../shared/did-you-mean.js';

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
  const size = bytes === undefined ? `more than ${MAX_PACK_BYTES / 1048576} MB` : `${(bytes / 1048576).toFixed(1)} MB`;
  return new PlanLintInputError(
    'pack-too-large',
    `The pack is ${size}; a pack may be at most ${MAX_PACK_BYTES / 1048576} MB (${MAX_PACK_RULES} rules take about 2 MB). Check that this is the pack you meant.`,
    where ?? { filePath: source },
  );
}

/** Checks a parsed pack against the schema and the few rules a schema cannot say. */
function validatePackFile(file: JsonFile): PackJson {
  const validate = packSchemaValidator;
  if (!validate(file.value)) throw schemaError(file, validate.errors ?? [], 'pack-schema', 'The pack');
  const pack = file.value as PackJson;
  const seen = new Set<string>();
  (pack.rules ?? []).forEach((rule, index) => {
    const at = (pointer: string) => ({ filePath: file.filePath, ...positionOfPointer(file, pointer) });
    if (seen.has(rule.id)) {
      throw new PlanLintInputError('pack-schema', `The pack defines rule "${rule.id}" twice: keep one.`, at(`/rules/${index}/id`));
    }
    seen.add(rule.id);
    if (!rule.messages[rule.event.params.messageId]) {
      throw new PlanLintInputError(
        'pack-schema',
        `Rule "${rule.id}" reports messageId "${rule.event.params.messageId}", which its "messages" does not define.`,
        at(`/rules/${index}/event/params/messageId`),
      );
    }
  });
  return pack;
}

interface LoadContext {
  options: PackLoadOptions;
  /** Sources of the packs being loaded, outermost first: a repeat is a cycle. */
  chain: string[];
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
  if (!pack.source.startsWith('https:')) into.set(pack.source, stampOf(pack.source) ?? '');
  for (const extended of pack.extends) treeStamps(extended, into);
  return into;
}

function isFresh(entry: { stamps: Map<string, string> }): boolean {
  for (const [file, stamp] of entry.stamps) if (stampOf(file) !== stamp) return false;
  return true;
}

/** Loads a pack file and what it extends. Never executes anything from the pack. */
export async function loadPackFromFile(filePath: string, options: PackLoadOptions = {}): Promise<LoadedPack> {
  return loadFile(path.resolve(filePath), { options, chain: [] });
}

/** Loads a pack named in a config or on the command line (built-in name, path, npm package or https URL). */
export async function resolvePack(ref: PackRef, options: PackLoadOptions = {}, where?: ErrorPlace): Promise<LoadedPack> {
  return loadRef(ref, options.baseDir ?? process.cwd(), { options, chain: [] }, where);
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

async function loadFile(filePath: string, context: LoadContext, where?: { filePath?: string; line?: number; column?: number }): Promise<LoadedPack> {
  if (context.chain.includes(filePath)) throw cycleError(filePath, context, where);
  const cached = context.chain.length === 0 ? fileCache.get(filePath) : undefined;
  if (cached && isFresh(cached)) return cached.pack;
  let text: string;
  try {
    const { size } = statSync(filePath);
    if (size > MAX_PACK_BYTES) throw packTooLarge(size, filePath, where);
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if (error instanceof PlanLintInputError) throw error;
    throw new PlanLintInputError('pack-missing', `Cannot read the pack file ${filePath}: ${(error as Error).message}.`, where ?? { filePath });
  }
  const pack = await loadParsed(parsePackText(filePath, text), filePath, path.dirname(filePath), context);
  if (context.chain.length === 0) fileCache.set(filePath, { stamps: treeStamps(pack), pack });
  return pack;
}

async function loadParsed(file: JsonFile, source: string, baseDir: string, context: LoadContext): Promise<LoadedPack> {
  const json = validatePackFile(file);
  const inner: LoadContext = { options: context.options, chain: [...context.chain, source] };
  const extended: LoadedPack[] = [];
  for (const [index, ref] of (json.extends ?? []).entries()) {
    const where = { filePath: file.filePath, ...positionOfPointer(file, `/extends/${index}`) };
    extended.push(await loadRef(ref, baseDir, inner, where, source));
  }
  return { name: json.name, version: json.version, source, json, extends: extended };
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

/** An npm package ships its pack as `pack.json`, or names it in package.json (`"plan-lint": { "pack": "…" }`). */
function resolveNpmPack(name: string, baseDir: string, where?: { filePath?: string; line?: number; column?: number }): string {
  const require = createRequire(path.join(baseDir, 'package.json'));
  let manifestPath: string;
  try {
    manifestPath = require.resolve(`${name}/package.json`);
  } catch {
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
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { 'plan-lint'?: { pack?: string }; main?: string };
  const relative = manifest['plan-lint']?.pack ?? (manifest.main?.endsWith('.json') ? manifest.main : 'pack.json');
  return path.join(path.dirname(manifestPath), relative);
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
  if (context.chain.includes(url)) throw cycleError(url, context, where);
  const options = context.options;
  const baseDir = options.baseDir ?? process.cwd();
  const cacheDir = options.cacheDir ?? path.join(baseDir, '.plan-lint-cache');
  const digestName = createHash('sha256').update(integrity).digest('hex').slice(0, 32);
  const cachePath = path.join(cacheDir, `${digestName}.json`);
  let bytes: Buffer | undefined;
  try {
    const cachedBytes = await readFile(cachePath);
    if (integrityMatches(cachedBytes, integrity)) bytes = cachedBytes;
  } catch {
    // Not cached yet.
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
    const fetchError = (reason: string) =>
      new PlanLintInputError(
        'pack-fetch',
        `Cannot fetch pack ${url}: ${reason}. Check the address and the network; or get a copy of the pack another way, check that its hash is ${integrity}, and name that local file instead of the URL.`,
        where,
      );
    let response: Response;
    try {
      response = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    } catch (error) {
      throw fetchError(whyFetchFailed(error, new URL(url), timeoutMs));
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
      throw fetchError(whyFetchFailed(error, new URL(url), timeoutMs));
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
    const temporary = `${cachePath}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, cachePath);
  }
  const file = parsePackText(url, bytes.toString('utf8'));
  const pack = await loadParsed(file, url, baseDir, context);
  await recordInLockfile(options.lockfilePath ?? path.join(baseDir, 'plan-lint.lock.json'), url, integrity, pack);
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
  const port = url.port || '443';
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

async function recordInLockfile(lockfilePath: string, url: string, integrity: string, pack: LoadedPack): Promise<void> {
  let lock: Lockfile = { lockfileVersion: 1, packs: {} };
  try {
    const existing = JSON.parse(await readFile(lockfilePath, 'utf8')) as Lockfile;
    if (existing && typeof existing.packs === 'object') lock = existing;
  } catch {
    // No lockfile yet, or an unreadable one that we replace.
  }
  const entry = { integrity, name: pack.name, version: pack.version };
  const before = lock.packs[url];
  if (before && before.integrity === entry.integrity && before.name === entry.name && before.version === entry.version) return;
  lock.packs[url] = entry;
  const sorted: Lockfile = { lockfileVersion: 1, packs: Object.fromEntries(Object.entries(lock.packs).sort(([a], [b]) => a.localeCompare(b))) };
  await writeFile(lockfilePath, JSON.stringify(sorted, null, 2) + '\n');
}
