import { parseArgs } from 'node:util';
import path from 'node:path';
import type { BlockContent, BodyNode, ListItem, PhrasingContent, PlanDocument, Position, Section, TopicFact } from '@plan-lint/core';
import { readPlan } from '../input/read-plan.js';
import { withUsageErrors } from '../parse-options.js';
import { exactlyOne, printedHelp, writeOutput } from './shared.js';

/** `plan-lint inspect FILE [--json]`: the AST as a pack author needs it. */
export async function runInspect(argv: string[]): Promise<number> {
  if (printedHelp(argv, 'inspect')) return 0;
  const { values, positionals } = withUsageErrors(() =>
    parseArgs({ args: argv, options: { json: { type: 'boolean' }, output: { type: 'string', short: 'o' } }, allowPositionals: true, strict: true }),
  );
  const file = exactlyOne(positionals, { vi: 'TỆP', en: 'FILE' }, 'inspect');
  const core = await import('@plan-lint/core');
  const input = await readPlan(path.resolve(file));
  const document = core.parsePlan(input.source, { format: input.format });
  const text = values.json
    ? `${JSON.stringify({ ...document, topic: core.extractTopicFacts(document) }, isoDates, 2)}\n`
    : outline(core, document);
  await writeOutput(text, values.output);
  return 0;
}

