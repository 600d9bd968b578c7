// Issue 13 item 2: a check that was not made is never "passed". Linted without a parent plan, the
// three rules that compare with one are "not applicable (no parent)" in every format; with the
// parent the family's config names, they are judged; an unreadable file is judged by no rule.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, runCli } from '../cli/run-cli.js';
import { COMPLIANT, complianceValidator, FAMILY, folderWith, ROOT } from './support.js';
import RULE_IDS from '../support/rule-ids.generated.json' with { type: 'json' };

const PARENT_RULES = ['deadline-before-parent', 'parent-cited', 'submission-deadline'];
const SEED = path.join(ROOT, 'fixtures/seeds/000_4996ab619162ff16.txt');
const ENCRYPTED = path.join(ROOT, 'fixtures/formats/encrypted.pdf');

describe('no parent: not applicable, never passed', () => {
  it('compliance record: not-applicable with the reason, in the summary too', () => {
    const record = parseJson<{ plans: Array<{ rules: Array<{ ruleId: string; outcome: string; reason?: string }>; summary: Record<string, number> }> }>(
      runCli([SEED, '--format', 'compliance'], { cwd: ROOT }),
    );
    const rules = record.plans[0].rules.filter((rule) => PARENT_RULES.includes(rule.ruleId));
    expect(rules.map(({ ruleId, outcome, reason }) => ({ ruleId, outcome, reason })).sort((a, b) => a.ruleId.localeCompare(b.ruleId))).toEqual(
      PARENT_RULES.map((ruleId) => ({ ruleId, outcome: 'not-applicable', reason: 'needs-parent' })),
    );
    expect(record.plans[0].summary.notApplicable).toBe(3);
  });

  it('json: per file, notApplicable lists the rules and why', () => {
    const [result] = parseJson<Array<{ notApplicable: Array<{ ruleId: string; reason: string }> }>>(runCli([SEED, '--format', 'json'], { cwd: ROOT }));
    expect(result.notApplicable).toEqual(PARENT_RULES.map((ruleId) => ({ ruleId, reason: 'needs-parent' })).sort((a, b) => order(a.ruleId) - order(b.ruleId)));
  });

  it('sarif: a configuration notification per rule not applied, on the file', () => {
    const log = parseJson<{ runs: Array<{ invocations: Array<{ toolConfigurationNotifications: Array<Record<string, any>> }> }> }>(
      runCli([SEED, '--format', 'sarif', '--locale', 'en'], { cwd: ROOT }),
    );
    const notes = log.runs[0].invocations[0].toolConfigurationNotifications;
    expect(notes.map((note) => note.associatedRule.id).sort()).toEqual(PARENT_RULES);
    expect(notes[0]).toMatchObject({
      level: 'note',
      descriptor: { id: 'rule-not-applicable' },
      properties: { outcome: 'not-applicable', reason: 'needs-parent' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'fixtures/seeds/000_4996ab619162ff16.txt' } } }],
    });
    expect(notes[0].message.text).toMatch(/: no parent plan \(--parent\) to compare with$/);
  });

  it('html: the matrix shows the not-applicable state with its reason', () => {
    const html = runCli([SEED, '--format', 'html', '--locale', 'en'], { cwd: ROOT }).stdout;
    for (const ruleId of PARENT_RULES) {
      expect(html).toMatch(new RegExp(`<td class="cell not-applicable" data-state="not-applicable" data-reason="needs-parent" data-rule="${ruleId}" title="[^"]+: not applicable: no parent plan`));
    }
    expect(html).not.toMatch(/data-state="passed" data-rule="(deadline-before-parent|parent-cited|submission-deadline)"/);
  });

  it('explain: NOT APPLICABLE, why, and no verdict on conditions', () => {
    const run = runCli(['explain', SEED, 'submission-deadline', '--locale', 'en'], { cwd: ROOT });
    expect(run.stdout.split('\n').slice(2, 5)).toEqual(['submission-deadline (binh-dang-gioi) NOT APPLICABLE', '  no parent plan (--parent) to compare with', '  not evaluated']);
    const vi = runCli(['explain', SEED, 'parent-cited'], { cwd: ROOT });
    expect(vi.stdout).toContain('parent-cited (binh-dang-gioi) KHÔNG ÁP DỤNG\n  không có kế hoạch cấp trên (--parent) để đối chiếu\n');
  });

  it('with the parent, the same rules are judged (passed or failed), never not applicable', () => {
    const record = parseJson<{ plans: Array<{ rules: Array<{ ruleId: string; outcome: string }> }> }>(
      runCli(['compliant/truong-th-a.md', 'defects/parent-cited.md', '--format', 'compliance'], { cwd: FAMILY }),
    );
    const outcomes = record.plans.map((plan) => plan.rules.filter((rule) => PARENT_RULES.includes(rule.ruleId)).map((rule) => `${rule.ruleId}=${rule.outcome}`).sort());
    expect(outcomes).toEqual([
      ['deadline-before-parent=passed', 'parent-cited=passed', 'submission-deadline=passed'],
      ['deadline-before-parent=passed', 'parent-cited=failed', 'submission-deadline=passed'],
    ]);
  });

  it('an unreadable file: every rule not applicable, reason unreadable', () => {
    const record = parseJson<{ plans: Array<{ rules: Array<{ outcome: string; reason?: string }> }> }>(runCli([ENCRYPTED, '--format', 'compliance'], { cwd: ROOT }));
    expect(new Set(record.plans[0].rules.map((rule) => `${rule.outcome}/${rule.reason}`))).toEqual(new Set(['not-applicable/unreadable']));
  });
});

