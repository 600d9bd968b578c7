// Which documents are plans: Markdown and .txt files under a folder that holds a plan-lint config,
// plus whatever the user opts in with `planLint.include`. A README elsewhere stays quiet.
import path from 'node:path';

export const CONFIG_FILE_NAMES = ['plan-lint.config.json', '.planlintrc.json'] as const;
export const CONFIG_FILE_GLOB = '**/{plan-lint.config.json,.planlintrc.json}';

/** A vscode.DocumentFilter / LSP TextDocumentFilter with a string glob over the file system path. */
export interface PlanDocumentFilter {
  scheme: 'file' | 'untitled';
  language?: 'markdown' | 'plaintext';
  pattern?: string;
}

/** Escapes glob metacharacters in a folder path so that `/work/[draft]` matches only itself. */
export function escapeGlobPath(folder: string): string {
  return toPosix(folder).replace(/[[\]{}()*?!]/g, (ch) => `[${ch}]`);
}

function toPosix(p: string): string {
  return p.replace(/\\/g, '/').replace(/\/+$/, '');
}

/** The folders that contain a config file, each once, shortest first (a nested one is covered already). */
export function configFolders(configFiles: readonly string[]): string[] {
  const folders = [...new Set(configFiles.map((file) => toPosix(path.dirname(file))))].sort((a, b) => a.length - b.length);
  return folders.filter((folder, index) => !folders.slice(0, index).some((outer) => folder.startsWith(`${outer}/`)));
}

/** The document selector handed to the language client. */
export function planDocumentSelector(
  configFiles: readonly string[],
  include: readonly string[],
  workspaceFolders: readonly string[],
): PlanDocumentFilter[] {
  const filters: PlanDocumentFilter[] = [];
  for (const folder of configFolders(configFiles)) {
    const base = escapeGlobPath(folder);
    filters.push({ scheme: 'file', language: 'markdown', pattern: `${base}/**/*` });
    filters.push({ scheme: 'file', language: 'plaintext', pattern: `${base}/**/*.txt` });
  }
  for (const glob of include) {
    const normalized = glob.replace(/\\/g, '/');
    if (normalized.startsWith('/')) {
      filters.push({ scheme: 'file', pattern: normalized });
      continue;
    }
    for (const folder of workspaceFolders) filters.push({ scheme: 'file', pattern: `${escapeGlobPath(folder)}/${normalized}` });
  }
  return filters;
}

/** The config file that governs a file: the one in its deepest enclosing folder. */
export function nearestConfigFile(filePath: string, configFiles: readonly string[]): string | undefined {
  const file = toPosix(filePath);
  let best: string | undefined;
  let bestDepth = -1;
  for (const configFile of configFiles) {
    if (!(CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(configFile))) continue;
    const dir = toPosix(path.dirname(configFile));
    if (file.startsWith(`${dir}/`) && dir.length > bestDepth) {
      best = configFile;
      bestDepth = dir.length;
    }
  }
  return best;
}
