import { pathToFileURL } from 'node:url';
import { notApplicableRules, REASON_TEXT } from '../outcome.js';
import type { Diagnostic } from '../../engine/diagnostic.js';
import { displayPath, sortedDiagnostics } from './counts.js';
import type { Formatter, ReportRule, SuppressedDiagnostic } from './types.js';

const INFORMATION_URI = 'https://github.com/plan-lint/plan-lint';

/**
 * SARIF 2.1.0 (OASIS): one run, the rules that were in force as `tool.driver.rules` with their
 * docs links, one result per finding with its region, fixes as replacements, waived findings
 * with a `suppressions` entry, unreadable files as tool execution notifications. A rule that did
 * not judge a file (no parent plan, off, not in force …) is a `toolConfigurationNotifications` entry
 * (level "note", the rule as `associatedRule`, the file as location, `properties.reason`): no result
 * for a rule must not read as a pass.
 */
export const formatSarif: Formatter = (files, context) => {
  const rules = new Map<string, ReportRule>();
  for (const rule of context.rules) rules.set(rule.id, rule);
  // A finding under a rule the context did not list (e.g. inline-directive) still gets metadata.
  for (const file of files) {
    for (const diagnostic of [...file.diagnostics, ...(file.suppressed ?? [])]) {
      if (!rules.has(diagnostic.ruleId)) {
        rules.set(diagnostic.ruleId, { id: diagnostic.ruleId, pack: diagnostic.pack, severity: diagnostic.severity, docsUrl: diagnostic.docsUrl });
      }
    }
  }
  const ruleList = [...rules.values()];
  const ruleIndex = new Map(ruleList.map((rule, index) => [rule.id, index]));
  const artifacts = files.map((file) => ({ location: artifactLocation(file.filePath, context.cwd) }));

  const results: unknown[] = [];
  const notifications: unknown[] = [];
  const configurationNotifications: unknown[] = [];
  files.forEach((file, index) => {
    const location = { ...artifactLocation(file.filePath, context.cwd), index };
    if (file.fatal) {
      notifications.push({
        level: 'error',
        message: { text: file.fatal.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: { startLine: file.fatal.line ?? 1, startColumn: file.fatal.column ?? 1 } } }],
      });
    }
    for (const { ruleId, reason } of notApplicableRules(file)) {
      configurationNotifications.push({
        descriptor: { id: 'rule-not-applicable' },
        associatedRule: { id: ruleId, ...(ruleIndex.has(ruleId) ? { index: ruleIndex.get(ruleId) } : {}) },
        level: 'note',
        message: { text: `${ruleId}: ${REASON_TEXT[context.locale][reason]}` },
        locations: [{ physicalLocation: { artifactLocation: location } }],
        properties: { outcome: 'not-applicable', reason },
      });
    }
    const toResult = (diagnostic: Diagnostic | SuppressedDiagnostic, suppressed: boolean) => {
      const { start, end } = diagnostic.position;
      const result: Record<string, unknown> = {
        ruleId: diagnostic.ruleId,
        ruleIndex: ruleIndex.get(diagnostic.ruleId),
        level: diagnostic.severity === 'error' ? 'error' : 'warning',
        message: { text: diagnostic.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: {
                startLine: start.line,
                startColumn: start.column,
                endLine: end.line,
                endColumn: end.column,
                charOffset: start.offset,
                charLength: Math.max(0, end.offset - start.offset),
              },
            },
          },
        ],
      };
      if (diagnostic.fix) {
        result.fixes = [
          {
            description: { text: diagnostic.message },
            artifactChanges: [
              {
                artifactLocation: location,
                replacements: [
                  {
                    deletedRegion: { charOffset: diagnostic.fix.range[0], charLength: diagnostic.fix.range[1] - diagnostic.fix.range[0] },
                    insertedContent: { text: diagnostic.fix.text },
                  },
                ],
              },
            ],
          },
        ];
      }
      if (suppressed) {
        const justification = (diagnostic as SuppressedDiagnostic).justification;
        result.suppressions = [{ kind: 'inSource', ...(justification ? { justification } : {}) }];
      }
      results.push(result);
    };
    for (const diagnostic of sortedDiagnostics(file.diagnostics)) toResult(diagnostic, false);
    for (const diagnostic of sortedDiagnostics(file.suppressed ?? [])) toResult(diagnostic, true);
  });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plan-lint',
            version: context.version,
            semanticVersion: context.version,
            informationUri: INFORMATION_URI,
            rules: ruleList.map((rule) => ({
              id: rule.id,
              name: rule.id,
              ...(rule.description ? { shortDescription: { text: rule.description } } : {}),
              helpUri: rule.docsUrl,
              help: { text: rule.docsUrl },
              defaultConfiguration: { enabled: rule.severity !== 'off', level: rule.severity === 'error' ? 'error' : 'warning' },
              properties: { pack: rule.pack, ...(rule.fixable ? { fixable: true } : {}), ...(rule.legalBasis ? { legalBasis: rule.legalBasis } : {}) },
            })),
          },
          extensions: context.packs.map((pack) => ({ name: pack.name, version: pack.version })),
        },
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            toolExecutionNotifications: notifications,
            ...(configurationNotifications.length ? { toolConfigurationNotifications: configurationNotifications } : {}),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.cwd.endsWith('/') ? context.cwd : `${context.cwd}/`).href } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(filePath, cwd);
  if (shown.startsWith('/') || /^[A-Za-z]:/.test(shown)) return { uri: pathToFileURL(filePath).href };
  if (shown.startsWith('<')) return { uri: encodeURI(shown) };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
