// What the client needs to know of a plan-lint config file: the packs and the parent it names.
// The server owns the real loading and validation (with errors on the config file itself).
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';

export interface ConfigRefs {
  packs: string[];
  parent?: string;
}

function refOf(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object') {
    for (const key of ['path', 'file', 'source', 'url', 'pack', 'name']) {
      const value = (entry as Record<string, unknown>)[key];
      if (typeof value === 'string') return value;
    }
  }
  return undefined;
}

/** Packs and parent named by a config (JSON with comments); undefined when it does not parse. */
export function readConfigRefs(text: string): ConfigRefs | undefined {
  const errors: ParseError[] = [];
  const config: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !config || typeof config !== 'object' || Array.isArray(config)) return undefined;
  const record = config as Record<string, unknown>;
  const rawPacks = Array.isArray(record.packs) ? record.packs : record.packs === undefined ? [] : [record.packs];
  const packs = rawPacks.map(refOf).filter((ref): ref is string => typeof ref === 'string' && ref !== '');
  const parent = refOf(record.parent);
  return parent ? { packs, parent } : { packs };
}

/** The packs shown in the status bar: the config's, then the settings' extra ones, each once. */
export function packsInUse(configRefs: ConfigRefs | undefined, settingsPacks: readonly string[]): string[] {
  return [...new Set([...(configRefs?.packs ?? []), ...settingsPacks])];
}
