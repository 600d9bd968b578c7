import { beforeEach, describe, expect, it, vi } from 'vitest';
import { stub, stubDocument, Uri } from '../test-support/vscode-stub.js';

vi.mock('vscode', () => import('../test-support/vscode-stub.js'));

const { registerCommands } = await import('./register.js');

const plan = [
  'Số: 21/KH-PGDĐT',
  '',
  'Quế Sơn, ngày 10 tháng 3 năm 2024',
  '',
  '# KẾ HOẠCH',
  '',
  'Triển khai công tác bình đẳng giới năm 2024',
  '',
  '## I. MỤC ĐÍCH, YÊU CẦU',
  '',
  '- Báo cáo 6 tháng trước ngày 05/6/2024.',
  '',
].join('\n');

let restarts = 0;

beforeEach(() => {
  stub.reset();
  restarts = 0;
  const context = { subscriptions: [] as unknown[] };
  registerCommands(context as never, {
    client: () => undefined,
    restart: async () => {
      restarts += 1;
    },
    serverModule: '/ext/dist/server.cjs',
    output: {} as never,
  });
});

function run(id: string): Promise<unknown> {
  const handler = stub.registered.get(id);
  if (!handler) throw new Error(`${id} is not registered`);
  return Promise.resolve(handler());
}

describe('commands against a stubbed vscode module', () => {
  it('registers the five commands the manifest contributes', () => {
    expect([...stub.registered.keys()].sort()).toEqual([
      'planLint.derivePack',
      'planLint.fixAll',
      'planLint.insertTemplate',
      'planLint.restartServer',
      'planLint.showAst',
    ]);
  });

  it('fix all asks VS Code for source.fixAll.planlint over the whole file and applies the edit', async () => {
    const document = stubDocument('/ws/plans/kh.md', 'markdown', 'Thực hiện Thực hiện\nabc');
    stub.activeTextEditor = stub.editorFor(document);
    const edit = { label: 'all fixes' };
    stub.executeResults.set('vscode.executeCodeActionProvider', [{ kind: { value: 'source.fixAll.planlint' }, edit }]);
    await run('planLint.fixAll');
    expect(stub.executed).toHaveLength(1);
    const [uri, range, kind] = stub.executed[0].args as [Uri, { start: unknown; end: unknown }, string];
    expect(stub.executed[0].command).toBe('vscode.executeCodeActionProvider');
    expect(uri.fsPath).toBe('/ws/plans/kh.md');
    expect(range).toEqual({ start: { line: 0, character: 0 }, end: { line: 1, character: 3 } });
    expect(kind).toBe('source.fixAll.planlint');
    expect(stub.appliedEdits).toEqual([edit]);
  });

  it('fix all tells the user when there is nothing to fix', async () => {
    stub.activeTextEditor = stub.editorFor(stubDocument('/ws/kh.md', 'markdown', 'ok'));
    stub.executeResults.set('vscode.executeCodeActionProvider', []);
    await run('planLint.fixAll');
    expect(stub.appliedEdits).toEqual([]);
    expect(stub.messages).toEqual(['info: plan-lint: nothing to fix automatically in this file.']);
  });

  it('inserts the template into the Markdown editor, or a new Markdown document', async () => {
    stub.activeTextEditor = stub.editorFor(stubDocument('/ws/kh.md', 'markdown', ''));
    await run('planLint.insertTemplate');
    expect(stub.openedDocuments).toEqual([]);
    expect(stub.snippets).toHaveLength(1);
    expect(stub.snippets[0]).toContain('# KẾ HOẠCH');
    expect(stub.snippets[0]).toContain('## IV. TỔ CHỨC THỰC HIỆN');

    stub.snippets.length = 0;
    stub.activeTextEditor = undefined;
    await run('planLint.insertTemplate');
    expect(stub.openedDocuments).toEqual([{ language: 'markdown', content: '' }]);
    expect(stub.snippets).toHaveLength(1);
  });

  it('shows the outline and AST of the open plan beside it', async () => {
    stub.activeTextEditor = stub.editorFor(stubDocument('/ws/kh.md', 'markdown', plan));
    await run('planLint.showAst');
    expect(stub.openedDocuments).toHaveLength(1);
    expect(stub.openedDocuments[0].language).toBe('markdown');
    expect(stub.openedDocuments[0].content).toMatch(/^# plan-lint: kh\.md\n/);
    expect(stub.openedDocuments[0].content).toMatch(/^- I\. MỤC ĐÍCH, YÊU CẦU — \*purpose\* \(L9:\d+\)$/m);
  });

  it('derives a pack, saves it where the user says and opens it', async () => {
    stub.activeTextEditor = stub.editorFor(stubDocument('/ws/pgd/kh.md', 'markdown', plan));
    stub.saveDialogAnswer = Uri.file('/ws/pgd/parent-21-kh-pgddt.pack.json');
    await run('planLint.derivePack');
    const written = stub.writtenFiles.get('/ws/pgd/parent-21-kh-pgddt.pack.json');
    expect(written).toBeDefined();
    expect(JSON.parse(written!)).toMatchObject({
      name: 'parent-21-kh-pgddt',
      extends: ['recommended'],
      parent: { symbol: '21/KH-PGDĐT', date: '2024-03-10', deadlines: { sixMonthReport: '2024-06-04' } },
    });
    expect(stub.shownDocuments).toEqual([stub.saveDialogAnswer]);
    expect(stub.messages[0]).toContain('pgd/parent-21-kh-pgddt.pack.json');
  });

  it('derives nothing when the save dialog is cancelled', async () => {
    stub.activeTextEditor = stub.editorFor(stubDocument('/ws/kh.md', 'markdown', plan));
    await run('planLint.derivePack');
    expect(stub.writtenFiles.size).toBe(0);
  });

  it('restarts the server', async () => {
    await run('planLint.restartServer');
    expect(restarts).toBe(1);
    expect(stub.messages).toEqual(['status: plan-lint: server restarted']);
  });
});
