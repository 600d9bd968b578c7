// Workspace Trust: a workspace we do not trust may name packs that are files, npm packages or URLs
// (code-free JSON, but fetched from the network or read from anywhere on disk). Until the user
// trusts it, only the packs that ship inside the extension run, and nothing is fetched.
import type { PlanLintSettings } from './settings.js';

/** A built-in pack is named by a bare name such as `van-ban`: no path, no scope, no URL. */
export function isBuiltInPackRef(ref: string): boolean {
  return /^[a-z0-9][a-z0-9-]*$/.test(ref);
}

/** What the server is told to use, given trust; `parent` is a file the workspace names, so it goes too. */
export function restrictForTrust(settings: PlanLintSettings, isTrusted: boolean): PlanLintSettings {
  if (isTrusted) return settings;
  return { ...settings, packs: settings.packs.filter(isBuiltInPackRef), parent: '', include: [] };
}

/** The settings object the language server receives (initializationOptions and workspace/configuration). */
export interface ServerSettings {
  enable: boolean;
  run: PlanLintSettings['run'];
  packs: string[];
  parent: string;
  /** Absent when the setting is `auto`: the server then takes the config file's, else the client's display language. */
  locale?: 'vi' | 'en';
  /** false: load only built-in packs, ignore the workspace's config packs and parent, fetch no URL. */
  workspaceTrusted: boolean;
  onlyBuiltInPacks: boolean;
}

export function serverSettings(settings: PlanLintSettings, isTrusted: boolean): ServerSettings {
  const allowed = restrictForTrust(settings, isTrusted);
  return {
    enable: allowed.enable,
    run: allowed.run,
    packs: allowed.packs,
    parent: allowed.parent,
    ...(allowed.locale === 'auto' ? {} : { locale: allowed.locale }),
    workspaceTrusted: isTrusted,
    onlyBuiltInPacks: !isTrusted,
  };
}
