import { CompletionTriggerKind, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanLanguageService } from '../service/language-service.js';
import { guardRequest, type Logger } from './guard.js';

/**
 * Every request feature the server offers. Each handler finds the open document, answers empty
 * when it is gone, and calls one service method.
 */
export function registerLanguageHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: PlanLanguageService,
  logger: Logger,
): void {
  connection.onHover(
    guardRequest(logger, 'textDocument/hover', async (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.doHover(document, params.position) : null;
    }),
  );
  connection.onCompletion(
    guardRequest(logger, 'textDocument/completion', async (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.doComplete(document, params.position, params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter) : [];
    }),
  );
  connection.onCodeAction(
    guardRequest(logger, 'textDocument/codeAction', async (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.doCodeActions(document, params.range, params.context) : [];
    }),
  );
  connection.onDocumentSymbol(
    guardRequest(logger, 'textDocument/documentSymbol', async (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.findDocumentSymbols(document) : [];
    }),
  );
  connection.onFoldingRanges(
    guardRequest(logger, 'textDocument/foldingRange', async (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.getFoldingRanges(document) : [];
    }),
  );
  connection.onDefinition(
    guardRequest(logger, 'textDocument/definition', async (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.findDefinition(document, params.position) : null;
    }),
  );
  connection.languages.semanticTokens.on(
    guardRequest(logger, 'textDocument/semanticTokens/full', async (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.getSemanticTokens(document) : { data: [] };
    }),
  );
}
