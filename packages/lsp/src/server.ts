import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Message,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '@plan-lint/core';
import { createConfigProblemPublisher } from './handlers/config-problem-handlers.js';
import { describe, guardNotification, type Logger } from './handlers/guard.js';
import { registerLanguageHandlers } from './handlers/language-handlers.js';
import { registerValidationHandlers, type DiagnosticMode, type Revalidator } from './handlers/validation-handlers.js';
import { FIX_ALL_KIND } from './service/code-action-service.js';
import { ConfigResolver } from './service/config-resolver.js';
import { createLanguageService } from './service/language-service.js';
import { PlanAnalyzer } from './service/plan-analyzer.js';
import { loadRegistry } from './service/registry.js';
import { SEMANTIC_TOKENS_LEGEND } from './service/semantic-tokens-service.js';
import { uriToPath } from './service/uris.js';
import { environmentLocale, localeOfTag, say } from './locale.js';
import { DEFAULT_SETTINGS, normalizeSettings, type PlanLintSettings } from './settings.js';

const SERVER_NAME = 'plan-lint-lsp';
/** The method a request received after `shutdown` is renamed to (see startServer). */
const AFTER_SHUTDOWN = '$/planLint/afterShutdown';
const TRANSPORT_FLAGS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

/** Files whose change re-lints the open plans: configs and packs by name, the parent plan by path. */
const WATCHED_GLOBS = ['**/plan-lint.config.json', '**/.planlintrc.json', '**/*.json', '**/*.{md,txt,docx,pdf}'];

/**
 * The one entry point: reads the client's capabilities once, wires the services to the connection
 * and declares what the server offers.
 */
