import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bin, repoRoot } from '../cli/run-cli.js';
import { FAMILY } from './support.js';

interface ActionStep {
  name?: string;
  id?: string;
  run?: string;
  env?: Record<string, string>;
}

const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
};

/** Runs one step's script as the runner would: bash, the step's env with the inputs' defaults or overrides. */
function runStep(id: string, dir: string, inputs: Record<string, string>, github: { action_path?: string; PATH?: string } = {}) {
  const step = action.runs.steps.find((candidate) => candidate.id === id || candidate.name === id)!;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    PLAN_LINT: `${process.execPath} ${bin}`,
  };
  for (const [name, value] of Object.entries(step.env ?? {})) {
    const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1];
    const context = /^\$\{\{ github\.(\w+) \}\}$/.exec(value)?.[1] as 'action_path' | undefined;
    env[name] = input ? (inputs[input] ?? action.inputs[input].default) : context ? github[context]! : value;
  }
  if (github.PATH) env.PATH = github.PATH;
  return spawnSync('bash', ['-e', '-c', step.run!], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
}

describe('GitHub Action (action.yml)', () => {
  it('is a composite action whose outputs come from its lint step', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.outputs['sarif-file'].value).toBe('${{ steps.lint.outputs.sarif-file }}');
  });

  it('lints with annotations, writes SARIF and the compliance record, and a job summary', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-action-'));
    const inputs = { files: `${path.join(FAMILY, 'defects/signature.md')} ${path.join(FAMILY, 'compliant/truong-th-a.md')}`, parent: path.join(FAMILY, 'parent/ke-hoach-phong.md'), locale: 'en' };
    const lint = runStep('lint', dir, inputs);
    expect(lint.stderr).toBe('');
    expect(lint.stdout).toMatch(/^::warning file=.*signature\.md,line=121,col=1,endLine=121,endColumn=33,title=signature::/m);
    const outputs = readFileSync(path.join(dir, 'output'), 'utf8');
    expect(outputs).toBe('exit-code=0\nsarif-file=plan-lint.sarif\ncompliance-file=plan-lint.compliance.json\n');
    const sarif = JSON.parse(readFileSync(path.join(dir, 'plan-lint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['signature']);
    const summary = runStep('Job summary', dir, inputs);
    expect(summary.status).toBe(0);
    const text = readFileSync(path.join(dir, 'summary'), 'utf8');
    expect(text).toContain('| Kế hoạch | Ngày xét | Đạt | Vi phạm | Miễn trừ | Không áp dụng | Quy tắc vi phạm |');
    expect(text).toMatch(/\| \S*signature\.md \| 2024-03-18 \| 18 \| 1 \| 0 \| 0 \| `signature` \|/);
    expect(text).toMatch(/\| van-ban \| 0\.1\.0 \| `[0-9a-f]{64}` \|/);
  });

  it('reports the exit code of a failing lint without stopping before the reports are written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-action-'));
    const lint = runStep('lint', dir, { files: path.join(FAMILY, 'defects/signature.md'), 'max-warnings': '0' });
    expect(lint.status).toBe(0);
    expect(readFileSync(path.join(dir, 'output'), 'utf8')).toContain('exit-code=1\n');
    expect(JSON.parse(readFileSync(path.join(dir, 'plan-lint.compliance.json'), 'utf8')).kind).toBe('plan-lint-compliance');
  });
});

describe('GitHub Action: installing plan-lint (not on the npm registry)', () => {
  it('builds the plan-lint of its own checkout with npm ci and runs that bin', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-action-'));
    // The action's checkout: this repository's built packages; npm is a stub that records its call.
    const actionPath = path.join(dir, 'action');
    mkdirSync(actionPath);
    symlinkSync(path.join(repoRoot, 'packages'), path.join(actionPath, 'packages'));
    const stubs = path.join(dir, 'bin');
    mkdirSync(stubs);
    writeFileSync(path.join(stubs, 'npm'), `#!/bin/sh\necho "$(pwd) npm $*" >> "${path.join(dir, 'npm-calls')}"\n`, { mode: 0o755 });
    const install = runStep('Install plan-lint', dir, {}, { action_path: actionPath, PATH: `${stubs}${path.delimiter}${process.env.PATH}` });
    expect(install.stderr).toBe('');
    expect(install.status).toBe(0);
    expect(readFileSync(path.join(dir, 'npm-calls'), 'utf8')).toBe(`${actionPath} npm ci --no-audit --no-fund\n`);
    expect(readFileSync(path.join(dir, 'env'), 'utf8')).toBe(`PLAN_LINT=node ${actionPath}/packages/cli/bin/plan-lint.js\n`);
    expect(install.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('refuses a version to fetch from npm, where plan-lint is not published', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-action-'));
    const install = runStep('Install plan-lint', dir, { 'plan-lint-version': 'latest' }, { action_path: dir });
    expect(install.status).toBe(2);
    expect(install.stderr).toBe('plan-lint-version must be "action" or "local" (plan-lint is not on the npm registry; pin a version with the ref in uses:).\n');
  });
});

describe('GitLab template and pre-commit hooks', () => {
  it('use formats and options the CLI has', () => {
    const gitlab = parse(readFileSync(path.join(repoRoot, 'docs/ci/gitlab-ci.yml'), 'utf8'))['plan-lint'];
    expect(gitlab.artifacts.reports.junit).toBe('plan-lint.junit.xml');
    const formats = (gitlab.script as string[]).flatMap((line) => /--format (\w+)/.exec(line)?.slice(1) ?? []);
    expect(formats).toEqual(['compliance', 'sarif', 'junit']);
    const hooks = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; files: string }>;
    expect(hooks.map((hook) => hook.id)).toEqual(['plan-lint', 'plan-lint-fix']);
    expect(new RegExp(hooks[0].files).test('ke-hoach/truong-a.docx')).toBe(true);
    expect(new RegExp(hooks[1].files).test('ke-hoach/truong-a.pdf')).toBe(false);
  });
});
