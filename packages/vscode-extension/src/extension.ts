// Entry point: wires VS Code to the bundled plan-lint language server. The decisions (which files,
// which settings, what the status bar says, how fix-all picks its action) live in small modules
// that take their VS Code dependencies as parameters and are unit-tested without VS Code.
import path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, Trace, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { answerConfiguration, diagnosticPullOptions, initializationOptions, sameShape, SETTINGS_SECTION, type ClientShape } from './client-options.js';
import { packsInUse, readConfigRefs } from './config-file.js';
import { CONFIG_FILE_GLOB, nearestConfigFile, planDocumentSelector } from './document-scope.js';
import { displayLocale, readSettings, type PlanLintSettings } from './settings.js';
import { countProblems, formatStatus } from './status-text.js';
import { ALWAYS_WATCHED_GLOBS, watchTargetsFromConfig, watchTargetsFromSettings } from './watch-targets.js';
import { registerCommands } from './commands/register.js';

let session: ClientSession | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('plan-lint', { log: true });
  const status = vscode.window.createStatusBarItem('planLint.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'plan-lint';
  status.command = 'workbench.actions.view.problems';
  context.subscriptions.push(output, status);
  session = new ClientSession(context, output, status);
  context.subscriptions.push(session);
  registerCommands(context, {
    client: () => session?.client,
    restart: () => session?.restart(true) ?? Promise.resolve(),
    serverModule: context.asAbsolutePath('dist/server.cjs'),
    output,
  });
  await session.start();
}

export async function deactivate(): Promise<void> {
  await session?.stop();
  session = undefined;
}

/** One running language client, restarted when what shapes it (files, run mode, trust) changes. */
class ClientSession implements vscode.Disposable {
  client: LanguageClient | undefined;
  private shape: ClientShape | undefined;
  private configFiles: string[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private clientDisposables: vscode.Disposable[] = [];
  private reshapeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly status: vscode.StatusBarItem,
  ) {
    const configWatcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
    this.disposables.push(
      configWatcher,
      configWatcher.onDidCreate(() => this.scheduleReshape()),
      configWatcher.onDidDelete(() => this.scheduleReshape()),
      configWatcher.onDidChange(() => this.scheduleReshape()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
        this.scheduleReshape();
        void this.sendSettings();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.scheduleReshape()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReshape()),
      vscode.languages.onDidChangeDiagnostics(() => void this.updateStatus()),
      vscode.window.onDidChangeActiveTextEditor(() => void this.updateStatus()),
    );
  }

  private settings(): PlanLintSettings {
    return readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION));
  }

  private async computeShape(settings: PlanLintSettings): Promise<ClientShape> {
    const isTrusted = vscode.workspace.isTrusted;
    const found = await vscode.workspace.findFiles(CONFIG_FILE_GLOB, '**/node_modules/**', 200);
    this.configFiles = found.map((uri) => uri.fsPath).sort();
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
    const include = isTrusted ? settings.include : [];
    const watchedFiles = new Set<string>();
    for (const configFile of this.configFiles) {
      const text = await readText(configFile);
      if (text !== undefined) for (const target of watchTargetsFromConfig(configFile, text)) watchedFiles.add(target);
    }
    if (isTrusted) for (const folder of folders) for (const target of watchTargetsFromSettings(folder, settings.packs, settings.parent)) watchedFiles.add(target);
    return {
      selector: planDocumentSelector(this.configFiles, include, folders),
      watchedFiles: [...watchedFiles].sort(),
      run: settings.run,
      isTrusted,
    };
  }

  async start(): Promise<void> {
    const settings = this.settings();
    if (!settings.enable) {
      this.shape = undefined;
      this.status.hide();
      this.output.info('plan-lint is disabled (planLint.enable = false).');
      return;
    }
    const shape = await this.computeShape(settings);
    this.shape = shape;
    const watchers = [
      ...ALWAYS_WATCHED_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
      ...shape.watchedFiles.map((file) =>
        vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file))),
      ),
    ];
    this.clientDisposables.push(...watchers);
    const serverModule = this.context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.stdio, args: ['--stdio'] },
      debug: { module: serverModule, transport: TransportKind.stdio, args: ['--stdio'], options: { execArgv: ['--nolazy', '--inspect=6029'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: shape.selector,
      outputChannel: this.output,
      initializationOptions: () => initializationOptions(this.settings(), vscode.workspace.isTrusted),
      synchronize: { fileEvents: watchers },
      diagnosticPullOptions: diagnosticPullOptions(settings),
      markdown: { isTrusted: false, supportHtml: false },
      middleware: {
        workspace: {
          configuration: async (params, token, next) => {
            const answered = await next(params, token);
            if (!Array.isArray(answered)) return answered;
            return answerConfiguration(params.items, answered, this.settings(), vscode.workspace.isTrusted);
          },
        },
      },
    };
    const client = new LanguageClient('planLint', 'plan-lint', serverOptions, clientOptions);
    this.client = client;
    try {
      await client.start();
      await client.setTrace(traceOf(settings));
    } catch (error) {
      this.output.error(`plan-lint: the language server did not start: ${String(error)}`);
      void vscode.window.showErrorMessage('plan-lint: the language server did not start. See Output › plan-lint.');
    }
    await this.updateStatus();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const disposable of this.clientDisposables.splice(0)) disposable.dispose();
    if (client) {
      try {
        await client.stop(2000);
      } catch (error) {
        this.output.warn(`plan-lint: stopping the server: ${String(error)}`);
      }
    }
  }

  async restart(always: boolean): Promise<void> {
    const settings = this.settings();
    if (!always && settings.enable && this.shape && sameShape(this.shape, await this.computeShape(settings))) return;
    await this.stop();
    await this.start();
  }

  private scheduleReshape(): void {
    clearTimeout(this.reshapeTimer);
    this.reshapeTimer = setTimeout(() => void this.restart(false), 300);
  }

  private async sendSettings(): Promise<void> {
    const client = this.client;
    if (!client?.isRunning()) return;
    const settings = this.settings();
    await client.setTrace(traceOf(settings));
    await client.sendNotification('workspace/didChangeConfiguration', {
      settings: { [SETTINGS_SECTION]: initializationOptions(settings, vscode.workspace.isTrusted).settings },
    });
  }

  private async updateStatus(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const selector = this.shape?.selector;
    if (!editor || !selector || vscode.languages.match(selector, editor.document) === 0) {
      this.status.hide();
      return;
    }
    const settings = this.settings();
    const counts = countProblems(vscode.languages.getDiagnostics(editor.document.uri));
    const configFile = nearestConfigFile(editor.document.uri.fsPath, this.configFiles);
    const configText = configFile ? await readText(configFile) : undefined;
    const packs = packsInUse(configText ? readConfigRefs(configText) : undefined, vscode.workspace.isTrusted ? settings.packs : []);
    const { text, tooltip } = formatStatus(counts, packs, displayLocale(settings.locale, vscode.env.language), vscode.workspace.isTrusted);
    this.status.text = text;
    this.status.tooltip = tooltip;
    this.status.show();
  }

  dispose(): void {
    clearTimeout(this.reshapeTimer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function traceOf(settings: PlanLintSettings): Trace {
  return settings.trace === 'verbose' ? Trace.Verbose : settings.trace === 'messages' ? Trace.Messages : Trace.Off;
}

async function readText(filePath: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(filePath)));
  } catch {
    return undefined;
  }
}
