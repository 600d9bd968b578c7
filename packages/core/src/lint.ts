import type { ResolvedConfig } from './config/types.js';
import { sourceFromString } from './decode/decode.js';
import type { SourceText } from './decode/source-text.js';
import { defaultConfig } from './config/load-config.js';
import { applyDisableComments, findDisableComments } from './engine/disable-comments.js';
import { resolveRuleSet } from './engine/rule-set.js';
import { runRules } from './engine/run-rules.js';
import { computeFacts, type PlanFacts } from './facts/index.js';
import { parentFactsFromDocument } from './facts/parent.js';
import type { PlanDocument } from './parse/ast.js';
import { parsePlan, readSourceOf } from './parse/index.js';
import { Governance, type WaivedDiagnostic } from './governance/govern.js';
import type { GovernanceRecord } from './governance/types.js';
import type { Diagnostic, Locale } from './engine/diagnostic.js';
import { formatFromPath } from './decode/by-extension.js';

export interface LintOptions {
  filePath?: string;
  /** Default: `markdown` for `.md`/`.markdown` files, else `text`. */
  format?: 'markdown' | 'text';
  /** Message language; default: the config's, else `vi`. */
  locale?: Locale;
  /** Default: the built-in recommended packs. */
  config?: ResolvedConfig;
  /** The superior's plan; its facts replace those a pack carries. */
  parent?: PlanDocument;
}

export interface LintResult {
  filePath: string;
  source: SourceText;
  document: PlanDocument;
  /** Sorted by offset, then rule id. */
  diagnostics: Diagnostic[];
  /** The facts the rules read (for `explain`, hovers and pack authors). */
  facts: PlanFacts;
  /** Findings waivers set aside: reported as waived, never counted (docs/governance.md). */
  suppressed?: WaivedDiagnostic[];
  /** The date the plan was judged at and each rule's standing (the compliance record). */
  governance?: GovernanceRecord;
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** Lints one decoded plan: parse once, compute the facts once, run the engine once. */
export async function lintSource(source: SourceText, options: LintOptions = {}): Promise<LintResult> {
  const format = options.format ?? formatFromPath(options.filePath);
  const document = parsePlan(source, { format });
  const config = options.config ?? (await defaultConfig());
  const locale = options.locale ?? config.locale ?? 'vi';
  const ruleSet = resolveRuleSet(config, options.filePath);
  const parent = options.parent ? parentFactsFromDocument(options.parent) : ruleSet.parent;
  const facts = computeFacts(document, readSourceOf(document, source), { parent, topic: config.topic });
  // Governance (docs/governance.md): rules in force on the plan's date, waivers, locked rules.
  const governance = new Governance(config, ruleSet, facts, options.filePath);
  const found = await runRules(governance.ruleSet, facts, locale);
  const disableComments = findDisableComments(document, source);
  const governed = governance.settle(found, disableComments, locale);
  const diagnostics = applyDisableComments(governed.open, disableComments, source.lineCount, locale, ruleSet.knownIds).concat(governed.kept);
  diagnostics.sort(
    (a, b) =>
      a.position.start.offset - b.position.start.offset ||
      a.position.end.offset - b.position.end.offset ||
      a.ruleId.localeCompare(b.ruleId),
  );
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') {
      errorCount++;
      if (diagnostic.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (diagnostic.fix) fixableWarningCount++;
    }
  }
  return {
    filePath: options.filePath ?? '<text>',
    source,
    document,
    diagnostics,
    facts,
    ...(governed.waived.length ? { suppressed: governed.waived } : {}),
    governance: governance.record,
    errorCount,
    warningCount,
    fixableErrorCount,
    fixableWarningCount,
  };
}

/** Lints a string (an editor buffer, a test case) as if it were the file `options.filePath`. */
export function lintText(text: string, options: LintOptions = {}): Promise<LintResult> {
  return lintSource(sourceFromString(text), options);
}
