import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, ReportFile } from '@plan-lint/core';
import type { LintSettings } from './lint-file.js';
import { writeFileAtomic } from '../files/atomic-write.js';

interface CacheEntry {
  /** SHA-256 of the file's bytes. */
  content: string;
  /** Everything besides the content that decides the result: plan-lint's version, packs, settings. */
  key: string;
  diagnostics: Diagnostic[];
  suppressed?: Diagnostic[];
  /** What `--format compliance` reads (rules applied, outcomes, evidence). */
  governance?: ReportFile['governance'];
}

interface CacheFile {
  version: 1;
  entries: Record<string, CacheEntry>;
}

/**
 * `--cache`: a file's findings are reused while its bytes and its run key (the packs with their
 * versions and rules, severities, the parent plan, the locale, plan-lint's version) are the same.
 */
export class LintCache {
  private entries: Record<string, CacheEntry> = {};
  private dirty = false;

  private constructor(private readonly file: string) {}

  static async open(location: string): Promise<LintCache> {
    const file = path.join(location, 'lint-cache.json');
    const cache = new LintCache(file);
    try {
      const stored = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
      if (stored.version === 1 && stored.entries && typeof stored.entries === 'object') cache.entries = stored.entries;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return cache;
  }

  get(filePath: string, content: string, key: string): CacheEntry | undefined {
    const entry = this.entries[filePath];
    return entry && entry.content === content && entry.key === key ? entry : undefined;
  }

  set(filePath: string, content: string, key: string, report: ReportFile): void {
    this.entries[filePath] = {
      content,
      key,
      diagnostics: report.diagnostics,
      ...(report.suppressed?.length ? { suppressed: report.suppressed } : {}),
      ...(report.governance ? { governance: report.governance } : {}),
    };
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify({ version: 1, entries: this.entries } satisfies CacheFile));
  }
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

type Core = typeof import('@plan-lint/core');

/**
 * What, besides a file's bytes, decides its findings: plan-lint's version, every pack once (a pack
 * extended along many paths is one pack; stringifying the tree repeated it 2^depth times), the
 * severities, locale, waivers and parent. A plan without a date of its own is judged on the lint
 * date, so when any pack has rules in force by date, the day belongs in the key: a result from
 * before a rule came into force must not be served after.
 */
export function cacheKey(settings: LintSettings, version: string, parentBytes: Uint8Array | undefined, core: Core, now: Date = new Date()): string {
  const packs = core.flattenPacks(settings.config.packs);
  const dated = packs.some((pack) => pack.json.effective !== undefined || (pack.json.rules ?? []).some((rule) => rule.effective !== undefined));
  const day = core.isoToday(now);
  return sha256(
    JSON.stringify({
      version,
      packs: packs.map((pack) => ({ name: pack.name, version: pack.version, source: pack.source, json: pack.json })),
      // The order the config names its top-level packs in decides which severity wins.
      roots: settings.config.packs.map((pack) => pack.source),
      rules: settings.config.rules,
      overrides: settings.config.overrides,
      locale: settings.locale,
      quiet: settings.quiet,
      // Waivers set findings aside until their expiry: a new register or a new day can change them.
      waivers: settings.config.waivers ? { register: settings.config.waivers.waivers, day } : null,
      inForceOn: dated ? day : null,
      parent: parentBytes ? sha256(parentBytes) : null,
    }),
  );
}
