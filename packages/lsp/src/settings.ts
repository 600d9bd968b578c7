import type { Locale } from '@plan-lint/core';

/** The client's `planLint` settings section, as the server uses it. */
export interface PlanLintSettings {
  enable: boolean;
  /** `onType` lints every edit; `onSave` only on open and save (push mode). */
  run: 'onType' | 'onSave';
  /** Message language; undefined lets the config file decide (default vi). */
  locale?: Locale;
  /** Packs added to the config's (names, files or URLs, as in the config file). */
  packs: string[];
  /** The parent plan, when no config file names one (a path, relative to the workspace folder). */
  parent?: string;
  /** Push-mode debounce. 0 lints at once; the default keeps a burst of keystrokes to one run. */
  debounceMs: number;
  /**
   * An untrusted workspace (VS Code Workspace Trust): only the built-in packs run; the workspace's
   * config, its packs and its parent plan are not read, and nothing is fetched.
   */
  onlyBuiltInPacks: boolean;
}

export const DEFAULT_SETTINGS: PlanLintSettings = {
  enable: true,
  run: 'onType',
  packs: [],
  debounceMs: 40,
  onlyBuiltInPacks: false,
};

/** Reads settings from whatever the client sent; anything malformed falls back to the default. */
export function normalizeSettings(raw: unknown): PlanLintSettings {
  const value = isRecord(raw) && isRecord(raw.planLint) ? raw.planLint : raw;
  if (!isRecord(value)) return { ...DEFAULT_SETTINGS };
  const settings: PlanLintSettings = { ...DEFAULT_SETTINGS, packs: [] };
  if (typeof value.enable === 'boolean') settings.enable = value.enable;
  if (value.run === 'onType' || value.run === 'onSave') settings.run = value.run;
  if (value.locale === 'vi' || value.locale === 'en') settings.locale = value.locale;
  if (Array.isArray(value.packs)) settings.packs = value.packs.filter((pack): pack is string => typeof pack === 'string' && pack !== '');
  if (typeof value.parent === 'string' && value.parent !== '') settings.parent = value.parent;
  if (value.onlyBuiltInPacks === true || value.workspaceTrusted === false) settings.onlyBuiltInPacks = true;
  if (typeof value.debounceMs === 'number' && Number.isFinite(value.debounceMs)) {
    settings.debounceMs = Math.min(2000, Math.max(0, Math.round(value.debounceMs)));
  }
  return settings;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
