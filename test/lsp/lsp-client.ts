// A minimal LSP client for protocol tests: spawns the BUILT server over stdio and talks to it with
// vscode-languageserver-protocol's client side, the way an editor would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { vi } from 'vitest';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

// Each test starts a real server and lints real plans; on a loaded 2-core CI machine that takes
// seconds, so these files get more time than the suite's default.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const serverBin = fileURLToPath(new URL('../../packages/lsp/bin/plan-lint-lsp.js', import.meta.url));
export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Push-only capabilities, as Neovim 0.7 sends them (no pull diagnostics, no workspace/configuration). */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } },
};

/** What VS Code advertises that matters here: pull diagnostics with refresh, configuration, watched files. */
export const PULL_CAPABILITIES: ClientCapabilities = {
  ...PUSH_CAPABILITIES,
  textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: {
    ...PUSH_CAPABILITIES.workspace,
    configuration: true,
    diagnostics: { refreshSupport: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
  },
};

export interface StartOptions {
  capabilities?: ClientCapabilities;
  rootPath?: string;
  /** Answer to `workspace/configuration` for the `planLint` section. */
  settings?: () => unknown;
  initializationOptions?: unknown;
  /** InitializeParams.locale: the client's UI language (`en-US`, `vi`). */
  locale?: string;
  /** Added to the server's environment (LANG, LC_ALL and LC_MESSAGES are removed unless given here). */
  env?: Record<string, string>;
  /** Node options for the server process (`--expose-gc`). */
  nodeArgs?: string[];
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  refreshCount = 0;
  registrations: string[] = [];
  stderr = '';
  exitCode: number | null | undefined;
  private versions = new Map<string, number>();
  private waiters: { test: () => boolean; resolve: () => void }[] = [];

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<{ client: TestClient; initialize: InitializeResult }> {
    // The language of what the server says falls back to the environment's: each test states its own.
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ['LANG', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), serverBin, '--stdio'], { cwd: options.rootPath ?? repoRoot, stdio: 'pipe', env: { ...env, ...options.env } });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection);
    child.stderr.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    child.on('exit', (code) => {
      client.exitCode = code;
      client.notify();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.published.push(params);
      client.notify();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      client.logs.push(params.message);
      client.notify();
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => options.settings?.() ?? null));
    connection.onRequest(RegistrationRequest.type, (params) => {
      client.registrations.push(...params.registrations.map((registration) => registration.method));
      client.notify();
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      client.refreshCount++;
      client.notify();
    });
    connection.listen();
    const rootPath = options.rootPath ?? repoRoot;
    const initialize = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(rootPath).href,
      workspaceFolders: [{ uri: pathToFileURL(rootPath).href, name: 'root' }],
      capabilities: options.capabilities ?? PUSH_CAPABILITIES,
      initializationOptions: options.initializationOptions,
      ...(options.locale ? { locale: options.locale } : {}),
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, initialize };
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** The version the next didChange of `uri` carries (and counts it as sent). */
  nextVersion(uri: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    return version;
  }

  /** Sends one didChange and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = this.nextVersion(uri);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  /** Resolves when `test` holds (checked on every message from the server), or fails after `timeout` ms. */
  waitFor(test: () => boolean, what: string, timeout = 60_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr}; logs: ${this.logs.join('\n')}`)), timeout);
      this.waiters.push({
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** The latest published diagnostics for `uri` that satisfy `test`. */
  async diagnosticsFor(uri: string, test: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const find = () => [...this.published].reverse().find((params) => params.uri === uri);
    await this.waitFor(() => {
      const latest = find();
      return latest !== undefined && test(latest);
    }, `diagnostics for ${uri}`);
    return find()!;
  }

  async stop(): Promise<void> {
    if (this.exitCode === undefined) {
      try {
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
        await this.waitFor(() => this.exitCode !== undefined, 'server exit', 5_000);
      } catch {
        this.child.kill();
      }
    }
    this.connection.dispose();
  }

  private notify(): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.test()) return true;
      waiter.resolve();
      return false;
    });
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The LSP position (0-based, UTF-16) of the `occurrence`-th `needle` in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, occurrence = 1, shift = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
  }
  index += shift;
  const before = text.slice(0, index);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: index - lineStart };
}
