import { describe, expect, it } from 'vitest';
import { FIX_ALL_KIND, fixAll, type FixAllAction } from './fix-all.js';

type Edit = { id: string };
type Command = { command: string };

function deps(actions: FixAllAction<Edit, Command>[] | undefined, applyResult = true) {
  const calls: string[] = [];
  return {
    calls,
    deps: {
      codeActions: async (uri: string, range: string, kind: string) => {
        calls.push(`codeActions ${uri} ${range} ${kind}`);
        return actions;
      },
      applyEdit: async (edit: Edit) => {
        calls.push(`applyEdit ${edit.id}`);
        return applyResult;
      },
      runCommand: async (command: Command) => {
        calls.push(`runCommand ${command.command}`);
      },
    },
  };
}

describe('fixAll', () => {
  it('asks for source.fixAll.planlint on the whole file and applies its edit', async () => {
    const { calls, deps: d } = deps([
      { kind: { value: 'quickfix' }, edit: { id: 'one-fix' } },
      { kind: { value: FIX_ALL_KIND }, edit: { id: 'all-fixes' } },
    ]);
    expect(await fixAll(d, 'file:///plan.md', 'whole')).toBe('applied');
    expect(calls).toEqual(['codeActions file:///plan.md whole source.fixAll.planlint', 'applyEdit all-fixes']);
  });

  it('runs the action command after the edit when there is one', async () => {
    const { calls, deps: d } = deps([{ kind: { value: FIX_ALL_KIND }, edit: { id: 'e' }, command: { command: 'x.after' } }]);
    expect(await fixAll(d, 'u', 'r')).toBe('applied');
    expect(calls.slice(1)).toEqual(['applyEdit e', 'runCommand x.after']);
  });

  it('reports nothing to fix when the server offers no fix-all action', async () => {
    expect(await fixAll(deps(undefined).deps, 'u', 'r')).toBe('nothing-to-fix');
    expect(await fixAll(deps([{ kind: { value: 'quickfix' }, edit: { id: 'q' } }]).deps, 'u', 'r')).toBe('nothing-to-fix');
    expect(await fixAll(deps([{ kind: { value: FIX_ALL_KIND } }]).deps, 'u', 'r')).toBe('nothing-to-fix');
  });

  it('says so when VS Code rejects the edit, and runs no command then', async () => {
    const { calls, deps: d } = deps([{ kind: { value: FIX_ALL_KIND }, edit: { id: 'e' }, command: { command: 'x' } }], false);
    expect(await fixAll(d, 'u', 'r')).toBe('edit-rejected');
    expect(calls).not.toContain('runCommand x');
  });
});
