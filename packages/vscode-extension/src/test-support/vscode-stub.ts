// A small stand-in for the `vscode` module (vi.mock('vscode', …)): records what the extension asks
// of VS Code and answers with what each test sets. Only what the commands use is here.

export class Uri {
  constructor(readonly scheme: string, readonly fsPath: string) {}
  static file(fsPath: string): Uri {
    return new Uri('file', fsPath);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    const segments = base.fsPath.split('/');
    for (const part of parts) {
      if (part === '..') segments.pop();
      else segments.push(part);
    }
    return new Uri(base.scheme, segments.join('/'));
  }
  toString(): string {
    return `${this.scheme}://${this.fsPath}`;
  }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}

export class Range {
  constructor(readonly start: Position, readonly end: Position) {}
}

export class SnippetString {
  constructor(readonly value: string) {}
}

export const ViewColumn = { Active: -1, Beside: -2 } as const;

export interface StubDocument {
  uri: Uri;
  languageId: string;
  getText(): string;
  positionAt(offset: number): Position;
}

export function stubDocument(fsPath: string, languageId: string, text: string): StubDocument {
  return {
    uri: Uri.file(fsPath),
    languageId,
    getText: () => text,
    positionAt: (offset: number) => {
      const before = text.slice(0, offset).split('\n');
      return new Position(before.length - 1, before[before.length - 1].length);
    },
  };
}

type Handler = (...args: unknown[]) => unknown;

/** Everything a test sets and reads; reset() between tests. */
export const stub = {
  registered: new Map<string, Handler>(),
  executed: [] as { command: string; args: unknown[] }[],
  executeResults: new Map<string, unknown>(),
  appliedEdits: [] as unknown[],
  openedDocuments: [] as { language?: string; content?: string }[],
  shownDocuments: [] as unknown[],
  messages: [] as string[],
  snippets: [] as string[],
  writtenFiles: new Map<string, string>(),
  saveDialogAnswer: undefined as Uri | undefined,
  activeTextEditor: undefined as { document: StubDocument; insertSnippet(snippet: SnippetString): Promise<boolean> } | undefined,
  reset(): void {
    this.registered.clear();
    this.executed.length = 0;
    this.executeResults.clear();
    this.appliedEdits.length = 0;
    this.openedDocuments.length = 0;
    this.shownDocuments.length = 0;
    this.messages.length = 0;
    this.snippets.length = 0;
    this.writtenFiles.clear();
    this.saveDialogAnswer = undefined;
    this.activeTextEditor = undefined;
  },
  editorFor(document: StubDocument) {
    return {
      document,
      insertSnippet: async (snippet: SnippetString) => {
        stub.snippets.push(snippet.value);
        return true;
      },
    };
  },
};

export const commands = {
  registerCommand(id: string, handler: Handler) {
    stub.registered.set(id, handler);
    return { dispose: () => stub.registered.delete(id) };
  },
  async executeCommand(command: string, ...args: unknown[]) {
    stub.executed.push({ command, args });
    return stub.executeResults.get(command);
  },
};

export const window = {
  get activeTextEditor() {
    return stub.activeTextEditor;
  },
  async showTextDocument(document: unknown) {
    stub.shownDocuments.push(document);
    if (document && typeof document === 'object' && 'getText' in document) {
      stub.activeTextEditor = stub.editorFor(document as StubDocument);
    }
    return stub.activeTextEditor;
  },
  async showInformationMessage(message: string) {
    stub.messages.push(`info: ${message}`);
  },
  async showWarningMessage(message: string) {
    stub.messages.push(`warning: ${message}`);
  },
  setStatusBarMessage(message: string) {
    stub.messages.push(`status: ${message}`);
    return { dispose() {} };
  },
  async showSaveDialog() {
    return stub.saveDialogAnswer;
  },
};

export const workspace = {
  workspaceFolders: [{ uri: Uri.file('/ws'), name: 'ws', index: 0 }],
  async applyEdit(edit: unknown) {
    stub.appliedEdits.push(edit);
    return true;
  },
  async openTextDocument(options: { language?: string; content?: string }) {
    stub.openedDocuments.push(options);
    return stubDocument('', options.language ?? 'plaintext', options.content ?? '');
  },
  asRelativePath(uri: Uri) {
    return uri.fsPath.replace(/^\/ws\//, '');
  },
  fs: {
    async writeFile(uri: Uri, bytes: Uint8Array) {
      stub.writtenFiles.set(uri.fsPath, new TextDecoder().decode(bytes));
    },
  },
};
