// The lint worker: the same code as the CLI (core, and the CLI's own read-lint-fix and report
// functions) over in-memory files, so the page stays responsive while a large plan is linted.
import * as core from '@plan-lint/core';
import { zipSync } from 'fflate';
import type { Diagnostic, ReportFile } from '@plan-lint/core';
import { inputErrorMessage } from '../../cli/src/input/input-messages.js';
import { lintFile, type LintSettings } from '../../cli/src/lint/lint-file.js';
import { reportContext } from '../../cli/src/lint/report-context.js';
import { loadParent, loadRunConfig } from '../../cli/src/lint/run-config.js';
import { INPUT_DIR, ROOT, setInputs } from './shims/files.js';
import type { Finding, FixRequest, FixResponse, InputFile, LintRequest, LintResponse, PlanResult, ReviewRequest, ReviewResponse } from './protocol.js';

/** A PDF needs pdf.js; it runs in this worker (no second worker), loaded on the first PDF only. */
async function preparePdf(): Promise<void> {
  const handler = globalThis as { pdfjsWorker?: unknown };
  handler.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}

/** Input names kept as given, in folders of their own so two plans of one name do not clash. */
function placed(files: InputFile[], folder: string): Array<{ path: string; bytes: Uint8Array; name: string }> {
  return files.map((file, index) => ({ path: `${INPUT_DIR}/${folder}/${index}/${file.name.replace(/[/\\]/g, '_')}`, bytes: new Uint8Array(file.bytes), name: file.name }));
}

function finding(diagnostic: Diagnostic, waived: boolean, converted: boolean): Finding {
  const suggestion = diagnostic.suggestions?.[0]?.message;
  return {
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity,
    message: diagnostic.message,
    ...core.findingPlace(diagnostic),
    start: diagnostic.position.start.offset,
    end: diagnostic.position.end.offset,
    docsUrl: diagnostic.docsUrl,
    // A Word or PDF file is never rewritten: its fixes are not offered (as the CLI counts them).
    fixable: Boolean(diagnostic.fix) && !converted,
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
  const base = { type: 'linted' as const, id: request.id, plans: [], reportHtml: '' };
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
    const converted = Boolean(report.converted);
    const findings = [...report.diagnostics.map((d) => finding(d, false, converted)), ...(report.suppressed ?? []).map((d) => finding(d, true, converted))].sort(
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
      // Word and PDF files are never rewritten (the CLI's rule).
      fixable: !report.converted && !report.fatal && report.diagnostics.some((d) => d.fix),
      reviewable: /\.docx$/i.test(plan.name) && !report.fatal,
      ...(report.fatal ? { fatal: report.fatal } : {}),
    };
    results.push(result);
  }
  lastRun = { id: request.id, settings, paths: plans.map((plan) => plan.path), names: plans.map((plan) => plan.name), reports };
  const context = await reportContext(config, request.locale, false);
  // Paths in the report as the person named the files.
  const shown = reports.map((report, index) => ({ ...report, filePath: `${ROOT}/${plans[index].name}` }));
  const reportHtml = core.formatters.html(shown, context);
  return { type: 'linted', id: request.id, plans: results, reportHtml, ...(derivedPack ? { derivedPack } : {}), millis: performance.now() - started };
}

/** The last run's inputs and settings, for the fixed text asked for later. */
let lastRun: { id: number; settings: LintSettings; paths: string[]; names: string[]; reports: ReportFile[] } | undefined;

/** The CLI's --fix passes (lintFile) over one plan of the last run. */
async function fix(request: FixRequest): Promise<FixResponse> {
  if (!lastRun || lastRun.id !== request.runId || !lastRun.paths[request.index]) return { type: 'fixed', id: request.id };
  const outcome = await lintFile(lastRun.paths[request.index], { ...lastRun.settings, fix: true });
  return { type: 'fixed', id: request.id, ...(outcome.fixedText !== undefined ? { fixedText: outcome.fixedText } : {}) };
}

/** `plan-lint review`: the Word file with one comment per finding of the last run's lint of it. */
async function reviewCopy(run: NonNullable<typeof lastRun>, index: number): Promise<{ bytes: Uint8Array; comments: number }> {
  return core.reviewDocx(core.readPlanBytes(run.paths[index]), run.reports[index].diagnostics, { locale: run.settings.locale });
}

async function review(request: ReviewRequest): Promise<ReviewResponse> {
  const run = lastRun?.id === request.runId ? lastRun : undefined;
  if (!run) return { type: 'reviewed', id: request.id };
  if (request.index !== 'all') {
    if (!run.paths[request.index]) return { type: 'reviewed', id: request.id };
    const copy = await reviewCopy(run, request.index);
    return { type: 'reviewed', id: request.id, bytes: copy.bytes.slice().buffer, comments: copy.comments };
  }
  // Every readable Word plan's copy, stored (a .docx is compressed already) under the name the
  // single download gives it; a name given twice gets the plan's number.
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  let comments = 0;
  for (const [index, name] of run.names.entries()) {
    if (!/\.docx$/i.test(name) || run.reports[index].fatal) continue;
    const copy = await reviewCopy(run, index);
    comments += copy.comments;
    let entry = name.replace(/\.docx$/i, '.review.docx');
    if (Object.hasOwn(entries, entry)) entry = entry.replace(/\.review\.docx$/, `-${index + 1}.review.docx`);
    entries[entry] = [copy.bytes, { level: 0 }];
  }
  return { type: 'reviewed', id: request.id, bytes: zipSync(entries).buffer as ArrayBuffer, comments };
}

let queue = Promise.resolve();
self.onmessage = (event: MessageEvent<LintRequest | FixRequest | ReviewRequest>) => {
  const request = event.data;
  // One request at a time: the in-memory inputs belong to the run that set them.
  queue = queue.then(async () => {
    let response: LintResponse | FixResponse | ReviewResponse;
    try {
      response = request.type === 'fix' ? await fix(request) : request.type === 'review' ? await review(request) : await run(request);
    } catch (error) {
      const locale = lastRun?.settings.locale ?? 'vi';
      response =
        request.type === 'fix'
          ? { type: 'fixed', id: request.id }
          : request.type === 'review'
            ? { type: 'reviewed', id: request.id, error: errorText(error, locale) }
            : { type: 'linted', id: request.id, plans: [], reportHtml: '', error: errorText(error, request.locale), millis: 0 };
    }
    const transfer = response.type === 'reviewed' && response.bytes ? [response.bytes] : [];
    (self as unknown as Worker).postMessage(response, transfer);
  });
};
