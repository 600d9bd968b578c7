// Public API of @plan-lint/core: what the CLI, the language server, the VS Code extension and the
// web page use (a test in test/layers.test.ts keeps it so). Named exports only; core never prints
// or exits. The fixture-marker harness is @plan-lint/core/testing.
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

// decode
export type { SourceText } from './decode/source-text.js';
export { createSourceText } from './decode/source-text.js';
export { assertInputSize, decodeBytes, readPlanBytes, readPlanBytesAsync, sourceFromString, MAX_INPUT_BYTES } from './decode/decode.js';
export { decodeByExtension } from './decode/by-extension.js';
export { readBoundedFile, sizeOverLimit } from './shared/read-file.js';
export { PlanLintInputError } from './shared/errors.js';
export { closestName } from './shared/did-you-mean.js';

// parse, facts
export { parsePlan } from './parse/index.js';
export type { TopicFact } from './facts/index.js';
export { extractTopicFacts } from './facts/topic-facts.js';
export { formatDate } from './facts/text.js';
export { readRegistryDocuments, registryDocumentsPath } from './facts/registry.js';

// engine, packs, config
export type { Diagnostic, FixRecord, Locale, Severity, Suggestion, SuppressedDiagnostic } from './engine/diagnostic.js';
export { applyFixes } from './fix/apply-fixes.js';
export { fixUntilStable } from './fix/fix-until-stable.js';
export type { ResolvedConfig, RuleSetting, ConfigOverride } from './config/types.js';
export { loadConfig, loadConfigFile, findConfigFile, defaultConfig, CONFIG_FILE_NAMES } from './config/load-config.js';
export { resolvePack, resolvePacks, RULE_FILE } from './engine/pack-loader.js';
export type { LoadedPack, PackJson, PackRule, ParentFacts, RuleSeverity, LocalizedText, EffectivePeriod } from './engine/pack-types.js';
export { configSchemaPath, isBuiltinPackName } from './engine/builtin-packs.js';
export { flattenPacks, resolveRuleSet } from './engine/rule-set.js';
export type { EffectiveRule, RuleSet } from './engine/rule-set.js';
export { derivePack } from './engine/derive-pack.js';
export type { DerivePackOptions } from './engine/derive-pack.js';

// governance
export { loadWaivers } from './governance/waivers.js';
export { spanFromArgument, isoToday } from './governance/dates.js';
export type { JudgedSpan } from './governance/dates.js';
export type { GovernanceRecord, RuleApplication, NotApplicableReason, Waiver, WaiverRegister } from './governance/types.js';
export { packSha256 } from './governance/pack-digest.js';

// lint
export { lintSource, lintText } from './lint.js';
export type { LintOptions, LintResult } from './lint.js';

// report
export { formatters, countsOf, formatJsonChunks } from './report/formatters/index.js';
export { findingPlace } from './report/formatters/json.js';
export type { FormatName, Formatter, ReportContext, ReportFile, ReportPack, ReportRule } from './report/formatters/index.js';
export { reviewDocx } from './report/review/review-docx.js';
export type { ReviewCopy, ReviewOptions } from './report/review/review-docx.js';
export { explainResult } from './report/explain.js';
export type { RuleExplanation, ConditionTrace, SeverityLayer } from './report/explain.js';
export { explanationLines, explanationsText } from './report/explain-text.js';
export { governedRules } from './report/rules-at.js';
export type { GovernedRule } from './report/rules-at.js';
export { outcomeChanges } from './report/outcome-diff.js';
export type { RuleChange, RuleStanding } from './report/outcome-diff.js';
export { REASON_TEXT } from './report/outcome.js';
