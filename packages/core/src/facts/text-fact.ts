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

const textSources = new WeakMap<object, TextSource>();

/** The text behind a plan's facts (engine/items.ts reads it for `match` rules). */
export function textSourceOf(facts: object): TextSource | undefined {
  return textSources.get(facts);
}

export function buildTextFact(document: PlanDocument, index: TextIndex, facts: object): TextFact {
  let byKind: Map<SectionKind, Array<{ text: string; start: number }>> | undefined;
  const partsOfKind = (kind: SectionKind) => {
    if (!byKind) {
      const sections = new Map<SectionKind, Section[]>();
      sectionsByKind(document.sections, sections, new Set());
      byKind = new Map();
      for (const [found, list] of sections) {
        byKind.set(
          found,
          list.filter((section) => section.position).map((section) => {
            const start = index.toNormalized(section.position!.start.offset);
            return { text: index.text.slice(start, index.toNormalized(section.position!.end.offset)), start };
          }),
        );
      }
    }
    return byKind.get(kind) ?? [];
  };
  const sections = {} as Partial<Record<SectionKind, string>>;
  for (const kind of KINDS) {
    let cached: string | undefined;
    Object.defineProperty(sections, kind, {
      enumerable: true,
      get: () => {
        cached ??= partsOfKind(kind).map((part) => part.text).join('\n\n');
        return cached || undefined;
      },
    });
  }
  textSources.set(facts, {
    parts: (scope) => (scope === 'plan' ? [{ text: index.text, start: 0 }] : partsOfKind(scope as SectionKind)),
    position: (start, end) => index.position(start, end),
  });
  return { plan: index.text, sections };
}
