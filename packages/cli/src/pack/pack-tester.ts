import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, LoadedPack, PlanDocument, ResolvedConfig } from '@plan-lint/core';
import { cliLocale, tr } from '../locale.js';

export interface ExampleOutcome {
  file: string;
  valid: boolean;
  problems: string[];
}


/**
 * Runs a pack's examples like ESLint's RuleTester: `<rule-id>/examples/valid-*.md|txt` in a rule
 * folder (`examples/<rule-id>/` beside a pack with inline rules) must give
 * none of the pack's rules, `invalid-*` exactly the findings their markers name; where a fix is
 * offered an `invalid-*.fixed.md` must hold the fixed text (and must not exist otherwise), and the
 * fixed text must have nothing fixable left. Examples listed in the pack's `examples` run too.
 */
export async function testPack(pack: LoadedPack): Promise<ExampleOutcome[]> {
  const core = await import('@plan-lint/core');
  const testing = await import('@plan-lint/core/testing');
  const packDir = path.dirname(pack.source);
  const ruleIds = new Set(core.flattenPacks([pack]).flatMap((p) => (p.json.rules ?? []).map((rule) => rule.id)));
  const config: ResolvedConfig = { baseDir: packDir, packs: [pack], rules: {}, overrides: [] };
  const examples = new Map<string, boolean>();
  for (const rule of pack.json.rules ?? []) {
    // A rule folder holds its examples (rules/<pack>/<rule-id>/examples/); an inline rule's are in examples/<rule-id>/.
    const home = pack.ruleDirs?.[rule.id];
    const dir = home ? path.join(home, 'examples') : path.join(packDir, 'examples', rule.id);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(md|txt)$/.test(name) || /\.fixed\.(md|txt)$/.test(name)) continue;
      if (name.startsWith('valid-')) examples.set(path.join(dir, name), true);
      else if (name.startsWith('invalid-')) examples.set(path.join(dir, name), false);
    }
  }
  for (const example of pack.json.examples ?? []) examples.set(path.resolve(packDir, example.file), example.valid);

  const parents = new Map<string, PlanDocument>();
  const outcomes: ExampleOutcome[] = [];
  for (const [file, valid] of examples) {
    const problems: string[] = [];
    outcomes.push({ file, valid, problems });
    if (!existsSync(file)) {
      problems.push(tr('tệp ví dụ không tồn tại', 'the example file does not exist'));
      continue;
    }
    let exampleText: string;
    try {
      exampleText = readExample(file);
    } catch (error) {
      problems.push(tr(`không đọc được tệp ví dụ: ${(error as Error).message}`, `the example cannot be read: ${(error as Error).message}`));
      continue;
    }
    const example = testing.parseExpectations(exampleText, cliLocale());
    problems.push(...example.errors);
    const format = file.endsWith('.md') ? 'markdown' : 'text';
    let parent: PlanDocument | undefined;
    if (example.config.parent) {
      const parentFile = path.resolve(path.dirname(file), example.config.parent);
      if (!parents.has(parentFile)) {
        const text = testing.parseExpectations(readExample(parentFile)).text;
        parents.set(parentFile, core.parsePlan(core.sourceFromString(text), { format: parentFile.endsWith('.md') ? 'markdown' : 'text' }));
      }
      parent = parents.get(parentFile);
    }
    const options = { filePath: file, format, config, locale: example.config.locale ?? ('vi' as const), parent } as const;
    const lint = async (text: string) => (await core.lintText(text, options)).diagnostics.filter((d) => ruleIds.has(d.ruleId));
    const found = await lint(example.text);
    const expected = example.expectations.filter((expectation) => ruleIds.has(expectation.ruleId));
    if (valid && expected.length > 0) problems.push(tr('ví dụ hợp lệ (valid-*) không được mang dấu kỳ vọng của các quy tắc trong bộ', "a valid example must not carry markers of the pack's rules"));
    if (!valid && expected.length === 0) problems.push(tr('ví dụ sai (invalid-*) phải có ít nhất một dấu kỳ vọng {{mã-quy-tắc}}', 'an invalid example must name at least one finding with a marker'));
    problems.push(...testing.compareWithExpectations(expected, found.map(asFinding), cliLocale()));

    const fixedFile = file.replace(/\.(md|txt)$/, '.fixed.$1');
    const fixed = await fixUntilStable(example.text, found, lint);
    if (fixed === undefined) {
      const name = path.basename(fixedFile);
      if (existsSync(fixedFile)) problems.push(tr(`có ${name} nhưng không quy tắc nào đưa ra cách sửa`, `${name} exists but no fix is offered`));
    } else if (!existsSync(fixedFile)) {
      const name = path.basename(fixedFile);
      problems.push(tr(`có cách sửa: thêm ${name} chứa văn bản đã sửa`, `a fix is offered: add ${name} with the fixed text`));
    } else {
      const name = path.basename(fixedFile);
      const want = testing.parseExpectations(readExample(fixedFile)).text;
      if (fixed.text !== want) problems.push(tr(`văn bản sau khi sửa khác ${name}`, `the fixed text differs from ${name}`));
      if (fixed.remaining > 0) problems.push(tr(`sau khi sửa vẫn còn ${fixed.remaining} lỗi sửa được`, `${fixed.remaining} fixable finding(s) remain after fixing`));
    }
  }
  return outcomes;

  /** An example a pack names is read as a plan is: a regular file, within 20 MB. */
  function readExample(file: string): string {
    return core.readPlanBytes(file).toString('utf8');
  }

  async function fixUntilStable(text: string, found: Diagnostic[], lint: (text: string) => Promise<Diagnostic[]>) {
    if (!found.some((d) => d.fix)) return undefined;
    const fixed = await core.fixUntilStable(text, { diagnostics: found }, async (next) => ({ diagnostics: await lint(next) }));
    return { text: fixed.text, remaining: fixed.result.diagnostics.filter((d) => d.fix).length };
  }
}

function asFinding(diagnostic: Diagnostic) {
  return { ruleId: diagnostic.ruleId, line: diagnostic.position.start.line, messageId: diagnostic.messageId, message: diagnostic.message };
}
