// The commands of the extension, registered against the real VS Code API; each one's logic sits in
// a module of its own that the unit tests drive with stubs.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { planTemplateSnippet } from '../plan-template.js';
import { fixAll } from './fix-all.js';
import { derivePackText } from './derive-pack-command.js';
import { showAstText } from './show-ast.js';

export interface CommandContext {
  client(): LanguageClient | undefined;
  restart(): Promise<void>;
  serverModule: string;
  output: vscode.LogOutputChannel;
}

export function registerCommands(context: vscode.ExtensionContext, commands: CommandContext): void {
  const register = (id: string, run: () => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  register('planLint.fixAll', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const document = editor.document;
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const outcome = await fixAll(
      {
        codeActions: (uri, range, kind) =>
          vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind),
        applyEdit: (edit) => vscode.workspace.applyEdit(edit),
        runCommand: (command) => vscode.commands.executeCommand(command.command, ...(command.arguments ?? [])),
      },
      document.uri,
      whole,
    );
    if (outcome === 'nothing-to-fix') void vscode.window.showInformationMessage('plan-lint: nothing to fix automatically in this file.');
    if (outcome === 'edit-rejected') void vscode.window.showWarningMessage('plan-lint: the fixes could not be applied (the file changed meanwhile?). Try again.');
  });

  register('planLint.insertTemplate', async () => {
    let editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      editor = await vscode.window.showTextDocument(document);
    }
    await editor.insertSnippet(new vscode.SnippetString(planTemplateSnippet(new Date().getFullYear())));
  });

  register('planLint.showAst', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const { document } = editor;
    const text = showAstText(document.uri.fsPath || document.uri.toString(), document.getText(), document.languageId);
    const view = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(view, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  });

  register('planLint.derivePack', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const { document } = editor;
    const derived = derivePackText(document.uri.fsPath || 'plan', document.getText(), document.languageId);
    const folder = document.uri.scheme === 'file' ? vscode.Uri.joinPath(document.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, derived.fileName) : undefined,
      filters: { 'plan-lint pack': ['json'] },
      title: 'plan-lint: save the derived pack',
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(derived.text));
    await vscode.window.showTextDocument(target);
    void vscode.window.showInformationMessage(
      `plan-lint: ${derived.summary} Subordinates add "${vscode.workspace.asRelativePath(target)}" to "packs" in their plan-lint.config.json.`,
    );
  });

  register('planLint.restartServer', async () => {
    await commands.restart();
    void vscode.window.setStatusBarMessage('plan-lint: server restarted', 3000);
  });
}
