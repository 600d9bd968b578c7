import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LintResult, Locale, ResolvedConfig } from '@plan-lint/core';
import { readPlan } from '../input/read-plan.js';
import { loadParent } from '../lint/run-config.js';
import { UsageError } from '../usage-error.js';

/**
 * What the MCP server may touch (issue 14 item 13): the files a tool call names (a path, a text's
 * fileName) only inside its root folder, followed through symbolic links; configs only from inside
 * the root (never looked for above it); the network only when started with --allow-network. A tool
 * call is untrusted input: "../../etc/shadow" or a fileName in another project must not reach those
 * files. A config inside the root is the workspace's own: the parent plan and packs it names are
 * read wherever they are (a school's plans beside the Phòng's, in a sibling folder).
 */
export class McpWorkspace {
  readonly root: string;

  constructor(
    root: string,
    private readonly options: { configPath?: string; allowNetwork: boolean },
  ) {
    this.root = realpathSync(root);
  }

  /** `name` resolved from the root; refused when it, or where its links lead, is outside the root. */
  inside(name: string, what: string): string {
    const resolved = path.resolve(this.root, name);
    if (!this.contains(resolved) || !this.contains(realOrNearest(resolved))) {
      throw new UsageError(`${what} "${name}" is outside the workspace root ${this.root}: the MCP server reads only files inside it (start it with --root to change the root)`);
    }
    return resolved;
  }

  private contains(candidate: string): boolean {
    const relative = path.relative(this.root, candidate);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  }

  /** The config of a file inside the root: --config, else the nearest config file upward but not above the root, else recommended. */
  async configFor(filePath: string): Promise<ResolvedConfig> {
    const core = await import('@plan-lint/core');
    const packOptions = { allowNetwork: this.options.allowNetwork };
    if (this.options.configPath) return core.loadConfigFile(path.resolve(this.root, this.options.configPath), packOptions);
    for (let dir = path.dirname(filePath); this.contains(dir); dir = path.dirname(dir)) {
      for (const name of core.CONFIG_FILE_NAMES) {
        const candidate = path.join(dir, name);
        if (isFile(candidate)) return core.loadConfigFile(this.inside(candidate, 'The config file'), packOptions);
      }
      if (dir === this.root) break;
    }
    const base = await core.defaultConfig();
    return { ...base, baseDir: this.root, waivers: await core.loadWaivers(this.root) };
  }

  /** Reads and lints a plan inside the root with its config and parent. */
  async lintFile(name: string, locale: Locale | undefined): Promise<{ result: LintResult; config: ResolvedConfig; locale: Locale }> {
    const core = await import('@plan-lint/core');
    const filePath = this.inside(name, 'The plan');
    const config = await this.configFor(filePath);
    const parent = config.parent ? await loadParent(config.parent) : undefined;
    const chosen = locale ?? config.locale ?? 'vi';
    const input = await readPlan(filePath);
    const result = await core.lintSource(input.source, { filePath, format: input.format, config, parent, locale: chosen });
    return { result, config, locale: chosen };
  }

  /** Lints text given in the call, as the file `fileName` (inside the root) would be linted. */
  async lintText(text: string, fileName: string | undefined, locale: Locale | undefined): Promise<{ result: LintResult; config: ResolvedConfig; locale: Locale }> {
    const core = await import('@plan-lint/core');
    const filePath = this.inside(fileName ?? 'plan.md', 'The fileName');
    const config = await this.configFor(filePath);
    const parent = config.parent ? await loadParent(config.parent) : undefined;
    const chosen = locale ?? config.locale ?? 'vi';
    return { result: await core.lintText(text, { filePath, config, locale: chosen, parent }), config, locale: chosen };
  }
}

function isFile(candidate: string): boolean {
  return statSync(candidate, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** The real path of `target`, or of its nearest existing ancestor joined with the rest (a fileName need not exist). */
function realOrNearest(target: string): string {
  let rest = '';
  for (let current = target; ; current = path.dirname(current)) {
    try {
      return path.join(realpathSync(current), rest);
    } catch {
      if (path.dirname(current) === current) return target;
      rest = rest ? path.join(path.basename(current), rest) : path.basename(current);
    }
  }
}
