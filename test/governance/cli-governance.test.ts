import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, parseJson, runCli } from '../cli/run-cli.js';
import { builtinRule, FAMILY, folderWith } from './support.js';

const DEFECTS = path.join(FAMILY, 'defects');

describe('plan-lint explain (built bin)', () => {
  it('explains a rule that fired: facts with ranges, deciding condition, severity layers', () => {
    const run = runCli(['explain', 'signature.md', 'signature', '--locale', 'en'], { cwd: DEFECTS });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'signature.md (judged by the rules in force on 18/03/2024)',
        'signature (van-ban) FAILED',
        '  conditions held',
        '  severity: extends van-ban@0.1.0 = warning',
        '  deciding condition: signer.present equal false (= false) -> true',
        '  facts read: signer @ 121:1-121:33',
        "  findings: 121:1 The plan does not end with the signer's position and name.",
      ]),
    );
  });

  it('explains a rule that did not fire, as JSON', () => {
    const run = runCli(['explain', 'signature.md', 'action-month', '--json'], { cwd: DEFECTS });
    const { rules } = parseJson<{ rules: Array<Record<string, any>> }>(run);
    expect(rules).toHaveLength(1);
    const [rule] = rules;
    expect(rule.ruleId).toBe('action-month');
    expect(rule.outcome).toBe('passed');
    expect(rule.fired).toBe(false);
    expect(rule.deciding).toMatchObject({ fact: 'actionMonth', path: '$.mentioned', operator: 'equal', value: false, factValue: true, result: false });
    expect(rule.deciding.ranges[0].start).toMatchObject({ line: 70, column: 12 });
    expect(rule.layers).toEqual([{ layer: 'extends', source: 'binh-dang-gioi@0.1.0', severity: 'error' }]);
  });

  it('names the config layer that changed a severity; an override for other files is no layer', () => {
    const dir = folderWith({
      'plan-lint.config.json': { rules: { signature: 'error' }, overrides: [{ files: ['drafts/**'], rules: { signature: 'off' } }] },
    });
    const plan = path.join(DEFECTS, 'signature.md');
    const run = runCli(['explain', plan, 'signature', '--json', '--config', path.join(dir, 'plan-lint.config.json')], { cwd: dir });
    const { rules } = parseJson<{ rules: Array<{ layers: unknown[]; severity: string }> }>(run);
    expect(rules[0].severity).toBe('error');
    expect(rules[0].layers).toEqual([
      { layer: 'extends', source: 'van-ban@0.1.0', severity: 'warning' },
      { layer: 'config', source: path.join(dir, 'plan-lint.config.json'), severity: 'error' },
    ]);
  });
});

describe('legal basis in reports', () => {
  it('SARIF rule descriptors and rules --json carry each rule\'s legal basis', () => {
    const sarif = parseJson<{ runs: Array<{ tool: { driver: { rules: Array<{ id: string; properties: { legalBasis?: string[] } }> } } }> }>(
      runCli(['--format', 'sarif', 'signature.md'], { cwd: DEFECTS }),
    );
    const rules = sarif.runs[0].tool.driver.rules;
    expect(rules.find((rule) => rule.id === 'signature')?.properties.legalBasis?.[0]).toMatch(/^Nghị định số 30\/2020\/NĐ-CP .*Phụ lục I, mục II\.7/);
    expect(rules.every((rule) => (rule.properties.legalBasis?.length ?? 0) > 0)).toBe(true);
    const listed = parseJson<{ rules: Array<{ id: string; legalBasis?: string[] }> }>(runCli(['rules', '--json'], { cwd: DEFECTS }));
    expect(listed.rules.find((rule) => rule.id === 'action-month')?.legalBasis?.[0]).toMatch(/^Quyết định số 1790\/QĐ-TTg/);
  });
});

describe('plan-lint rules --at', () => {
  it('lists what applies on a date', () => {
    const dir = folderWith({
      'pack.json': { name: 'so-gddt', version: '2.0.0', rules: [{ ...builtinRule('van-ban', 'signature'), effective: { from: '2025-01-01' } }] },
      'plan-lint.config.json': { packs: ['./pack.json'] },
    });
    const before = parseJson<{ rules: Array<{ id: string; inForce: boolean }> }>(runCli(['rules', '--at', '2024-06-01', '--json'], { cwd: dir }));
    expect(before.rules.map((rule) => [rule.id, rule.inForce])).toEqual([['signature', false]]);
    const after = runCli(['rules', '--at', '2025', '--locale', 'en'], { cwd: dir });
    expect(after.stdout.split('\n').slice(0, 2)).toEqual(['Rules in force in 2025:', '  so-gddt/signature  warning (01/01/2025 – …)']);
    expect(runCli(['rules', '--at', 'soon'], { cwd: dir }).code).toBe(2);
  });
});

describe('plan-lint mcp, through the SDK client', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ name: 'plan-lint-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp'], cwd: DEFECTS, stderr: 'pipe' }));
  }, 30_000);

  afterAll(async () => {
    await client?.close();
  });

  const textOf = (result: Awaited<ReturnType<Client['callTool']>>, index = 0) => (result.content as Array<{ type: string; text: string }>)[index].text;

  it('lists its three tools', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['explain_finding', 'lint_plan', 'list_rules']);
  });

  it('lints a plan by path and by text', async () => {
    const byPath = JSON.parse(textOf(await client.callTool({ name: 'lint_plan', arguments: { path: 'signature.md', locale: 'en' } })));
    expect(byPath.diagnostics.map((d: { ruleId: string; line: number }) => [d.ruleId, d.line])).toEqual([['signature', 121]]);
    expect(byPath.judgedOn).toBe('2024-03-18');
    const byText = JSON.parse(
      textOf(await client.callTool({ name: 'lint_plan', arguments: { text: 'Thực hiện Thực hiện kế hoạch.\n', fileName: 'nhap.md' } })),
    );
    expect(byText.diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('duplicate-word');
  });

  it('explains a finding', async () => {
    const result = await client.callTool({ name: 'explain_finding', arguments: { path: 'signature.md', rule: 'signature', locale: 'en' } });
    expect(textOf(result).split('\n').slice(0, 2)).toEqual(['signature (van-ban) FAILED', '  conditions held']);
    expect(JSON.parse(textOf(result, 1)).deciding.fact).toBe('signer');
  });

  it('lists rules with their legal basis, and answers errors as tool errors', async () => {
    const { rules } = JSON.parse(textOf(await client.callTool({ name: 'list_rules', arguments: { at: '2024-03-18' } })));
    const parentCited = rules.find((rule: { id: string }) => rule.id === 'parent-cited');
    expect(parentCited.legalBasis[0]).toMatch(/^Nghị định số 30\/2020\/NĐ-CP/);
    expect(rules).toHaveLength(19);
    const missing = await client.callTool({ name: 'lint_plan', arguments: { path: 'no-such-plan.md' } });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain('file not found');
  });
});
