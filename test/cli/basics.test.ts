import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

const version = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/package.json'), 'utf8')).version as string;

describe('plan-lint --version / --help', () => {
  it('prints the version of the package', () => {
    for (const flag of ['--version', '-v']) {
      const run = runCli([flag]);
      expect(run).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it.each([
    [['--help'], 'Usage: plan-lint [options] [FILE|DIR|GLOB ...]'],
    [['-h'], 'Usage: plan-lint [options] [FILE|DIR|GLOB ...]'],
    [['convert', '--help'], 'Usage: plan-lint convert FILE'],
    [['inspect', '--help'], 'Usage: plan-lint inspect FILE [--json]'],
    [['pack', '--help'], 'Usage: plan-lint pack derive PARENT -o FILE'],
    [['pack', 'derive', '--help'], 'Usage: plan-lint pack derive PARENT -o FILE\n'],
    [['pack', 'test', '--help'], 'Usage: plan-lint pack test PACK\n'],
    [['rules', '--help'], 'Usage: plan-lint rules [options]'],
    [['init', '--help'], 'Usage: plan-lint init [options]'],
  ])('%j prints its help and exits 0', (args, first) => {
    const run = runCli(args);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(first)).toBe(true);
  });
});

describe('usage errors exit 2 with a message', () => {
  it.each([
    [['--frobnicate', 'x.md'], 'unknown option "--frobnicate"'],
    [['--format', 'xml', 'fixtures/formats/plan.md'], '--format must be one of stylish, json, sarif, junit, github, html'],
    [['--locale', 'fr', 'fixtures/formats/plan.md'], '--locale must be one of vi, en; got "fr"'],
    [['--max-warnings', 'many', 'fixtures/formats/plan.md'], '--max-warnings needs a whole number; got "many"'],
    [['fixtures/formats/*.nothing'], 'no files match the pattern "fixtures/formats/*.nothing"'],
    [['fixtures/no-such-plan.md'], 'no such file or folder: "fixtures/no-such-plan.md"'],
    [['convert'], 'convert needs a FILE'],
    [['inspect', 'a.md', 'b.md'], 'inspect takes one a FILE; got 2'],
    [['pack'], 'pack needs a subcommand: derive or test'],
    [['pack', 'derive'], 'pack derive needs a PARENT plan'],
    [['--format'], 'option "--format" needs a value'],
  ])('%j', (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`plan-lint: ${message}`);
  });

  it('a config error names the file, line and column', () => {
    const run = runCli(['--config', 'test/cli/fixtures/bad-config/plan-lint.config.json', 'fixtures/formats/plan.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/plan-lint: test\/cli\/fixtures\/bad-config\/plan-lint\.config\.json:\d+:\d+: /);
  });

  it('a missing --config file is an error naming it', () => {
    const run = runCli(['--config', 'nowhere.json', 'fixtures/formats/plan.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nowhere.json');
  });

  it('a missing pack is an error naming it', () => {
    const run = runCli(['--pack', './no-such-pack.json', 'fixtures/formats/plan.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such-pack.json');
  });
});
