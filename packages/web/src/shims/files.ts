// The files core and the CLI code read in the browser: the built-in packs, the registry, the word
// lookup and the package manifests, embedded at build time (scripts/build.mjs), plus the plans,
// parent plan and pack the person gives the page. Read-only for core; nothing touches a disk.
import embedded from 'plan-lint-web:embedded';

export const ROOT = '/plan-lint';
export const INPUT_DIR = '/plan-lint/input';

const files = new Map<string, Uint8Array>();
const directories = new Set<string>(['/']);
const decoded = new Map<string, string>();

function addDirectoriesOf(filePath: string): void {
  for (let dir = parentOf(filePath); !directories.has(dir); dir = parentOf(dir)) directories.add(dir);
}

function parentOf(filePath: string): string {
  const at = filePath.lastIndexOf('/');
  return at <= 0 ? '/' : filePath.slice(0, at);
}

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const encoder = new TextEncoder();
for (const [name, entry] of Object.entries(embedded as Record<string, { text?: string; base64?: string }>)) {
  // Decoded on first read: the word lookup is only needed when a plan repeats a syllable.
  decoded.set(name, entry.text ?? '');
  if (entry.base64 !== undefined) files.set(name, base64Bytes(entry.base64));
  addDirectoriesOf(name);
}

export function fileBytes(filePath: string): Uint8Array | undefined {
  const bytes = files.get(filePath);
  if (bytes) return bytes;
  const text = decoded.get(filePath);
  if (text === undefined) return undefined;
  const encoded = encoder.encode(text);
  files.set(filePath, encoded);
  return encoded;
}

export function isDirectory(filePath: string): boolean {
  return directories.has(filePath);
}

export function isFile(filePath: string): boolean {
  return files.has(filePath) || decoded.has(filePath);
}

export function listDirectory(dir: string): Array<{ name: string; directory: boolean }> {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  const names = new Map<string, boolean>();
  for (const name of new Set([...files.keys(), ...decoded.keys(), ...directories])) {
    if (!name.startsWith(prefix) || name === prefix) continue;
    const rest = name.slice(prefix.length);
    const first = rest.split('/')[0];
    if (first) names.set(first, names.get(first) || rest.includes('/') || directories.has(prefix + first));
  }
  return [...names.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, directory]) => ({ name, directory }));
}

/** The page's inputs of one run: earlier inputs are dropped first. */
export function setInputs(inputs: ReadonlyArray<{ path: string; bytes: Uint8Array }>): void {
  for (const name of [...files.keys()]) if (name.startsWith(`${INPUT_DIR}/`)) files.delete(name);
  for (const dir of [...directories]) if (dir.startsWith(`${INPUT_DIR}/`)) directories.delete(dir);
  for (const input of inputs) {
    files.set(input.path, input.bytes);
    addDirectoriesOf(input.path);
  }
}
