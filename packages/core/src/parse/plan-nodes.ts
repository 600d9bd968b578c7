// The plan's own blocks in the tree: header, legal basis, recipients and signature group the blocks
// the DocumentBuilder read them from, so that the tree says where each is.
import type { PlanDocument, Position } from './ast.js';
import type { BlockContent, PlanHeader, Root } from './tree.js';

type Kind = 'header' | 'legalBasis' | 'recipients' | 'signature';

/** Groups the root's blocks that hold the header, the legal basis, the recipients and the signature. */
export function attachPlanNodes(document: PlanDocument): void {
  const tree = document.tree;
  const children = tree.children;
  if (children.length === 0) return;
  const meta = document.metadata;
  const spans: { kind: Kind; from: number; to: number }[] = [];
  const add = (kind: Kind, positions: (Position | undefined)[]) => {
    const present = positions.filter((position): position is Position => position !== undefined);
    if (present.length === 0) return;
    const from = indexAt(children, Math.min(...present.map((p) => p.start.offset)));
    const to = indexAt(children, Math.max(...present.map((p) => p.end.offset)) - 1);
    if (from !== -1 && to !== -1 && from <= to) spans.push({ kind, from, to });
  };
  add('header', [meta.issuingBody?.position, meta.symbol?.position, meta.place?.position, meta.date?.position]);
  // The header is the top of the plan: the superior body's name above the issuer belongs to it.
  const top = children.findIndex((child) => child.type !== 'frontmatter' && child.type !== 'html');
  if (spans[0]?.kind === 'header' && top !== -1 && top < spans[0].from) spans[0].from = top;
  add('legalBasis', document.legalBasis.map((citation) => citation.position));
  add('recipients', [document.recipients?.position]);
  add('signature', [document.signer?.position]);
  spans.sort((a, b) => a.from - b.from);
  const out: BlockContent[] = [];
  let next = 0;
  for (const span of spans) {
    // Blocks are grouped once: a span that overlaps one already taken is left as it is.
    if (span.from < next) continue;
    out.push(...children.slice(next, span.from));
    const blocks = children.slice(span.from, span.to + 1);
    const first = blocks[0].position;
    const last = blocks.at(-1)!.position;
    const node = { type: span.kind, children: blocks } as BlockContent;
    if (first && last) node.position = { start: first.start, end: last.end };
    if (span.kind === 'header') {
      const header = node as PlanHeader;
      if (meta.issuingBody) header.issuer = meta.issuingBody;
      if (meta.symbol) header.symbol = meta.symbol;
      if (meta.place) header.place = meta.place;
      if (meta.date) header.date = meta.date;
    }
    out.push(node);
    next = span.to + 1;
  }
  out.push(...children.slice(next));
  (tree as Root).children = out;
}

/** The index of the root child whose range holds `offset`, or -1. */
function indexAt(children: BlockContent[], offset: number): number {
  let low = 0;
  let high = children.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = children[mid].position?.start.offset ?? 0;
    if (start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found === -1) return -1;
  const end = children[found].position?.end.offset ?? 0;
  return offset <= end ? found : -1;
}
