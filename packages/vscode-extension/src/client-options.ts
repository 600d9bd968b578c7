// The parts of the language client's options that follow from the settings and Workspace Trust.
import type { PlanDocumentFilter } from './document-scope.js';
import type { PlanLintSettings } from './settings.js';
import { serverSettings, type ServerSettings } from './trust.js';

export const SETTINGS_SECTION = 'planLint';

export interface PullOptions {
  onChange: boolean;
  onSave: boolean;
  onFocus: boolean;
}

/** Pull diagnostics on each change (onType) or only on save; always on save and focus. */
export function diagnosticPullOptions(settings: PlanLintSettings): PullOptions {
  return { onChange: settings.run === 'onType', onSave: true, onFocus: true };
}

export interface InitializationOptions {
  settings: ServerSettings;
  /** Same as settings.workspaceTrusted; kept at the top for servers that read only this. */
  workspaceTrusted: boolean;
}

export function initializationOptions(settings: PlanLintSettings, isTrusted: boolean): InitializationOptions {
  return { settings: serverSettings(settings, isTrusted), workspaceTrusted: isTrusted };
}

/**
 * Answers a workspace/configuration request: the `planLint` section (or the whole configuration)
 * gets the trust-restricted settings, any other section what VS Code answered.
 */
export function answerConfiguration(
  items: readonly { section?: string }[],
  answered: readonly unknown[],
  settings: PlanLintSettings,
  isTrusted: boolean,
): unknown[] {
  const ours = serverSettings(settings, isTrusted);
  return items.map((item, index) => {
    if (item.section === SETTINGS_SECTION) return ours;
    if (item.section === undefined || item.section === '') return { ...(asRecord(answered[index])), [SETTINGS_SECTION]: ours };
    if (item.section.startsWith(`${SETTINGS_SECTION}.`)) {
      const key = item.section.slice(SETTINGS_SECTION.length + 1) as keyof ServerSettings;
      return ours[key] ?? answered[index];
    }
    return answered[index];
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** What decides the client's shape; when it changes the client restarts. */
export interface ClientShape {
  selector: PlanDocumentFilter[];
  watchedFiles: string[];
  run: PlanLintSettings['run'];
  isTrusted: boolean;
}

export function sameShape(a: ClientShape, b: ClientShape): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
