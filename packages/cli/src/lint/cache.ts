import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, ReportFile } from '@plan-lint/core';
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
