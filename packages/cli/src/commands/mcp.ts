import path from 'node:path';
import { parseArgs } from 'node:util';
import { findingPlace, type Diagnostic, type LintResult, type Locale, type ResolvedConfig } from '@plan-lint/core';
import { withUsageErrors } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { planLintVersion } from '../version.js';
import { McpWorkspace } from './mcp-workspace.js';
import { BoundedStdioTransport } from './mcp-transport.js';
import { printedHelp } from './shared.js';
import { tr } from '../locale.js';

interface PlanArgs {
  path?: string;
  text?: string;
  fileName?: string;
  locale?: Locale;
}

function finding(diagnostic: Diagnostic) {
  return { ruleId: diagnostic.ruleId, severity: diagnostic.severity, message: diagnostic.message, ...findingPlace(diagnostic), pack: diagnostic.pack };
}

/** `plan-lint mcp`: tools over stdio with the official SDK; every answer is JSON text. */
export async function runMcp(argv: string[]): Promise<number> {
  if (printedHelp(argv, 'mcp')) return 0;
  const { values } = withUsageErrors(() =>
    parseArgs({
      args: argv,
      options: { config: { type: 'string', short: 'c' }, root: { type: 'string' }, 'allow-network': { type: 'boolean' } },
      strict: true,
    }),
  );
  const cwd = process.cwd();
  let workspace: McpWorkspace;
  try {
    workspace = new McpWorkspace(path.resolve(cwd, values.root ?? '.'), { configPath: values.config, allowNetwork: values['allow-network'] === true });
  } catch (error) {
    throw new UsageError(`--root "${values.root}" is not a folder that can be read: ${(error as Error).message}`);
  }
  const root = workspace.root;
  // Loaded here, not at the top: the SDK is only needed by this command (cold start of the others).
  const [{ McpServer }, { z }, core] = await Promise.all([import('@modelcontextprotocol/sdk/server/mcp.js'), import('zod'), import('@plan-lint/core')]);

  const lintPlan = async (args: PlanArgs): Promise<{ result: LintResult; config: ResolvedConfig; locale: Locale }> => {
    if (args.path) return workspace.lintFile(args.path, args.locale);
    if (args.text === undefined) throw new UsageError(tr('hãy cho "path" (tệp kế hoạch) hoặc "text" (nội dung kế hoạch)', 'give "path" (a plan file) or "text" (the plan itself)'));
    return workspace.lintText(args.text, args.fileName, args.locale);
  };
  const answer = (value: unknown) => ({ content: [{ type: 'text' as const, text: JSON.stringify(value, null, 2) }] });
  const failure = (error: unknown) => ({
    isError: true,
    content: [{ type: 'text' as const, text: error instanceof Error ? (error as { format?: () => string }).format?.() ?? error.message : String(error) }],
  });
  const planShape = {
    path: z.string().optional().describe('A plan file (.md, .txt, .docx, .pdf) inside the workspace root, relative to it'),
    text: z.string().optional().describe('The plan text itself (Markdown or plain text), instead of a path'),
    fileName: z.string().optional().describe('With text: the file name it stands for (picks the config, waivers, Markdown or text)'),
    locale: z.enum(['vi', 'en']).optional(),
  };

  const server = new McpServer({ name: 'plan-lint', version: planLintVersion() });
  server.registerTool(
    'lint_plan',
    { title: 'Lint a plan', description: 'Lint a Vietnamese administrative plan (Kế hoạch) with the packs in use; findings with ranges.', inputSchema: planShape },
    async (args) => {
      try {
        const { result } = await lintPlan(args);
        return answer({
          filePath: path.relative(root, result.filePath) || result.filePath,
          judgedOn: result.governance?.judgedOn,
          errorCount: result.errorCount,
          warningCount: result.warningCount,
          diagnostics: result.diagnostics.map(finding),
          waived: (result.suppressed ?? []).map((diagnostic) => ({ ...finding(diagnostic), waiver: diagnostic.waiver })),
        });
      } catch (error) {
        return failure(error);
      }
    },
  );
  server.registerTool(
    'explain_finding',
    {
      title: 'Explain a finding',
      description: 'Why a rule fired or not on a plan: the facts it read with ranges, the deciding condition, the layers that set its severity.',
      inputSchema: { ...planShape, rule: z.string().describe('The rule id, e.g. action-month') },
    },
    async (args) => {
      try {
        const { result, config, locale } = await lintPlan(args);
        const [explanation] = await core.explainResult(result, config, args.rule);
        if (!explanation) return failure(new Error(`rule "${args.rule}" is not defined by the packs in use`));
        return {
          content: [
            { type: 'text' as const, text: core.explanationLines(explanation, locale).join('\n') },
            { type: 'text' as const, text: JSON.stringify(explanation, null, 2) },
          ],
        };
      } catch (error) {
        return failure(error);
      }
    },
  );
  server.registerTool(
    'list_rules',
    {
      title: 'List rules',
      description: 'The rules of the packs in use: pack, severity, locked, legal basis, dates in force; with "at", whether each was in force that day.',
      inputSchema: { at: z.string().optional().describe('A date (YYYY-MM-DD) or a year'), locale: z.enum(['vi', 'en']).optional() },
    },
    async (args) => {
      try {
        const span = args.at ? core.spanFromArgument(args.at) : undefined;
        if (args.at && !span) throw new UsageError(tr(`"at" phải là ngày YYYY-MM-DD hoặc một năm; nhận được "${args.at}"`, `"at" must be a date YYYY-MM-DD or a year; got "${args.at}"`));
        const config = await workspace.configFor(path.join(root, 'plan.md'));
        const rules = core.governedRules(config, args.locale ?? config.locale ?? 'vi', span);
        return answer({ at: span?.label, rules });
      } catch (error) {
        return failure(error);
      }
    },
  );
  const transport = new BoundedStdioTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await closed;
  return 0;
}
