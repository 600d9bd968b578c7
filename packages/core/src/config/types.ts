import type { Locale } from '../engine/diagnostic.js';
import type { ConfigOverride, RuleConfig, RuleSetting } from '../engine/pack-types.js';
import type { WaiverRegister } from '../governance/types.js';

export type { ConfigOverride, RuleSetting };

/** A config with its packs loaded and its paths made absolute: what `lintSource` needs. */
export interface ResolvedConfig extends RuleConfig {
  /** The config file, when there was one. */
  filePath?: string;
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
