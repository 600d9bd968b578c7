import { formatCompliance } from './compliance.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { Formatter } from './types.js';

export const formatters = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  html: formatHtml,
  compliance: formatCompliance,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatters, name);
}

export { countsOf, totalCounts, displayPath } from './counts.js';
export { formatJsonChunks, toEslintResult } from './json.js';
export type { EslintMessage, EslintResult } from './json.js';
export type { Formatter, ReportContext, ReportFile, ReportPack, ReportRule, SuppressedDiagnostic } from './types.js';
