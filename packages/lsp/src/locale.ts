import type { Locale } from '@plan-lint/core';

/**
 * The language of what the server says when no setting or config file names one: the client's
 * locale (InitializeParams.locale: `vi`, `en-US`), else the environment's (LC_ALL, LC_MESSAGES,
 * LANG, as the CLI reads them), else Vietnamese.
 */
export function localeOfTag(tag: string | undefined): Locale | undefined {
  const language = tag ? /^([a-z]{2,3})(?:[_.@-]|$)/i.exec(tag)?.[1]?.toLowerCase() : undefined;
  return language === 'vi' || language === 'en' ? language : undefined;
}

export function environmentLocale(env: NodeJS.ProcessEnv = process.env): Locale | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return localeOfTag(value);
  }
  return undefined;
}

/** Both wordings are written at each place, so that neither can be forgotten. */
export function say(locale: Locale, vi: string, en: string): string {
  return locale === 'en' ? en : vi;
}