export function startServer(argv: readonly string[] = process.argv): Connection | undefined {
  if (argv.includes('--version')) {
    process.stdout.write(`${packageVersion()}\n`);
    return undefined;
  }
  if (argv.includes('--help') || !argv.some((arg) => TRANSPORT_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)))) {
    process.stderr.write(usage(environmentLocale() ?? 'vi'));
    process.exitCode = argv.includes('--help') ? 0 : 2;
    return undefined;
  }

  // LSP: after `shutdown` every request but `exit` (a notification) is answered InvalidRequest.
  // vscode-languageserver does not do it; a request is renamed here, before any handler sees it.
  let shutDown = false;
  // Until the client says (initialize) or a setting or config names one: the environment's language.
  let clientLocale: Locale = environmentLocale() ?? 'vi';
  let settings: PlanLintSettings = { ...DEFAULT_SETTINGS };
  const serverLocale = (): Locale => settings.locale ?? clientLocale;
  const connection = createConnection(ProposedFeatures.all, {
    messageStrategy: {
      handleMessage(message: Message, next: (message: Message) => void) {
        const request = message as Message & { id?: unknown; method?: unknown; params?: unknown };
        if (typeof request.method !== 'string' || request.id === undefined || request.id === null) return next(message);
        if (shutDown) return next({ ...request, method: AFTER_SHUTDOWN, params: { method: request.method } } as Message);
        if (request.method === 'shutdown') shutDown = true;
        return next(message);
      },
    },
  });
  connection.onRequest(
    AFTER_SHUTDOWN,
    (params: { method: string }) =>
      new ResponseError(
        ErrorCodes.InvalidRequest,
        say(
          serverLocale(),
          `plan-lint-lsp đã tắt (shutdown): từ chối "${params.method}"; giờ chỉ nhận thông báo "exit".`,
          `plan-lint-lsp is shut down: "${params.method}" is refused; only the "exit" notification is accepted now.`,
        ),
      ),
  );
  const documents = new TextDocuments(TextDocument);
  const logger: Logger = {
    error: (message) => connection.console.error(message),
    warn: (message) => connection.console.warn(message),
    info: (message) => connection.console.info(message),
  };
  // Last line of defence: a bug in a callback outside any handler must not end the server.
  process.on('uncaughtException', (error) => logger.error(`plan-lint: ${say(serverLocale(), 'lỗi nội bộ không được bắt', 'uncaught exception')}: ${describe(error)}`));
  process.on('unhandledRejection', (error) => logger.error(`plan-lint: ${say(serverLocale(), 'promise bị từ chối không được xử lý', 'unhandled rejection')}: ${describe(error)}`));

  let workspaceFolders: string[] = [];
  let capabilities: ClientCapabilities = {};
  let revalidator: Revalidator | undefined;
  let configurationSupport = false;

  const configs = new ConfigResolver({
    settings: () => settings,
    workspaceFolders: () => workspaceFolders,
    log: logger,
    locale: serverLocale,
    // A broken config is shown on the config file itself; the server keeps linting with defaults.
    onProblems: createConfigProblemPublisher(connection),
  });
  const analyzer = new PlanAnalyzer(configs, () => settings, () => clientLocale);
  // For test/lsp/memory.test.ts only (node --expose-gc): what the server still holds after a collection.
  if (process.env.PLAN_LINT_LSP_TEST_HOOKS === '1') {
    connection.onRequest('$/planLint/held', async () => {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      await new Promise((resolve) => setImmediate(resolve));
      gc?.();
      return { documents: documents.all().length, analyses: analyzer.size, heapUsed: process.memoryUsage().heapUsed };
    });
  }

  /** Reads the settings again; true when they changed (only then is re-linting worth it). */
  const refreshSettings = async (pushed?: unknown): Promise<boolean> => {
    const before = JSON.stringify(settings);
    let fetched = false;
    if (configurationSupport) {
      try {
        const [section] = await connection.workspace.getConfiguration([{ section: 'planLint' }]);
        settings = normalizeSettings(section);
        fetched = true;
      } catch (error) {
        logger.warn(
          `plan-lint: ${say(serverLocale(), 'workspace/configuration thất bại, dùng thiết lập client đã gửi', 'workspace/configuration failed, using the pushed settings')}: ${describe(error)}`,
        );
      }
    }
    if (!fetched && pushed !== undefined && pushed !== null) settings = normalizeSettings(pushed);
    return JSON.stringify(settings) !== before;
  };

  const relintAll = () => {
    analyzer.invalidate();
    revalidator?.revalidateAll();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    clientLocale = localeOfTag(params.locale) ?? clientLocale;
    workspaceFolders = (params.workspaceFolders ?? [])
      .map((folder) => uriToPath(folder.uri))
      .filter((path): path is string => path !== undefined);
    const rootPath = params.rootUri ? uriToPath(params.rootUri) : undefined;
    if (workspaceFolders.length === 0 && rootPath) workspaceFolders = [rootPath];
    const initOptions = (params.initializationOptions ?? {}) as Record<string, unknown>;
    if (initOptions.settings !== undefined) settings = normalizeSettings(initOptions.settings);
    configurationSupport = capabilities.workspace?.configuration === true;

    const mode: DiagnosticMode = capabilities.textDocument?.diagnostic ? 'pull' : 'push';
    const registry = loadRegistry(typeof initOptions.registryPath === 'string' ? initOptions.registryPath : undefined, logger.warn, serverLocale());
    const service = createLanguageService({
      analyzer,
      registry,
      hierarchicalSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      workspaceFolders: () => workspaceFolders,
    });
    revalidator = registerValidationHandlers(connection, documents, service, logger, {
      mode,
      refreshSupport: capabilities.workspace?.diagnostics?.refreshSupport === true,
      settings: () => settings,
    });
    registerLanguageHandlers(connection, documents, service, logger);

    const serverCapabilities: ServerCapabilities = {
      positionEncoding: 'utf-16',
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' '] },
      documentSymbolProvider: { label: 'plan-lint' },
      foldingRangeProvider: true,
      definitionProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
    if (mode === 'pull') {
      serverCapabilities.diagnosticProvider = { identifier: 'plan-lint', interFileDependencies: false, workspaceDiagnostics: false };
    }
    return { capabilities: serverCapabilities, serverInfo: { name: SERVER_NAME, version: packageVersion() } };
  });

  connection.onInitialized(
    guardNotification(logger, 'initialized', async () => {
      if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'planLint' });
      }
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })),
        });
      }
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          const removed = new Set(event.removed.map((folder) => uriToPath(folder.uri)));
          workspaceFolders = [
            ...workspaceFolders.filter((folder) => !removed.has(folder)),
            ...event.added.map((folder) => uriToPath(folder.uri)).filter((path): path is string => path !== undefined),
          ];
          relintAll();
        });
      }
      if (configurationSupport && (await refreshSettings())) relintAll();
    }),
  );

  connection.onDidChangeConfiguration(
    guardNotification(logger, 'workspace/didChangeConfiguration', async (params) => {
      if (await refreshSettings(params.settings)) relintAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification(logger, 'workspace/didChangeWatchedFiles', (params) => {
      const touched = params.changes.some((change) => {
        const path = uriToPath(change.uri);
        return path !== undefined && configs.isDependency(path);
      });
      if (touched) relintAll();
    }),
  );

  documents.listen(connection);
  connection.listen();
  return connection;
}

function usage(locale: Locale): string {
  return say(
    locale,
    `cách dùng: ${SERVER_NAME} --stdio\n  Giao tiếp bằng Language Server Protocol qua stdin/stdout (hoặc --node-ipc, --socket=CỔNG, --pipe=TÊN).\n`,
    `usage: ${SERVER_NAME} --stdio\n  Speaks the Language Server Protocol on stdin/stdout (also --node-ipc, --socket=PORT, --pipe=NAME).\n`,
  );
}

/** From ../package.json beside this module; a CommonJS bundle (the VS Code extension's) has only __dirname. */
function packageVersion(): string {
  try {
    const file = typeof import.meta.url === 'string' ? new URL('../package.json', import.meta.url) : join(__dirname, '..', 'package.json');
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { version?: string };
    return raw.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
