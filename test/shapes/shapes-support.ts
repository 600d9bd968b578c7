// Loading and comparing the plans of fixtures/shapes/ (its README): every file is read the way the
// CLI reads it (readPlan: .md as Markdown, .txt as text, .docx and .pdf decoded), so these tests
// follow whatever the Word and PDF readers become.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, lintSource, parsePlan, sourceFromString } from '@plan-lint/core';
import type { Diagnostic, LintResult, PlanDocument, SourceText } from '@plan-lint/core';
import { parseExpectations } from '@plan-lint/core/testing';
import type { PlanFacts } from '../../packages/core/src/facts/types.js';
import { readPlan } from '../../packages/cli/src/input/read-plan.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHAPES = path.join(ROOT, 'fixtures', 'shapes');
export const PLAN_FILE = /\.(md|txt|docx|pdf)$/;

export const relative = (file: string) => path.relative(ROOT, file);

/** The plans of a folder of the family, sorted; README and Markdown sources of Word files excluded. */
export function plansIn(folder: string): string[] {
  const dir = path.join(SHAPES, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => PLAN_FILE.test(name) && name !== 'README.md')
    .sort()
    .map((name) => path.join(dir, name));
}

export interface LoadedPlan {
  file: string;
  source: SourceText;
  format: 'markdown' | 'text';
  /** Markers (`{{rule-id}}`) of a .md/.txt fixture, already removed from `source`. */
  markers: ReturnType<typeof parseExpectations>['expectations'];
}

const loaded = new Map<string, Promise<LoadedPlan>>();

/** Reads a plan as the CLI does; markers of .md/.txt fixtures are removed first (they are not text of the plan). */
export function loadPlan(file: string): Promise<LoadedPlan> {
  let plan = loaded.get(file);
  if (!plan) {
    plan = (async () => {
      if (/\.(md|txt)$/.test(file)) {
        const fixture = parseExpectations(readFileSync(file, 'utf8'));
        return { file, source: sourceFromString(fixture.text), format: file.endsWith('.md') ? 'markdown' : 'text', markers: fixture.expectations } as LoadedPlan;
      }
      const input = await readPlan(file);
      return { file, source: input.source, format: input.format, markers: [] };
    })();
    loaded.set(file, plan);
  }
  return plan;
}

export async function parseFile(file: string): Promise<PlanDocument> {
  const plan = await loadPlan(file);
  return parsePlan(plan.source, { format: plan.format });
}

/** The parent named by the plan-lint.config.json above the file. */
export async function parentOf(file: string): Promise<string> {
  const parent = (await loadConfig(file)).parent;
  if (!parent) throw new Error(`${relative(file)}: no parent in its plan-lint.config.json`);
  return parent;
}

/** Lints the file with its folder's config, against `parentFile` (default: the config's parent). */
export async function lintFile(file: string, parentFile?: string): Promise<LintResult> {
  const plan = await loadPlan(file);
  const config = await loadConfig(file);
  const parent = await parseFile(parentFile ?? (await parentOf(file)));
  return lintSource(plan.source, { filePath: file, format: plan.format, config, parent });
}

export const describeDiagnostics = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.position.start.line}:${d.position.start.column} ${d.ruleId}/${d.messageId} ${d.message}`).join('\n');

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What must not depend on how a plan is written: its deadlines (kind, day, relation), the units its
 * roles name, the action month, whether it budgets, its number, date and year, whether it cites
 * its parent, and its topic. Order-free where the order is only the writing's (deadlines, units);
 * units compared without case, as "Hiệu trưởng" and "hiệu trưởng" name one role.
 */
export function projectFacts(facts: PlanFacts): unknown {
  const extra = facts as unknown as Record<string, unknown>;
  return {
    metadata: { symbol: facts.metadata.symbol, date: facts.metadata.date, year: facts.metadata.year },
    deadlines: facts.deadlines
      .map((d) => ({ kind: d.kind, due: d.due ?? null, relation: d.relation }))
      .sort((a, b) => `${a.kind}${a.due}${a.relation}`.localeCompare(`${b.kind}${b.due}${b.relation}`)),
    deadlineByKind: { planSubmission: facts.deadlineByKind.planSubmission, sixMonthReport: facts.deadlineByKind.sixMonthReport, annualReport: facts.deadlineByKind.annualReport },
    reportDeadlines: { hasDated: facts.reportDeadlines.hasDated, vagueCount: facts.reportDeadlines.vagueCount },
    roles: { declared: facts.roles.hasSection && facts.roles.units.length > 0, units: [...new Set(facts.roles.units.map((u) => clean(u).toLowerCase()))].sort() },
    actionMonth: { mentioned: facts.actionMonth.mentioned, scheduled: facts.actionMonth.scheduled, from: facts.actionMonth.from ?? null, to: facts.actionMonth.to ?? null },
    budget: { hasSection: facts.budget.hasSection, declared: facts.budget.hasSection && facts.budget.sources.length > 0 },
    parentCitation: { found: facts.parentCitation.found, date: facts.parentCitation.date ?? null },
    topic: topicOf(extra.topic),
  };
}

/** The topic's name, whatever the fact's shape (a string, or an object with its id and a reason). */
function topicOf(topic: unknown): unknown {
  if (topic === undefined || topic === null || typeof topic !== 'object') return topic ?? null;
  const record = topic as Record<string, unknown>;
  for (const key of ['id', 'topic', 'name', 'value', 'kind']) if (typeof record[key] === 'string') return record[key];
  return record;
}

/** A superior's plan as its subordinates' checks see it (what --parent and pack derive take). */
export function projectParent(facts: ReturnType<typeof import('@plan-lint/core').parentFactsFromDocument>): unknown {
  // asWritten is the wording of each shape (`Trước ngày 10/02/2026` in prose, `10/02/2026` in a cell): only what it means is compared.
  const { asWritten: _wording, ...meaning } = facts;
  return { ...meaning, title: facts.title ? clean(facts.title) : facts.title };
}

export interface ExpectedDiagnostic {
  ruleId: string;
  messageId: string;
  anchor: string;
}

/**
 * A defect file's `<name>.expect` (sibling; one for all formats of a plan): one diagnostic per line,
 * `rule-id/messageId` then a text of the plan that occurs once in it as read; the diagnostic starts
 * where `[[` stands in that text, else at its start (`Trước ngày [[15/12/2026 |`).
 */
export function readExpect(file: string): ExpectedDiagnostic[] | undefined {
  const expectFile = file.replace(PLAN_FILE, '.expect');
  if (!existsSync(expectFile)) return undefined;
  return readFileSync(expectFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-z][a-z0-9-]*)\/([A-Za-z]+)\s+(\S.*?)\s*$/.exec(line);
      if (!match) throw new Error(`${relative(expectFile)}: malformed line "${line}"`);
      return { ruleId: match[1]!, messageId: match[2]!, anchor: match[3]! };
    });
}

/** `line:column` where the anchor says a diagnostic starts, in the plan's text as read. */
export function anchorPoint(source: SourceText, anchor: string): string {
  const at = Math.max(anchor.indexOf('[['), 0);
  const text = anchor.replace('[[', '');
  const first = source.original.indexOf(text);
  if (first === -1) return `(anchor "${text}" not in the text)`;
  if (source.original.indexOf(text, first + 1) !== -1) return `(anchor "${text}" occurs more than once)`;
  const point = source.pointAt(first + at);
  return `${point.line}:${point.column}`;
}
