// Public API of @plan-lint/core. Named exports only; core never prints or exits.
export type * from './parse/ast.js';
export type { SourceText } from './decode/source-text.js';
export { createSourceText } from './decode/source-text.js';
export { decodeBytes, sourceFromString, MAX_INPUT_BYTES } from './decode/decode.js';
export { PlanLintError, PlanLintInputError } from './shared/errors.js';
export type { Diagnostic, FixRecord, Locale, Severity, Suggestion } from './report/diagnostic.js';
export { decodeDocx } from './decode/docx.js';
export { decodePdf } from './decode/pdf.js';
export { formatters, FORMAT_NAMES, isFormatName, countsOf, totalCounts, displayPath, toEslintResult } from './report/formatters/index.js';
export type { FormatName, EslintMessage, EslintResult, Formatter, ReportContext, ReportFile, ReportPack, ReportRule, SuppressedDiagnostic } from './report/formatters/index.js';