describe('a parent that gives none of what a rule compares: not applicable, never passed', () => {
  const parentText = readFileSync(path.join(FAMILY, 'parent/ke-hoach-phong.md'), 'utf8');
  const withoutLines = (...wordings: string[]) => parentText.split('\n').filter((line) => !wordings.some((wording) => line.includes(wording))).join('\n');
  const outcomesWith = (parent: string) => {
    const dir = folderWith({ 'parent.md': parent });
    const record = parseJson<{ plans: Array<{ rules: Array<{ ruleId: string; outcome: string; reason?: string }> }> }>(
      runCli([COMPLIANT, '--parent', path.join(dir, 'parent.md'), '--format', 'compliance'], { cwd: ROOT }),
    );
    return record.plans[0].rules.filter((rule) => PARENT_RULES.includes(rule.ruleId)).map((rule) => `${rule.ruleId}=${rule.outcome}${rule.reason ? `/${rule.reason}` : ''}`).sort();
  };

  it('no deadline read in the parent: the deadline rules made no check (parent-silent); parent-cited is judged', () => {
    expect(outcomesWith(withoutLines('trước ngày 25/3/2024', 'Báo cáo 6 tháng'))).toEqual([
      'deadline-before-parent=not-applicable/parent-silent',
      'parent-cited=passed',
      'submission-deadline=not-applicable/parent-silent',
    ]);
  });

  it('report deadlines but no deadline for plans: only submission-deadline is parent-silent', () => {
    expect(outcomesWith(withoutLines('trước ngày 25/3/2024'))).toEqual([
      'deadline-before-parent=passed',
      'parent-cited=passed',
      'submission-deadline=not-applicable/parent-silent',
    ]);
  });

  it('the whole parent: every rule judged', () => {
    expect(outcomesWith(parentText)).toEqual(['deadline-before-parent=passed', 'parent-cited=passed', 'submission-deadline=passed']);
  });

  it("a plan for another period than the parent's: its deadline for plans binds it not (parent-silent)", () => {
    const schoolYear = path.join(ROOT, 'rules/binh-dang-gioi/submission-deadline/examples/valid-school-year-plan.md');
    const record = parseJson<{ plans: Array<{ rules: Array<{ ruleId: string; outcome: string; reason?: string }> }> }>(
      runCli([schoolYear, '--parent', path.join(ROOT, 'rules/binh-dang-gioi/parent-ke-hoach-phong.md'), '--format', 'compliance'], { cwd: ROOT }),
    );
    const standing = record.plans[0].rules.find((rule) => rule.ruleId === 'submission-deadline');
    expect(standing).toMatchObject({ outcome: 'not-applicable', reason: 'parent-silent' });
  });

  it('explain says why, in both languages', () => {
    const dir = folderWith({ 'parent.md': withoutLines('trước ngày 25/3/2024', 'Báo cáo 6 tháng') });
    const en = runCli(['explain', COMPLIANT, 'deadline-before-parent', '--parent', path.join(dir, 'parent.md'), '--locale', 'en'], { cwd: ROOT });
    expect(en.stdout).toContain('deadline-before-parent (binh-dang-gioi) NOT APPLICABLE\n  the parent plan gives none of what this rule compares');
    const vi = runCli(['explain', COMPLIANT, 'submission-deadline', '--parent', path.join(dir, 'parent.md')], { cwd: ROOT });
    expect(vi.stdout).toContain('submission-deadline (binh-dang-gioi) KHÔNG ÁP DỤNG\n  kế hoạch cấp trên không ghi điều quy tắc này đối chiếu');
  });
});

