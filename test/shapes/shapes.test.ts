// fixtures/shapes/ (its README): one plan family written in many shapes. Every shape of a compliant
// plan lints clean against every shape of the parent and gives the same facts; a plan on another
// topic gets no binh-dang-gioi finding; each planted defect fires exactly where its .expect says.
import path from 'node:path';
import { parentFactsFromDocument } from '../../packages/core/src/facts/index.js';
import { describe, expect, it } from 'vitest';
import {
  anchorPoint,
  describeDiagnostics,
  lintFile,
  loadPlan,
  parseFile,
  plansIn,
  projectFacts,
  projectParent,
  readExpect,
  relative,
} from './shapes-support.js';

const parents = plansIn('parent');
const compliant = plansIn('compliant');
const otherTopic = plansIn('other-topic');
const defects = plansIn('defects');

/** `th-vinh-hoa.bang.md` → `th-vinh-hoa`: the shapes of one plan share the name before the first dot. */
const planName = (file: string) => path.basename(file).split('.')[0]!;

function groups(files: string[]): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const file of files) byName.set(planName(file), [...(byName.get(planName(file)) ?? []), file]);
  return byName;
}

describe('fixtures/shapes: the parent in every shape', () => {
  it('has the parent in prose and with its deadlines as a Markdown table', () => {
    expect(parents.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['so-gddt.md', 'so-gddt-bang.md']));
  });

  const prose = parents.find((f) => path.basename(f) === 'so-gddt.md');
  for (const file of parents.filter((f) => f !== prose)) {
    it(`${relative(file)} gives the subordinates the same directives as ${path.basename(prose!)}`, async () => {
      const expected = projectParent(parentFactsFromDocument(await parseFile(prose!)));
      expect(projectParent(parentFactsFromDocument(await parseFile(file)))).toEqual(expected);
    });
  }

  it('the prose parent sets the three deadlines and the action month', async () => {
    const facts = parentFactsFromDocument(await parseFile(prose!));
    expect(facts).toMatchObject({
      symbol: '96/KH-SGDĐT',
      date: '2026-01-20',
      year: 2026,
      deadlines: { planSubmission: '2026-02-09', sixMonthReport: '2026-06-04', annualReport: '2026-12-09' },
      actionMonth: { from: '2026-11-15', to: '2026-12-15' },
    });
  });
});

describe('fixtures/shapes: every shape of a compliant plan', () => {
  for (const [name, files] of groups(compliant)) {
    const baseline = files.find((f) => f.endsWith('.list.md')) ?? files[0]!;

    it(`${name} is written in at least three shapes`, () => {
      expect(files.length).toBeGreaterThanOrEqual(3);
    });

    for (const file of files) {
      for (const parent of parents) {
        it(`${relative(file)} gives no finding against ${path.basename(parent)}`, async () => {
          const result = await lintFile(file, parent);
          expect(describeDiagnostics(result.diagnostics)).toBe('');
        });
      }
      if (file === baseline) continue;
      it(`${relative(file)} gives the facts of ${path.basename(baseline)}`, async () => {
        const facts = async (plan: string) => {
          const result = await lintFile(plan);
          return projectFacts(result.facts);
        };
        expect(await facts(file)).toEqual(await facts(baseline));
      });
    }
  }

  it('the baseline reads the deadlines, roles and action month it writes', async () => {
    const file = compliant.find((f) => f.endsWith('th-vinh-hoa.list.md'))!;
    const projection = projectFacts((await lintFile(file)).facts) as Record<string, unknown>;
    expect(projection).toMatchObject({
      metadata: { symbol: '12/KH-THVH', date: '2026-02-03', year: 2026 },
      deadlines: [
        { kind: 'annual-report', due: '2026-12-05', relation: 'before' },
        { kind: 'six-month-report', due: '2026-05-29', relation: 'before' },
      ],
      actionMonth: { mentioned: true, scheduled: true, from: '2026-11-15', to: '2026-12-15' },
      budget: { hasSection: true, declared: true },
      parentCitation: { found: true },
    });
    expect((projection.roles as { units: string[] }).units).toEqual(
      expect.arrayContaining(['hiệu trưởng', 'phó hiệu trưởng', 'công đoàn cơ sở', 'tổng phụ trách đội', 'giáo viên chủ nhiệm']),
    );
  });
});

describe('fixtures/shapes: Word\'s automatic a) list reads as Word shows it, in the Vietnamese sequence', () => {
  const markers = async (file: string) => {
    const plan = await loadPlan(file);
    return [...plan.source.text.matchAll(/^[ \t]*([a-zđ])\)[ \t]/gmu)].map((m) => m[1]);
  };
  it('compliant/th-vinh-hoa.word.docx: a) b) c) d) đ)', async () => {
    expect(await markers(compliant.find((f) => f.endsWith('th-vinh-hoa.word.docx'))!)).toEqual(['a', 'b', 'c', 'd', 'đ']);
  });
  it('other-topic/th-vinh-hoa.bao-luc.docx: a) b) c)', async () => {
    expect(await markers(otherTopic.find((f) => f.endsWith('th-vinh-hoa.bao-luc.docx'))!)).toEqual(['a', 'b', 'c']);
  });
  it('defects/hoat-dong-ngat.docx: a) b), then a list that starts at d): d) đ)', async () => {
    expect(await markers(defects.find((f) => f.endsWith('hoat-dong-ngat.docx'))!)).toEqual(['a', 'b', 'd', 'đ']);
  });
});

// A plan on another topic under the same parent: only the van-ban rules apply to it.
for (const file of otherTopic) {
  it(`${relative(file)} gives no finding (the binh-dang-gioi rules do not apply to it)`, async () => {
    const result = await lintFile(file);
    expect(describeDiagnostics(result.diagnostics)).toBe('');
  });
}

describe('fixtures/shapes: planted defects fire exactly where their .expect says', () => {
  for (const file of defects) {
    it(`${relative(file)}`, async () => {
      const expected = readExpect(file);
      expect(expected, `${relative(file)} has a sibling .expect`).toBeDefined();
      const plan = await loadPlan(file);
      const result = await lintFile(file);
      const want = expected!.map((e) => `${anchorPoint(plan.source, e.anchor)} ${e.ruleId}/${e.messageId}`).sort();
      const got = result.diagnostics.map((d) => `${d.position.start.line}:${d.position.start.column} ${d.ruleId}/${d.messageId}`).sort();
      expect(got, describeDiagnostics(result.diagnostics)).toEqual(want);
      // A Markdown or text defect also carries the fixture runner's markers: the same lines.
      if (plan.markers.length > 0) {
        expect(plan.markers.map((m) => `${m.line} ${m.ruleId}/${m.messageId}`).sort()).toEqual(want.map((w) => `${w.split(':')[0]} ${w.split(' ')[1]}`).sort());
      }
    });
  }
});
