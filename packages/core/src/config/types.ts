import type { LoadedPack, RuleSeverity } from '../engine/pack-types.js';
import type { Locale } from '../report/diagnostic.js';
import type { WaiverRegister } from '../governance/types.js';

export type RuleSetting = RuleSeverity | 'warn';

export interface ConfigOverride {
  /** picomatch globs, relative to the config file's folder. */
  files: string[];
  rules: Record<string, RuleSetting>;
}

/** A config with its packs loaded and its paths made absolute: what `lintSource` needs. */
export interface ResolvedConfig {
  /** The config file, when there was one. */
  filePath?: string;
  /** Folder the globs and relative paths are resolved against. */
  baseDir: string;
  packs: LoadedPack[];
  rules: Record<string, RuleSetting>;
  overrides: ConfigOverride[];
  locale?: Locale;
  /** Globs (relative to baseDir) of files not to lint, as the config wrote them. */
  ignores?: string[];
  /** Forces every plan's topic (`binh-dang-gioi`, `other` …) instead of reading it from the plan. */
  topic?: string;
  /** Absolute path of the parent plan, if the config names one. */
  parent?: string;
  /** plan-lint.waivers.json beside the config (docs/governance.md). */
  waivers?: WaiverRegister;
}