/** Every date in our JSON is ISO 8601: front matter dates parsed by YAML are Date objects. */
function isoDates(this: unknown, _key: string, value: unknown): unknown {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

const at = (position: Position | undefined) => (position ? `${position.start.line}:${position.start.column}` : '-');

function topicReason(topic: TopicFact): string {
  const where = topic.position ? ` at ${at(topic.position)}` : '';
  const quoted = topic.evidence ? `: "${topic.evidence.length > 100 ? `${topic.evidence.slice(0, 100)}…` : topic.evidence}"` : '';
  switch (topic.by) {
    case 'title':
      return `${topic.id === 'other' ? 'the title names another topic' : 'named in the title'}${where}${quoted}`;
    case 'headings':
      return `named in a heading${where}${quoted}`;
    case 'body':
      return `no title; the body names it repeatedly${where}${quoted}`;
    case 'config':
      return 'set by the config';
    default:
      return 'no title and no heading names a topic: the default';
  }
}

function outline(core: typeof import('@plan-lint/core'), document: PlanDocument): string {
  const out: string[] = [];
  const meta = document.metadata;
  out.push(`format: ${document.format}`);
  const field = (name: string, value: string | number | undefined, position?: Position) => {
    if (value !== undefined && value !== '') out.push(`  ${name}: ${value}${position ? `  (${at(position)})` : ''}`);
  };
  out.push('metadata:');
  field('issuer', meta.issuingBody?.text, meta.issuingBody?.position);
  field('symbol', meta.symbol?.text, meta.symbol?.position);
  field('place', meta.place?.text, meta.place?.position);
  field('date', meta.date?.iso, meta.date?.position);
  field('type', meta.docType?.text, meta.docType?.position);
  field('title', meta.title?.text, meta.title?.position);
  field('year', meta.year);
  const topic = core.extractTopicFacts(document);
  out.push(`topic: ${topic.id}  (${topicReason(topic)})`);
  out.push(`legal basis (${document.legalBasis.length}):`);
  for (const citation of document.legalBasis) out.push(`  ${at(citation.position)}  ${citationLine(citation)}`);
  out.push(`sections:`);
  const visit = (nodes: BodyNode[], depth: number) => {
    for (const node of nodes) {
      if (node.type !== 'section') continue;
      const section = node as Section;
      const number = section.numbering?.raw ? `${section.numbering.raw} ` : '';
      out.push(`${'  '.repeat(depth)}${at(section.headingPosition ?? section.position)}  ${number}${section.title}  [${section.kind}]`);
      visit(section.children, depth + 1);
    }
  };
  visit(document.sections, 1);
  out.push(`citations (${document.citations.length}):`);
  for (const citation of document.citations) out.push(`  ${at(citation.position)}  ${citationLine(citation)}`);
  out.push(`dates (${document.dates.length}):`);
  for (const date of document.dates) out.push(`  ${at(date.position)}  ${date.iso}  "${date.raw}"${date.valid ? '' : '  (not a calendar date)'}`);
  out.push(`date ranges (${document.dateRanges.length}):`);
  for (const range of document.dateRanges) out.push(`  ${at(range.position)}  ${range.from.iso} .. ${range.to.iso}  "${range.raw}"`);
  out.push(`deadlines (${document.deadlines.length}):`);
  for (const deadline of document.deadlines) {
    const due =
      (deadline.due?.iso ?? (deadline.months?.length ? `months ${deadline.months.join(', ')}` : 'no date')) +
      (deadline.due?.yearFrom ? ` (year from the ${deadline.due.yearFrom})` : '');
    out.push(`  ${at(deadline.position)}  ${deadline.kind}  ${deadline.relation} ${due}${deadline.recipient ? `  → ${deadline.recipient}` : ''}  "${deadline.subject}"`);
  }
  out.push(`action month (${document.actionMonths.length}):`);
  for (const mention of document.actionMonths) {
    const range = mention.range ? `${mention.range.from.iso} .. ${mention.range.to.iso}  "${mention.range.raw}" at ${at(mention.range.position)}, bound by ${mention.boundBy}` : 'no range written with it';
    out.push(`  ${at(mention.position)}  ${range}`);
  }
  out.push(`money (${document.money.length}):`);
  for (const money of document.money) out.push(`  ${at(money.position)}  ${money.amount} ${money.currency}  "${money.raw}"`);
  out.push(`responsible units (${document.responsibilities.length}):`);
  for (const unit of document.responsibilities) out.push(`  ${at(unit.position)}  ${unit.unit}  (${unit.duties.length} duties)`);
  if (document.recipients) {
    out.push(`recipients (${document.recipients.entries.length}):`);
    for (const entry of document.recipients.entries) out.push(`  ${at(entry.position)}  ${entry.text}`);
  } else out.push('recipients: none');
  const signer = document.signer;
  out.push(signer ? `signer: ${[signer.authority, signer.onBehalfOf, signer.title, signer.name].filter(Boolean).join(' / ')}  (${at(signer.position)})` : 'signer: none');
  out.push('tree:');
  treeOutline(document.tree.children, 1, out);
  if (document.problems.length) {
    out.push(`problems (${document.problems.length}):`);
    for (const problem of document.problems) out.push(`  ${at(problem.position)}  ${problem.code}: ${problem.message}`);
  }
  return out.join('\n') + '\n';
}

function citationLine(citation: PlanDocument['citations'][number]): string {
  return [citation.docType, citation.symbol ?? citation.symbolRaw, citation.date ? `ngày ${citation.date.iso}` : undefined, citation.issuer?.text]
    .filter(Boolean)
    .join(' ');
}

const words = (children: PhrasingContent[]) => children.map((child) => (child.type === 'text' ? child.value : '↵')).join(' ');
const clip = (text: string, length = 70) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The blocks as written: headings and items with their markers, tables row by row. */
function treeOutline(nodes: readonly (BlockContent | ListItem)[], depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        out.push(`${pad}${at(node.position)}  heading ${node.depth} (${node.source}${node.marker ? ` ${node.marker.raw}` : ''})  ${clip(words(node.children))}`);
        break;
      case 'paragraph':
        out.push(`${pad}${at(node.position)}  paragraph  ${clip(words(node.children))}`);
        break;
      case 'list':
        treeOutline(node.children, depth, out);
        break;
      case 'listItem': {
        const own = node.children[0]?.type === 'paragraph' ? words(node.children[0].children) : '';
        out.push(`${pad}${at(node.position)}  item ${node.marker.raw} (${node.marker.style}${node.marker.value.length ? ` ${node.marker.value.join('.')}` : ''})  ${clip(own)}`);
        for (const child of node.children.slice(1)) if (child.type === 'list') treeOutline(child.children, depth + 1, out);
        break;
      }
      case 'table': {
        const columns = Math.max(0, ...node.children.map((row) => row.children.length));
        out.push(`${pad}${at(node.position)}  table  ${node.children.length} rows, ${columns} columns`);
        for (const row of node.children) {
          const cells = row.children.map((cell) => clip(words(cell.children), 30));
          out.push(`${pad}  ${at(row.position)}  row${row.isHeader ? ' (header)' : ''}  ${cells.join(' | ')}`);
        }
        break;
      }
      case 'blockquote':
        out.push(`${pad}${at(node.position)}  blockquote`);
        treeOutline(node.children, depth + 1, out);
        break;
      case 'html':
        out.push(`${pad}${at(node.position)}  comment  ${clip(node.value.replace(/\s+/g, ' '))}`);
        break;
      default:
        out.push(`${pad}${at(node.position)}  ${node.type}`);
        if ('children' in node) treeOutline(node.children as BlockContent[], depth + 1, out);
    }
  }
}
