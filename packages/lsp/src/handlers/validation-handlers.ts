import {
  DocumentDiagnosticReportKind,
  type Connection,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanLanguageService } from '../service/language-service.js';
import type { PlanLintSettings } from '../settings.js';
import { StaleDocumentError } from '../service/plan-analyzer.js';
import { describe, guardNotification, guardRequest, type Logger } from './guard.js';

export type DiagnosticMode = 'pull' | 'push';

/** Re-lints what is open after the config or the settings changed. */
export interface Revalidator {
  revalidateAll(): void;
}

/**
 * Pull (`textDocument/diagnostic`) when the client advertises it, push (`publishDiagnostics`)
 * otherwise: Neovim 0.7 has no pull. Push runs are debounced per document; a run whose document
 * changed meanwhile is dropped, so stale diagnostics never reach the client.
 */
export function registerValidationHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: PlanLanguageService,
  logger: Logger,
  options: { mode: DiagnosticMode; refreshSupport: boolean; settings: () => PlanLintSettings },
): Revalidator {
  const timers = new Map<string, NodeJS.Timeout>();

  const cancel = (uri: string) => {
    const timer = timers.get(uri);
    if (timer) clearTimeout(timer);
    timers.delete(uri);
  };

  const publish = async (uri: string) => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    let diagnostics;
    try {
      diagnostics = options.settings().enable ? await service.doValidation(document) : [];
    } catch (error) {
      // A newer version is on its way to its own run.
      if (!(error instanceof StaleDocumentError)) logger.error(`plan-lint: linting ${uri} failed: ${describe(error)}`);
      return;
    }
    if (documents.get(uri)?.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics });
  };

  const schedule = (uri: string, delay: number) => {
    cancel(uri);
    if (delay <= 0) {
      void publish(uri);
      return;
    }
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void publish(uri);
      }, delay),
    );
  };

  documents.onDidClose(
    guardNotification(logger, 'textDocument/didClose', (event) => {
      cancel(event.document.uri);
      service.forget(event.document.uri);
      if (options.mode === 'push') void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    }),
  );

  if (options.mode === 'push') {
    // TextDocuments reports an open as a content change too: the first change after an open is
    // the open itself, linted at once whatever `run` says.
    const justOpened = new Set<string>();
    documents.onDidOpen(guardNotification(logger, 'textDocument/didOpen', (event) => void justOpened.add(event.document.uri)));
    documents.onDidChangeContent(
      guardNotification(logger, 'textDocument/didChange', (event) => {
        const settings = options.settings();
        if (justOpened.delete(event.document.uri)) schedule(event.document.uri, 0);
        else if (settings.run === 'onType') schedule(event.document.uri, settings.debounceMs);
      }),
    );
    documents.onDidSave(
      guardNotification(logger, 'textDocument/didSave', (event) => {
        if (options.settings().run === 'onSave') schedule(event.document.uri, 0);
      }),
    );
  } else {
    connection.languages.diagnostics.on(
      guardRequest(logger, 'textDocument/diagnostic', async (params, token): Promise<DocumentDiagnosticReport> => {
        const document = documents.get(params.textDocument.uri);
        if (!document || !options.settings().enable) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        // The client cancels a pull that a newer edit made useless; one cancelled while queued never lints.
        if (token.isCancellationRequested) throw new StaleDocumentError();
        const version = document.version;
        const { resultId, diagnostics } = await service.doValidationReport(document);
        if (token.isCancellationRequested || documents.get(document.uri)?.version !== version) throw new StaleDocumentError();
        if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
        return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnostics };
      }),
    );
  }

  return {
    revalidateAll() {
      if (options.mode === 'push') {
        for (const document of documents.all()) schedule(document.uri, 0);
      } else if (options.refreshSupport) {
        connection.languages.diagnostics.refresh().catch((error: unknown) => logger.warn(`plan-lint: diagnostic refresh failed: ${describe(error)}`));
      }
    },
  };
}
