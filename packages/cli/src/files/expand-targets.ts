import { readlinkSync, statSync, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { tr } from '../locale.js';
import { UsageError } from '../usage-error.js';
import { IgnoreRules, ignoredMessage, type IgnoreReason, type IgnoreSettings } from './ignores.js';

/** The inputs plan-lint reads when it walks a folder. */
export const PLAN_EXTENSIONS = ['.md', '.txt', '.docx', '.pdf'] as const;

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
const GLOB_CHARS = /[*?[\]{}]/;

export function isPlanFile(filePath: string): boolean {
  return (PLAN_EXTENSIONS as readonly string[]).includes(path.extname(filePath).toLowerCase());
}

export interface ExpandedTargets {
  /** Absolute paths to lint, sorted, each once. */
  files: string[];
  /** Messages for files and folders that were named but an ignore rule hides (ESLint warns the same way). */
  ignoredNotes: string[];
}

/**
 * Files, folders and globs → the absolute paths to lint. A folder is walked for plan files,
 * skipping what the ignore rules name (files/ignores.ts); a named file is linted whatever its
 * extension unless an ignore rule hides it, which is then said with the rule. A missing path, or a
 * folder or glob with no plan in it, is a usage error.
 */
export async function expandTargets(targets: readonly string[], cwd: string, settings: IgnoreSettings = {}): Promise<ExpandedTargets> {
  const rules = new IgnoreRules(cwd, settings);
  const found = new Set<string>();
  const ignoredNotes: string[] = [];
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    const stats = statOrUndefined(absolute);
    if (stats?.isFile()) {
      const reason = rules.reasonFor(absolute, false, path.dirname(absolute));
      if (reason) ignoredNotes.push(ignoredMessage(target, reason));
      else found.add(absolute);
    } else if (stats?.isDirectory()) {
      const reason = rules.reasonFor(absolute, true, path.dirname(absolute));
      if (reason) {
        ignoredNotes.push(ignoredMessage(target, reason));
        continue;
      }
      const { files, skipped } = await walk(absolute, rules);
      if (files.length === 0) {
        if (skipped) {
          throw new UsageError(
            tr(
              `mọi tệp kế hoạch trong thư mục "${target}" đều bị bỏ qua (ví dụ ${path.relative(cwd, skipped.file)}: mẫu "${skipped.reason.pattern}", ${skipped.reason.source}); dùng --no-ignore để vẫn kiểm tra`,
              `all plan files in folder "${target}" are ignored (e.g. ${path.relative(cwd, skipped.file)}: pattern "${skipped.reason.pattern}", ${skipped.reason.source}); use --no-ignore to lint them anyway`,
            ),
          );
        }
        throw new UsageError(tr(`không có tệp kế hoạch (${PLAN_EXTENSIONS.join(', ')}) trong thư mục "${target}"`, `no plan files (${PLAN_EXTENSIONS.join(', ')}) in folder "${target}"`));
      }
      files.forEach((file) => found.add(file));
    } else if (GLOB_CHARS.test(target)) {
      const files = await expandGlob(target, cwd, rules);
      if (files.length === 0) throw new UsageError(tr(`không có tệp nào khớp mẫu "${target}"`, `no files match the pattern "${target}"`));
      files.forEach((file) => found.add(file));
    } else {
      throw new UsageError(whyNotFound(absolute, target));
    }
  }
  return { files: [...found].sort(), ignoredNotes };
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
    return tr(
      `"${target}" không phải tệp cũng không phải thư mục (thiết bị, pipe hoặc socket); hãy nêu tệp hoặc thư mục kế hoạch`,
      `"${target}" is neither a file nor a folder (a device, pipe or socket); name plan files or folders`,
    );
  } catch (error) {
    code = (error as NodeJS.ErrnoException).code;
  }
  if (code === 'ELOOP') {
    return tr(
      `liên kết tượng trưng tạo vòng lặp (ELOOP): "${target}" dẫn ngược về chính nó; hãy sửa hoặc xoá liên kết, hoặc nêu tệp mà nó cần trỏ tới`,
      `symbolic link loop (ELOOP): "${target}" is a link that leads back to itself; fix or remove the link, or name the file it should point to`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return tr(
      `không có quyền truy cập: "${target}" (không duyệt được một thư mục trên đường dẫn); hãy kiểm tra quyền`,
      `permission denied: "${target}" (a folder on its path cannot be searched); check its permissions`,
    );
  }
  let link: string | undefined;
  try {
    link = readlinkSync(absolute);
  } catch {
    // Not a symbolic link: simply missing.
  }
  if (link !== undefined) return tr(`liên kết tượng trưng hỏng: "${target}" trỏ tới "${link}", không tồn tại`, `broken symbolic link: "${target}" points to "${link}", which does not exist`);
  if (code === 'ENOENT' || code === 'ENOTDIR') return tr(`không có tệp hay thư mục: "${target}"`, `no such file or folder: "${target}"`);
  return tr(`không đọc được "${target}" (${code})`, `cannot read "${target}" (${code})`);
}

async function expandGlob(pattern: string, cwd: string, rules: IgnoreRules): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const matches = await glob(pattern, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
  return matches.map((file) => path.resolve(file)).filter((file) => isPlanFile(file) && !rules.reasonFor(file, false, cwd));
}

/** A folder's plan files, and one file the ignore rules skipped (for the message when nothing is left). */
async function walk(root: string, rules: IgnoreRules): Promise<{ files: string[]; skipped?: { file: string; reason: IgnoreReason } }> {
  const out: string[] = [];
  let skipped: { file: string; reason: IgnoreReason } | undefined;
  const visit = async (dir: string): Promise<void> => {
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
        if (ALWAYS_SKIPPED.has(entry.name) || rules.reasonFor(full, true, root)) continue;
        await visit(full);
      } else if (entry.isFile() && isPlanFile(entry.name)) {
        const reason = rules.reasonFor(full, false, root);
        if (!reason) out.push(full);
        else skipped ??= { file: full, reason };
      }
    }
  };
  await visit(root);
  return { files: out, skipped };
}