describe('a plan that gives none of what a rule compares: not applicable, never passed', () => {
  const parent = path.join(FAMILY, 'parent/ke-hoach-phong.md');
  const compliantText = readFileSync(COMPLIANT, 'utf8');
  const outcomesOf = (plan: string, locale?: string) => {
    const dir = folderWith({ 'plan.md': plan });
    const record = parseJson<{ plans: Array<{ rules: Array<{ ruleId: string; outcome: string; reason?: string }> }> }>(
      runCli([path.join(dir, 'plan.md'), '--parent', parent, '--format', 'compliance', ...(locale ? ['--locale', locale] : [])], { cwd: ROOT }),
    );
    const validate = complianceValidator();
    validate(record);
    expect(validate.errors ?? []).toEqual([]);
    return record.plans[0].rules.filter((rule) => PARENT_RULES.includes(rule.ruleId)).map((rule) => `${rule.ruleId}=${rule.outcome}${rule.reason ? `/${rule.reason}` : ''}`).sort();
  };

  it('no report deadline of a kind the parent sets: deadline-before-parent made no check (plan-silent)', () => {
    const withoutReports = compliantText.split('\n').filter((line) => !/[Bb]áo cáo.*\d{1,2}\/\d{1,2}/.test(line)).join('\n');
    expect(withoutReports).not.toBe(compliantText);
    expect(outcomesOf(withoutReports)).toContain('deadline-before-parent=not-applicable/plan-silent');
    expect(outcomesOf(compliantText)).toContain('deadline-before-parent=passed');
  });

  // The date as a form leaves it to be filled in, in the text and in the front matter.
  const undated = compliantText.replace(/ngày \d{1,2} tháng \d{1,2} năm \d{4}/, 'ngày … tháng … năm …').replace(/^date: .*\n/m, '');

  it('no date read in the plan: submission-deadline made no check (plan-silent)', () => {
    expect(undated).not.toBe(compliantText);
    expect(outcomesOf(undated)).toContain('submission-deadline=not-applicable/plan-silent');
  });

  it('explain says why', () => {
    const dir = folderWith({ 'plan.md': undated });
    const en = runCli(['explain', path.join(dir, 'plan.md'), 'submission-deadline', '--parent', parent, '--locale', 'en'], { cwd: ROOT });
    expect(en.stdout).toContain('submission-deadline (binh-dang-gioi) NOT APPLICABLE\n  the plan gives (or plan-lint could read) none of what this rule compares');
  });
});

/** The packs' order of the three rules (json lists them as the governance record does). */
function order(ruleId: string): number {
  // The pack's order: its rule folders by name.
  return RULE_IDS['binh-dang-gioi'].indexOf(ruleId);
}
