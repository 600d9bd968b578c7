// The extension's settings (`planLint.*`), read once per change through a minimal reader so that
// tests pass a plain object instead of vscode.WorkspaceConfiguration.

export type RunMode = 'onType' | 'onSave';
export type TraceLevel = 'off' | 'messages' | 'verbose';
export type MessageLocale = 'vi' | 'en';
/** `auto`: the server decides (the config file's `locale`, else the client's display language, else vi). */
export type LocaleSetting = 'auto' | MessageLocale;

export interface PlanLintSettings {
  enable: boolean;
  run: RunMode;
  packs: string[];
  parent: string;
  locale: LocaleSetting;
  include: string[];
  trace: TraceLevel;
}

/** The part of vscode.WorkspaceConfiguration this module reads. */
export interface SettingsReader {
  get<T>(key: string): T | undefined;
}

export const DEFAULT_SETTINGS: PlanLintSettings = {
  enable: true,
  run: 'onType',
  packs: [],
  parent: '',
  locale: 'auto',
  include: [],
  trace: 'off',
};

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());
}

/** Reads `planLint.*`; a wrong type in settings.json falls back to the default instead of throwing. */
export function readSettings(config: SettingsReader): PlanLintSettings {
  const enable = config.get<unknown>('enable');
  const parent = config.get<unknown>('parent');
  return {
    enable: typeof enable === 'boolean' ? enable : DEFAULT_SETTINGS.enable,
    run: oneOf(config.get<unknown>('run'), ['onType', 'onSave'] as const, DEFAULT_SETTINGS.run),
    packs: stringList(config.get<unknown>('packs')),
    parent: typeof parent === 'string' ? parent.trim() : '',
    locale: oneOf(config.get<unknown>('locale'), ['auto', 'vi', 'en'] as const, DEFAULT_SETTINGS.locale),
    include: stringList(config.get<unknown>('include')),
    trace: oneOf(config.get<unknown>('trace.server'), ['off', 'messages', 'verbose'] as const, DEFAULT_SETTINGS.trace),
  };
}

/** The language the extension's own texts (the status bar) use: the setting, else VS Code's display language. */
export function displayLocale(setting: LocaleSetting, displayLanguage: string): MessageLocale {
  if (setting !== 'auto') return setting;
  return /^en\b/i.test(displayLanguage) ? 'en' : 'vi';
}
