import { lintSource, MAX_INPUT_BYTES, sizeOverLimit, sourceFromString, type Diagnostic, type Locale } from '@plan-lint/core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PositionMap } from '../positions.js';
import type { PlanLintSettings } from '../settings.js';
import type { ConfigResolver } from './config-resolver.js';
import type { PlanAnalysis } from './plan-analysis.js';
import { uriToPath } from './uris.js';

/**
 * Lints each document version once. Every feature asks here, so a diagnostic pull, a code action
 * and a hover on the same version share one run; a config change starts a new generation.
 * Only the latest version of each document is kept.
 */
export class PlanAnalyzer {
  private generation = 0;
  private runs = 0;
  private readonly entries = new Map<string, { key: string; promise: Promise<PlanAnalysis> }>();

  constructor(
    private readonly configs: ConfigResolver,
    private readonly settings: () => PlanLintSettings,
    /** The client's or the environment's language, for a folder whose config names none. */
    private readonly fallbackLocale: () => Locale = () => 'vi',
  ) {}

  analyze(document: TextDocument): Promise<PlanAnalysis> {
    const key = `${document.version}:${this.generation}`;
    const entry = this.entries.get(document.uri);
    if (entry?.key === key) return entry.promise;
    // Read the text now: the TextDocument is updated in place by later edits.
    const resultId = `${document.version}:${this.generation}:${++this.runs}`;
    const promise = this.run(document, document.version, document.getText(), this.generation, resultId);
    this.entries.set(document.uri, { key, promise });
    promise.catch(() => {
      if (this.entries.get(document.uri)?.promise === promise) this.entries.delete(document.uri);
    });
    return promise;
  }

  /** The config, a pack, the parent or the settings changed: nothing linted before counts. */
  invalidate(): void {
    this.generation++;
    this.configs.invalidate();
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  /** How many documents' analyses are kept (one per open document at most). */
  get size(): number {
    return this.entries.size;
  }

  private async run(document: TextDocument, version: number, text: string, generation: number, resultId: string): Promise<PlanAnalysis> {
    const { uri, languageId } = document;
    // Let the connection read what is already queued behind this request: when an edit of the same
    // document is among it, this version's lint would be stale before it ended, so it never starts.
    // (A burst of edits with requests between them then costs one lint, not one per request.)
    await messagesQueuedBehind();
    if (document.version !== version) throw new StaleDocumentError();
    const filePath = uriToPath(uri);
    const folder = await this.configs.resolve(filePath);
    // Reading a config or a parent plan yields to the event loop too.
    if (document.version !== version) throw new StaleDocumentError();
    const locale = this.settings().locale ?? folder.config?.locale ?? this.fallbackLocale();
    // The CLI's cap: a 100 MB document took 3.2 GB to lint. Bytes are counted only when the text
    // could pass the cap (UTF-8 takes at most 3 bytes per UTF-16 unit), so not on every keystroke.
    const bytes = text.length * 3 > MAX_INPUT_BYTES ? Buffer.byteLength(text, 'utf8') : 0;
    const tooLarge = bytes > MAX_INPUT_BYTES;
    const linted = await lintSource(sourceFromString(tooLarge ? '' : text), {
      filePath: filePath ?? uri,
      format: formatOf(languageId, filePath ?? uri),
      locale,
      config: folder.config,
      parent: folder.parent?.plan,
    });
    const result = tooLarge ? { ...linted, diagnostics: [tooLargeDiagnostic(bytes, locale)], suppressed: [], errorCount: 1, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 } : linted;
    return {
      uri,
      version,
      generation,
      resultId,
      source: result.source,
      positions: new PositionMap(result.source),
      plan: result.document,
      diagnostics: result.diagnostics,
      locale,
      parent: folder.parent,
      packParent: folder.parent ? undefined : folder.packParent,
      result,
      config: folder.config,
    };
  }
}

/** ruleId of the one diagnostic a document over the size cap gets (no rule runs on it). */
export const INPUT_TOO_LARGE_ID = 'input-too-large';

function tooLargeDiagnostic(bytes: number, locale: Locale): Diagnostic {
  const size = sizeOverLimit(bytes, MAX_INPUT_BYTES).replace(/ bytes?$/, locale === 'vi' ? ' byte' : '$&');
  const limit = `${MAX_INPUT_BYTES / 1048576} MB`;
  const message =
    locale === 'vi'
      ? `Văn bản có ${size}; plan-lint chỉ kiểm tra kế hoạch đến ${limit} (như dòng lệnh), nên không kiểm tra văn bản này. Hãy tách văn bản hoặc kiểm tra lại đây có phải là kế hoạch.`
      : `The document is ${size}; plan-lint lints plans up to ${limit} (as the command line does), so this one is not linted. Split it or check that it is a plan.`;
  const point = { line: 1, column: 1, offset: 0 };
  return { ruleId: INPUT_TOO_LARGE_ID, messageId: 'tooLarge', severity: 'error', message, position: { start: point, end: point }, docsUrl: '', pack: 'plan-lint' };
}

/**
 * vscode-jsonrpc handles one incoming message per setImmediate turn, and schedules the next turn
 * after the current handler returns; two turns here let at least the next queued message through.
 */
function messagesQueuedBehind(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** The document changed after the work for an older version began. */
export class StaleDocumentError extends Error {
  constructor() {
    super('superseded by a newer edit');
    this.name = 'StaleDocumentError';
  }
}

export function formatOf(languageId: string, path: string): 'markdown' | 'text' {
  return languageId === 'markdown' || /\.(md|markdown)$/i.test(path) ? 'markdown' : 'text';
}
