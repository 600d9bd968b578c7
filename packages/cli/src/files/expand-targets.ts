import { existsSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { UsageError } from '../usage-error.js';

/** The inputs plan-lint reads when it walks a folder. */
export const PLAN_EXTENSIONS = ['.md', '.txt', '.docx', '.pdf'] as const;

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
const GLOB_CHARS = /[*?[\]{}]/;

export function isPlanFile(filePath: string): boolean {
  return (PLAN_EXTENSIONS as readonly string[]).includes(path.extname(filePath).toLowerCase());
}

/**
 * Files, folders and globs → the absolute paths to lint, sorted, each once. A folder is walked
 * for plan files, skipping node_modules and what .gitignore files ignore; a named file is linted
 * whatever its extension. A missing path, or a folder or glob with no plan in it, is a usage error.
 */
export async function expandTargets(targets: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    const stats = statOrUndefined(absolute);
    if (stats?.isFile()) {
      found.add(absolute);
    } else if (stats?.isDirectory()) {
      const files = await walk(absolute);
      if (files.length === 0) {
        throw new UsageError(`no plan files (${PLAN_EXTENSIONS.join(', ')}) in folder "${target}"`);
      }
      files.forEach((file) => found.add(file));
    } else if (GLOB_CHARS.test(target)) {
      const files = await expandGlob(target, cwd);
      if (files.length === 0) throw new UsageError(`no files match the pattern "${target}"`);
      files.forEach((file) => found.add(file));
    } else {
      throw new UsageError(whyNotFound(absolute, target));
    }
  }
  return [...found].sort();
}

function statOrUndefined(filePath: string): Stats | undefined {
  try {
    return statSync(filePath);
  } catch {
    return undefined;
  }
}

/** Why a named path cannot be linted: only called on that error path, so the extra system calls cost nothing. */
function whyNotFound(absolute: string, target: string): string {
  let code: string | undefined;
  try {
    statSync(absolute);
    return `"${target}" is neither a file nor a folder (a device, pipe or socket); name plan files or folders`;
  } catch (error) {
    code = (error as NodeJS.ErrnoException).code;
  }
  if (code === 'ELOOP') {
    return `symbolic link loop (ELOOP): "${target}" is a link that leads back to itself; fix or remove the link, or name the file it should point to`;
  }
  if (code === 'EACCES' || code === 'EPERM') return `permission denied: "${target}" (a folder on its path cannot be searched); check its permissions`;
  let link: string | undefined;
  try {
    link = readlinkSync(absolute);
  } catch {
    // Not a symbolic link: simply missing.
  }
  if (link !== undefined) return `broken symbolic link: "${target}" points to "${link}", which does not exist`;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `no such file or folder: "${target}"`;
  return `cannot read "${target}" (${code})`;
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const matches = await glob(pattern, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
  const ignored = gitignoreFor(cwd);
  return matches.filter((file) => isPlanFile(file) && !ignored(file)).map((file) => path.resolve(file));
}

interface IgnoreScope {
  dir: string;
  rules: Ignore;
}

/** The .gitignore files from the repository root (the nearest `.git` upward) down to `dir`. */
function ancestorScopes(dir: string): IgnoreScope[] {
  const chain: string[] = [];
  let current = dir;
  for (;;) {
    chain.unshift(current);
    if (existsSync(path.join(current, '.git'))) break;
    const parent = path.dirname(current);
    if (parent === current) {
      // Not in a repository: only the folder's own .gitignore counts.
      chain.splice(0, chain.length - 1);
      break;
    }
    current = parent;
  }
  return chain.map(scopeOf).filter((scope): scope is IgnoreScope => scope !== undefined);
}

function scopeOf(dir: string): IgnoreScope | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { dir, rules: ignore().add(text) };
}

function isIgnored(scopes: readonly IgnoreScope[], filePath: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const relative = path.relative(scope.dir, filePath).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('..')) continue;
    if (scope.rules.ignores(isDir ? `${relative}/` : relative)) return true;
  }
  return false;
}

function gitignoreFor(cwd: string): (filePath: string) => boolean {
  const scopes = ancestorScopes(cwd);
  return (filePath) => {
    // A glob can reach below cwd into folders with their own .gitignore: add those scopes too.
    const extra: IgnoreScope[] = [];
    for (let dir = path.dirname(filePath); dir.startsWith(cwd) && dir !== cwd; dir = path.dirname(dir)) {
      const scope = scopeOf(dir);
      if (scope) extra.unshift(scope);
    }
    return isIgnored([...scopes, ...extra], filePath, false);
  };
}

async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string, scopes: IgnoreScope[]): Promise<void> => {
    const own = scopeOf(dir);
    const here = own && !scopes.some((scope) => scope.dir === dir) ? [...scopes, own] : scopes;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // An unreadable folder is skipped, as git does; its files cannot be named anyway.
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name) || isIgnored(here, full, true)) continue;
        await visit(full, here);
      } else if (entry.isFile() && isPlanFile(entry.name) && !isIgnored(here, full, false)) {
        out.push(full);
      }
    }
  };
  await visit(root, ancestorScopes(root));
  return out;
}
