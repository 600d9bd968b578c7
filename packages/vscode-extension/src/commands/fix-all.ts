// "Fix all": asks the language server for its `source.fixAll.planlint` action on the whole file
// (the same action codeActionsOnSave runs) and applies it.

export const FIX_ALL_KIND = 'source.fixAll.planlint';

/** The parts of a vscode.CodeAction this command uses. */
export interface FixAllAction<Edit, Command> {
  kind?: { value: string };
  edit?: Edit;
  command?: Command;
}

export interface FixAllDeps<Uri, Range, Edit, Command> {
  /** vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, kind). */
  codeActions(uri: Uri, range: Range, kind: string): Thenable<FixAllAction<Edit, Command>[] | undefined>;
  applyEdit(edit: Edit): Thenable<boolean>;
  runCommand(command: Command): Thenable<unknown>;
}

export type FixAllOutcome = 'applied' | 'nothing-to-fix' | 'edit-rejected';

export async function fixAll<Uri, Range, Edit, Command>(
  deps: FixAllDeps<Uri, Range, Edit, Command>,
  uri: Uri,
  wholeDocument: Range,
): Promise<FixAllOutcome> {
  const actions = (await deps.codeActions(uri, wholeDocument, FIX_ALL_KIND)) ?? [];
  const action = actions.find((candidate) => candidate.kind?.value === FIX_ALL_KIND);
  if (!action || (!action.edit && !action.command)) return 'nothing-to-fix';
  if (action.edit && !(await deps.applyEdit(action.edit))) return 'edit-rejected';
  if (action.command) await deps.runCommand(action.command);
  return 'applied';
}
