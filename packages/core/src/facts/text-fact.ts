import type { BodyNode, PlanDocument, Position, Section, SectionKind } from '../parse/ast.js';
import type { TextIndex } from './text.js';

/**
 * The `text` fact: the plan's text (`$.plan`) and the text of its sections by kind (`$.sections.budget`,
 * every section of that kind, outermost only, joined by a blank line), for `matches` / `notMatches`.
 * Section texts are cut on first read: most rule sets never read them.
 */
export interface TextFact {
  plan: string;
  sections: Partial<Record<SectionKind, string>>;
}

/** What a `forEach: { match }` rule reads: the texts with their start offsets, and how to place a match. */
export interface TextSource {
  parts(scope: string): Array<{ text: string; start: number }>;
  position(start: number, end: number): Position;
}

const KINDS: SectionKind[] = ['purpose', 'objectives', 'tasks', 'budget', 'organisation', 'appendix', 'other'];

/** The outermost sections of each kind, in document order (a budget sub-section is inside its budget section). */
function sectionsByKind(nodes: readonly BodyNode[], out: Map<SectionKind, Section[]>, inside: Set<SectionKind>): void {
  for (const node of nodes) {
    if (node.type === 'paragraph') continue;
    if (node.type === 'section' && !inside.has(node.kind)) {
      const list = out.get(node.kind) ?? [];
      list.push(node);
      out.set(node.kind, list);
      const deeper = new Set(inside).add(node.kind);
      sectionsByKind(node.children, out, deeper);
    } else {
      sectionsByKind(node.children, out, inside);
    }
  }
}

/**
 * Where a plan's facts keep their text source: a hidden property, not a WeakMap keyed by the facts.
 * A module's WeakMap lives in the old generation, and its entries kept every lint's document
 * through the scavenges that came while it was live, so each was promoted (a major GC's work).
 */
const TEXT_SOURCE = Symbol('plan-lint.textSource');

/** The text behind a plan's facts (engine/items.ts reads it for `match` rules). */
export function textSourceOf(facts: object): TextSource | undefined {
  return (facts as Record<symbol, TextSource | undefined>)[TEXT_SOURCE];
}

/**
 * One getter per section kind, made once for every plan, that reads the section texts of the object
 * it is called on. Each plan's `sections` gets them as own properties (rules read `$.sections.budget`
 * as JSONPath does: own properties only), but no getter closes over a plan: V8 keeps accessor pairs in
 * the old generation, so a per-plan closure there kept each lint's document alive through every
 * scavenge and promoted it whole.
 */
const SECTION_GETTERS = new Map(
  KINDS.map((kind) => [
    kind,
    function (this: { [SECTION_TEXTS]: SectionTexts }) {
      return this[SECTION_TEXTS].textOf(kind);
    },
  ]),
);

const SECTION_TEXTS = Symbol('plan-lint.sectionTexts');

/** The texts of a plan's sections by kind, cut on first read. */
class SectionTexts {
  private byKind: Map<SectionKind, Array<{ text: string; start: number }>> | undefined;
  private readonly joined = new Map<SectionKind, string>();

  constructor(
    private readonly document: PlanDocument,
    private readonly index: TextIndex,
  ) {}

  partsOf(kind: SectionKind): Array<{ text: string; start: number }> {
    if (!this.byKind) {
      const sections = new Map<SectionKind, Section[]>();
      sectionsByKind(this.document.sections, sections, new Set());
      this.byKind = new Map();
      for (const [found, list] of sections) {
        this.byKind.set(
          found,
          list.filter((section) => section.position).map((section) => {
            const start = this.index.toNormalized(section.position!.start.offset);
            return { text: this.index.text.slice(start, this.index.toNormalized(section.position!.end.offset)), start };
          }),
        );
      }
    }
    return this.byKind.get(kind) ?? [];
  }

  textOf(kind: SectionKind): string | undefined {
    let text = this.joined.get(kind);
    if (text === undefined) {
      text = this.partsOf(kind).map((part) => part.text).join('\n\n');
      this.joined.set(kind, text);
    }
    return text || undefined;
  }
}

export function buildTextFact(document: PlanDocument, index: TextIndex, facts: object): TextFact {
  const sections = new SectionTexts(document, index);
  const byKind = {} as Partial<Record<SectionKind, string>>;
  Object.defineProperty(byKind, SECTION_TEXTS, { value: sections });
  for (const [kind, get] of SECTION_GETTERS) Object.defineProperty(byKind, kind, { enumerable: true, get });
  const source: TextSource = {
    parts: (scope) => (scope === 'plan' ? [{ text: index.text, start: 0 }] : sections.partsOf(scope as SectionKind)),
    position: (start, end) => index.position(start, end),
  };
  // Not enumerable: the spread copies of the facts the rules run on, and JSON copies, leave it out.
  Object.defineProperty(facts, TEXT_SOURCE, { value: source });
  return { plan: index.text, sections: byKind };
}
