// The document tree as Markdown, through unified: tree → mdast → remark-stringify (+ GFM tables).
// Headings, numbering markers and tables stay as written, so that the Markdown, read back by
// plan-lint, gives the plan's facts again.
import type { BlockContent, ListItem, PhrasingContent, Root, Table, TableRow } from '@plan-lint/core';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Root as MdastRoot, RootContent, PhrasingContent as MdastPhrasing, Parents } from 'mdast';
import type { Handle, State, Info } from 'mdast-util-to-markdown';

type MdastNode = RootContent;

/** The plan's tree written as Markdown. */
export function treeToMarkdown(tree: Root): string {
  const processor = unified()
    .use(remarkStringify, {
      bullet: '-',
      rule: '-',
      fences: true,
      handlers: { text: rawText, planListItem: listItemAsWritten, planRows: rowsAsWritten } as unknown as Record<string, Handle>,
      // An item's siblings follow it without a blank line, as in the plan; other blocks get one.
      join: [(left, right) => (left.type === ('planListItem' as never) && right.type === ('planListItem' as never) ? 0 : undefined)],
    })
    .data('toMarkdownExtensions', [gfmTableToMarkdown()]);
  const mdast: MdastRoot = { type: 'root', children: tree.children.flatMap(block) };
  return processor.stringify(mdast);
}

function block(node: BlockContent): MdastNode[] {
  switch (node.type) {
    case 'heading': {
      const marker = node.source === 'numbering' && node.marker ? `${node.marker.raw} ` : '';
      const children = phrasing(node.children);
      if (marker) children.unshift({ type: 'text', value: marker });
      return [{ type: 'heading', depth: Math.min(6, Math.max(1, node.depth)) as 1, children }];
    }
    case 'paragraph':
      return [{ type: 'paragraph', children: phrasing(node.children) }];
    case 'list':
      return node.children.flatMap((child) => item(child));
    case 'table':
      return [table(node)];
    case 'blockquote':
      return [{ type: 'blockquote', children: node.children.flatMap(block) as never }];
    case 'html':
      return [{ type: 'html', value: node.value }];
    case 'code':
      return [{ type: 'code', lang: node.lang ?? null, value: node.value }];
    case 'thematicBreak':
      return [{ type: 'thematicBreak' }];
    case 'frontmatter':
      return [{ type: 'html', value: `---\n${node.value}\n---` }];
    default:
      // Plan nodes (header, legal basis, recipients, signature) group blocks: their blocks are written.
      return ('children' in node ? (node.children as BlockContent[]) : []).flatMap(block);
  }
}

/** An item keeps its marker as written (`a)`, `đ)`, `1.1.`, `+`, `•`), which mdast lists cannot say. */
function item(node: ListItem, depth = 0): MdastNode[] {
  const own = node.children[0]?.type === 'paragraph' ? phrasing(node.children[0].children) : [];
  const written = { type: 'planListItem', marker: node.marker.raw, depth, children: own } as unknown as MdastNode;
  const nested = node.children.filter((child) => child.type === 'list').flatMap((list) => list.children.flatMap((child) => item(child, depth + 1)));
  return [written, ...nested];
}

function phrasing(children: PhrasingContent[]): MdastPhrasing[] {
  return children.map((child) => (child.type === 'break' ? { type: 'break' } : { type: 'text', value: child.value }));
}

/** A break inside a cell is written `<br>`: a newline would end the row. */
function cellText(row: TableRow): MdastPhrasing[][] {
  return row.children.map((cell) =>
    cell.children.map((child) => (child.type === 'break' ? { type: 'html', value: '<br>' } : { type: 'text', value: child.value })),
  );
}

/** A table with a header row is a GFM table; one without is written as its rows, which plan-lint reads as a table. */
function table(node: Table): MdastNode {
  const rows = node.children;
  if (rows[0]?.isHeader) {
    return {
      type: 'table',
      align: node.align ?? null,
      children: rows.filter((row, index) => index === 0 || !row.isHeader).map((row) => ({
        type: 'tableRow',
        children: cellText(row).map((children) => ({ type: 'tableCell', children })),
      })),
    } as MdastNode;
  }
  return { type: 'planRows', rows: rows.map(cellText) } as unknown as MdastNode;
}

// Text is written as it reads: plan-lint's Markdown reader takes inline text literally, so escaping
// `*`, `_` or `[` would change the words read back (a symbol `KH_01`, a `*` footnote). Only a pipe
// inside a table cell is escaped, as GFM and plan-lint's reader both need.
function rawText(node: { value: string }, _parent: Parents, state: State): string {
  return state.stack.includes('tableCell') ? node.value.replace(/\|/g, '\\|') : node.value;
}

function inline(children: MdastPhrasing[], state: State, info: Info): string {
  return state.containerPhrasing({ type: 'paragraph', children } as never, { ...info, before: ' ', after: '\n' });
}

function listItemAsWritten(node: { marker: string; depth: number; children: MdastPhrasing[] }, _parent: Parents, state: State, info: Info): string {
  return `${'  '.repeat(node.depth)}${node.marker} ${inline(node.children, state, info)}`;
}

function rowsAsWritten(node: { rows: MdastPhrasing[][][] }, _parent: Parents, state: State, info: Info): string {
  return node.rows
    .map((cells) => `| ${cells.map((cell) => inline(cell, state, info).replace(/\|/g, '\\|')).join(' | ')} |`)
    .join('\n');
}
