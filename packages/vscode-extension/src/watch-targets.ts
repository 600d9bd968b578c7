// The files whose change must re-lint open plans: config files, the pack files and the parent plan
// that a config or the settings name. The client watches them and forwards the events to the server
// (workspace/didChangeWatchedFiles), which knows what each one means.
import path from 'node:path';
import { readConfigRefs } from './config-file.js';
import { CONFIG_FILE_GLOB } from './document-scope.js';

/** Glob patterns watched in every workspace folder, whatever the config says. */
export const ALWAYS_WATCHED_GLOBS = [CONFIG_FILE_GLOB, '**/*.pack.json', '**/rule.json', '**/plan-lint.lock.json'] as const;

/** A pack reference that is a local file (not a built-in name, an npm package or a URL). */
export function isLocalFileRef(ref: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return ref.startsWith('file://');
  return ref.startsWith('./') || ref.startsWith('../') || path.isAbsolute(ref) || /\.json$/i.test(ref);
}

function resolveFrom(baseDir: string, ref: string): string {
  if (ref.startsWith('file://')) return new URL(ref).pathname;
  return path.resolve(baseDir, ref);
}

/**
 * Local pack files and the parent plan named by one config file (JSON with comments). A config that
 * does not parse names nothing: the server reports the error on the config itself.
 */
export function watchTargetsFromConfig(configPath: string, text: string): string[] {
  const refs = readConfigRefs(text);
  if (!refs) return [];
  const baseDir = path.dirname(configPath);
  const targets = refs.packs.filter(isLocalFileRef).map((ref) => resolveFrom(baseDir, ref));
  if (refs.parent) targets.push(resolveFrom(baseDir, refs.parent));
  return targets;
}

/** Files named by the settings (`planLint.packs`, `planLint.parent`), relative to a workspace folder. */
export function watchTargetsFromSettings(workspaceFolder: string, packs: readonly string[], parent: string): string[] {
  const targets = packs.filter(isLocalFileRef).map((ref) => resolveFrom(workspaceFolder, ref));
  if (parent) targets.push(resolveFrom(workspaceFolder, parent));
  return targets;
}
