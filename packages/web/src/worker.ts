// The lint worker: the same code as the CLI (core, and the CLI's own read-lint-fix and report
// functions) over in-memory files, so the page stays responsive while a large plan is linted.
import * as core from '@plan-lint/core';
import type { Diagnostic, ReportFile } from '@plan-lint/core';
import { inputErrorMessage } from '../../cli/src/input/input-messages.js';
import { lintFile, type LintSettings } from '../../cli/src/lint/lint-file.js';
import { reportContext } from '../../cli/src/lint/report-context.js';
import { loadParent, loadRunConfig } from '../../cli/src/lint/run-config.js';
import { INPUT_DIR, ROOT, setInputs } from './shims/files.js';
import type { Finding, InputFile, LintRequest, LintResponse, PlanResult } from './protocol.js';

/** A PDF needs pdf.js; it runs in this worker (no second worker), loaded on the first PDF only. */
async function preparePdf(): Promise<void> {
  const handler = globalThis as { pdfjsWorker?: unknown };
  handler.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}

/** Input names kept as given, in folders of their own so two plans of one name do not clash. */
function placed(files: InputFile[], folder: string): Array<{ path: string; bytes: Uint8Array; name: string }> {
  return files.map((file, index) => ({ path: `${INPUT_DIR}/${folder}/${index}/${file.name.replace(/[/\\]/g, '_')}`, bytes: new Uint8Array(file.bytes), name: file.name }));
}

function finding(diagnostic: Diagnostic, waived: boolean): Finding {
  const { start, end } = diagnostic.position;
  const suggestion = diagnostic.suggestions?.[0]?.message;
  return {
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity,
    message: diagnostic.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    start: start.offset,
    end: end.offset,
    docsUrl: diagnostic.docsUrl,
    fixable: Boolean(diagnostic.fix),
    ...(suggestion ? { suggestion } : {}),
    ...(waived ? { waived: true } : {}),
  };
}

function errorText(error: unknown, locale: LintRequest['locale']): string {
  if (error instanceof core.PlanLintInputError) {
    const where = error.filePath ? `${error.filePath.replace(/^.*\//, '')}${error.line ? `:${error.line}:${error.column ?? 1}` : ''}: ` : '';
    return where + inputErrorMessage(error.code, error.message, locale);
  }
  return error instanceof Error ? error.message : String(error);
}

async function run(request: LintRequest): Promise<LintResponse> {
  const started = performance.now();
  const plans = placed(request.plans, 'plans');
  const parent = request.parent ? placed([request.parent], 'parent')[0] : undefined;
  const pack = request.pack ? placed([request.pack], 'pack')[0] : undefined;
  setInputs([...plans, ...(parent ? [parent] : []), ...(pack ? [pack] : [])]);
  if ([...plans, ...(parent ? [parent] : [])].some((file) => /\.pdf$/i.test(file.name))) await preparePdf();
  const base = { id: request.id, plans: [], reportHtml: '' };
  let config;
  let parentDocument;
  let derivedPack: string | undefined;
  try {
    config = await loadRunConfig({ cwd: ROOT, ...(pack ? { packs: [pack.path] } : {}) });
    if (parent) {
      parentDocument = await loadParent(parent.path);
      derivedPack = `${JSON.stringify(core.derivePack(parentDocument, {}), null, 2)}\n`;
    }
  } catch (error) {
    return { ...base, error: errorText(error, request.locale), millis: performance.now() - started };
  }
  const settings: LintSettings = { config, parent: parentDocument, locale: request.locale, fix: false, quiet: false };
  const reports: ReportFile[] = [];
  const results: PlanResult[] = [];
  for (const plan of plans) {
    const outcome = await lintFile(plan.path, settings);
    const report = outcome.report;
    reports.push(report);
    const findings = [...report.diagnostics.map((d) => finding(d, false)), ...(report.suppressed ?? []).map((d) => finding(d, true))].sort(
      (a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId),
    );
    const counts = core.countsOf(report);
    const result: PlanResult = {
      name: plan.name,
      text: report.text ?? '',
      converted: Boolean(report.converted),
      findings,
      errorCount: counts.errorCount,
      warningCount: counts.warningCount,
      ...(report.fatal ? { fatal: report.fatal } : {}),
    };
    // The fixed text: the CLI's --fix loop (lintFile), never for Word or PDF files.
    if (!report.converted && !report.fatal && report.diagnostics.some((d) => d.fix)) {
      const fixed = await lintFile(plan.path, { ...settings, fix: true });
      if (fixed.fixedText !== undefined) result.fixedText = fixed.fixedText;
    }
    results.push(result);
  }
  const context = await reportContext(config, request.locale, false);
  // Paths in the report as the person named the files.
  const shown = reports.map((report, index) => ({ ...report, filePath: `${ROOT}/${plans[index].name}` }));
  const reportHtml = core.formatters.html(shown, context);
  return { id: request.id, plans: results, reportHtml, ...(derivedPack ? { derivedPack } : {}), millis: performance.now() - started };
}

let queue = Promise.resolve();
self.onmessage = (event: MessageEvent<LintRequest>) => {
  // One run at a time: the in-memory inputs belong to the run that set them.
  queue = queue.then(async () => {
    let response: LintResponse;
    try {
      response = await run(event.data);
    } catch (error) {
      response = { id: event.data.id, plans: [], reportHtml: '', error: errorText(error, event.data.locale), millis: 0 };
    }
    (self as unknown as Worker).postMessage(response);
  });
};
