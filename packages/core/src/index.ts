// Public API of @plan-lint/core. Named exports only; core never prints or exits.
export type * from './parse/ast.js';
// The document tree (docs/document-tree.md); `Paragraph` and `Text` are named apart from the AST's.
export type {
  Root,
  BlockContent,
  PhrasingContent,
  Heading,
  Paragraph as TreeParagraph,
  Text as TreeText,
  Break,
  List,
  ListItem,
  Marker,
  Table,
  TableRow,
  TableCell,
  Blockquote,
  Html,
  Code,
  ThematicBreak,
  Frontmatter,
  PlanHeader,
  LegalBasis,
  RecipientsBlock,
  SignatureBlock,
  RowInfo,
  TreeNode,
} from './parse/tree.js';
export type { SourceText } from './decode/source-text.js';
export { createSourceText } from './decode/source-text.js';
export { assertInputSize, decodeBytes, readPlanBytes, readPlanBytesAsync, sourceFromString, MAX_INPUT_BYTES } from './decode/decode.js';
export { readBoundedFile, readBoundedFileAsync, readJsonText, readJsonTextAsync, sizeOverLimit, withoutBom, MAX_JSON_FILE_BYTES } from './shared/read-file.js';
export type { BoundedRead } from './shared/read-file.js';
export { parsePlan, classifySection, classifyDeadline, parseSymbol, isCalendarDate } from './parse/index.js';
export type { ParseOptions } from './parse/index.js';
export { PlanLintError, PlanLintInputError } from './shared/errors.js';
export { closestName } from './shared/did-you-mean.js';
export { ownTempPath } from './shared/temp-file.js';
export type { Diagnostic, FixRecord, Locale, Severity, Suggestion } from './report/diagnostic.js';
export { decodeDocx } from './decode/docx.js';
export { reviewDocx } from './report/review/review-docx.js';
export type { ReviewCopy, ReviewOptions } from './report/review/review-docx.js';
export { decodePdf, PDF_LIMITS } from './decode/pdf.js';
export type { PdfDecodeOptions, PdfLimits } from './decode/pdf.js';
export { formatters, FORMAT_NAMES, isFormatName, countsOf, totalCounts, displayPath, formatJsonChunks, toEslintResult } from './report/formatters/index.js';
export type { FormatName, EslintMessage, EslintResult, Formatter, ReportContext, ReportFile, ReportPack, ReportRule, SuppressedDiagnostic } from './report/formatters/index.js';
export { lintSource, lintText, formatFromPath } from './lint.js';
export type { LintOptions, LintResult } from './lint.js';
export { applyFixes } from './fix/apply-fixes.js';
export type { AppliedFixes } from './fix/apply-fixes.js';
export type { ResolvedConfig, RuleSetting, ConfigOverride } from './config/types.js';
export { resolvePack, resolvePacks, loadPackFromFile, RULE_FILE } from './engine/pack-loader.js';
export type { PackRef, PackLoadOptions } from './engine/pack-loader.js';
export type { LoadedPack, PackJson, PackRule, ParentFacts, RuleSeverity, LocalizedText } from './engine/pack-types.js';
export { BUILTIN_PACKS, builtinPackPath, builtinRulesDir, configSchemaPath, defaultConfig, isBuiltinPackName, loadBuiltinPack } from './engine/builtin-packs.js';
export { flattenPacks, resolveRuleSet } from './engine/rule-set.js';
export type { EffectiveRule, RuleSet } from './engine/rule-set.js';
export { DIRECTIVE_RULE_ID } from './engine/directives.js';
export { computeFacts, parentFactsFromDocument } from './facts/index.js';
export type { PlanFacts, TopicFact } from './facts/index.js';
export { extractTopicFacts } from './facts/topic-facts.js';
export { loadConfig, loadConfigFile, findConfigFile, CONFIG_FILE_NAMES } from './config/load-config.js';
export type { ConfigJson, LoadConfigOptions } from './config/load-config.js';
export { derivePack } from './engine/derive-pack.js';
export type { DerivePackOptions } from './engine/derive-pack.js';
export type { ErrorPlace } from './engine/pack-loader.js';
export { Governance, WAIVER_EXPIRED_RULE_ID, LOCKED_DISABLE_RULE_ID } from './governance/govern.js';
export type { GovernedFindings, WaivedDiagnostic } from './governance/govern.js';
export { loadWaivers, loadWaiversFile, waiversFor, WAIVERS_FILE_NAME } from './governance/waivers.js';
export { assertLockedRulesKept, lockedRules } from './governance/locked.js';
export { inForce, judgedSpan, spanFromArgument, isoToday } from './governance/dates.js';
export type { JudgedSpan } from './governance/dates.js';
export { rulesInForce, ruleInForce, packsByName } from './governance/in-force.js';
export type { GovernanceRecord, RuleApplication, NotApplicableReason, Waiver, WaiverRegister } from './governance/types.js';
export type { EffectivePeriod } from './engine/pack-types.js';
export { packSha256, sha256Hex } from './governance/pack-digest.js';
export { complianceRecord, planRecord, COMPLIANCE_SCHEMA_ID } from './governance/compliance-record.js';
export type { ComplianceRecord, PlanRecord, RuleRecord, RuleOutcome, Evidence } from './governance/compliance-record.js';
export { explainResult, severityLayers } from './governance/explain.js';
export type { RuleExplanation, ConditionTrace, SeverityLayer } from './governance/explain.js';
export { explanationLines, explanationsText, conditionText } from './governance/explain-text.js';
export { governedRules } from './governance/rules-at.js';
export type { GovernedRule } from './governance/rules-at.js';
export { outcomeChanges, standings } from './governance/outcome-diff.js';
export { notApplicableRules, REASON_TEXT, ruleVerdict } from './governance/outcome.js';
export type { RuleVerdict } from './governance/outcome.js';
export type { RuleChange, RuleStanding } from './governance/outcome-diff.js';
export { parseExpectations, compareWithExpectations } from './engine/expectations.js';
export type { Expectation, FixtureConfig, ParsedFixture, ReportedDiagnostic } from './engine/expectations.js';
