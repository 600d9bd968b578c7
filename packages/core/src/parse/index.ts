import type { SourceText } from '../decode/source-text.js';
import { sourceFromString } from '../decode/decode.js';
import { withoutMarkdownEscapes } from '../decode/markdown-escapes.js';
import { withHtmlTablesRead } from '../decode/markdown-html-tables.js';
import { withPandocTablesRead } from '../decode/markdown-pandoc-tables.js';
import { withLayoutTablesRead } from '../decode/text-layout-tables.js';
import { withSpelledDatesRead } from '../decode/spelled-dates.js';
import { withTabTablesRead } from '../decode/text-tab-tables.js';
import { elementsInTextOrder, elementVisitor, type Entity } from './ast-builder.js';
import type { ParseProblem, PlanDocument } from './ast.js';
import { DocumentBuilder } from './build-document.js';
import { attachPlanNodes } from './plan-nodes.js';
import { entityCandidateRuns, entityCandidates, planGrammar } from './grammar.js';
import type { IToken } from 'chevrotain';
import { layoutText, layoutTree, type LayoutTreeRecipe } from './layout.js';
import { planLexer } from './tokens.js';

/** The source a document was read from, when it is not the one given (Markdown escapes read). */
const READ_SOURCE = Symbol('plan-lint.readSource');

/** The text the document's offsets refer to: what facts scan. */
export function readSourceOf(document: PlanDocument, given: SourceText): SourceText {
  return (document as unknown as Record<symbol, SourceText | undefined>)[READ_SOURCE] ?? given;
}

/** Where a parsed document keeps the recipe of its tree until the tree is read. */
const TREE_RECIPE = Symbol('plan-lint.treeRecipe');

/**
 * `document.tree`'s getter: one function for every document, reading the recipe the document
 * carries. (A getter closing over each parse kept the parse alive through every scavenge, since V8
 * holds accessors in the old generation: the language server's p95 tripled.)
 */
function readTree(this: PlanDocument): PlanDocument['tree'] {
  const recipe = (this as unknown as Record<symbol, LayoutTreeRecipe | undefined>)[TREE_RECIPE];
  if (!recipe) return undefined as unknown as PlanDocument['tree'];
  writeTree.call(this, layoutTree(recipe));
  attachPlanNodes(this);
  return this.tree;
}

function writeTree(this: PlanDocument, tree: PlanDocument['tree']): void {
  Object.defineProperty(this, 'tree', { value: tree, enumerable: true, configurable: true, writable: true });
  delete (this as unknown as Record<symbol, unknown>)[TREE_RECIPE];
}

export interface ParseOptions {
  format?: 'markdown' | 'text';
}

function entitiesRunByRun(tokens: IToken[], layout: { toNormalized(offset: number): number }, source: SourceText, problems: ParseProblem[]): Entity[] {
  const entities: Entity[] = [];
  for (const run of entityCandidateRuns(tokens)) {
    planGrammar.input = run;
    const cst = planGrammar.document();
    if (planGrammar.errors.length === 0 && cst) {
      entities.push(...(elementVisitor.visit(cst) as Entity[]));
      continue;
    }
    for (const error of planGrammar.errors) {
      const at = layout.toNormalized(error.token.startOffset);
      problems.push({ type: 'problem', code: 'parser', message: error.message, position: source.positionOf(at, at) });
    }
  }
  planGrammar.input = [];
  return entities;
}

/** Parses a plan into its AST. Never throws on user text: what it cannot read is in `problems`. */
export function parsePlan(input: SourceText | string, options: ParseOptions = {}): PlanDocument {
  const format = options.format ?? 'text';
  const given = typeof input === 'string' ? sourceFromString(input) : input;
  // Markdown's backslash escapes (`I\.`, `a\)`, `\-` from pandoc) read as their characters, and
  // pandoc's raw HTML tables (a Word table whose cells hold paragraphs) and its grid and multiline
  // tables (read first: their columns are where the file has them, before escapes are read) as the
  // pipe tables they are.
  // In text, a Word table saved as plain text (cells parted by tabs) and a table printed in columns of
  // spaces (pdftotext -layout), its cells wrapped within their columns, as the pipe tables they are.
  // Then, in both, a date whose day and month are spelled out (`ngày mười lăm tháng mười một`) as the
  // date in figures it says.
  const source = withSpelledDatesRead(
    format === 'markdown' ? withHtmlTablesRead(withoutMarkdownEscapes(withPandocTablesRead(given))) : withLayoutTablesRead(withTabTablesRead(given)),
  );
  const layout = layoutText(source, format);
  const problems: ParseProblem[] = [];
  const lexed = planLexer.tokenize(layout.text);
  for (const error of lexed.errors) {
    const at = layout.toNormalized(error.offset);
    problems.push({ type: 'problem', code: 'lexer', message: error.message, position: source.positionOf(at, at + error.length) });
  }
  planGrammar.input = entityCandidates(lexed.tokens);
  const cst = planGrammar.document();
  // The grammar accepts every token sequence; should it ever fail, the failure is a recorded problem
  // rather than an exception, and the runs are read one by one: only the run it cannot read is lost
  // (one failed run used to cost the plan every citation, date and deadline).
  const failed = planGrammar.errors.length > 0 || !cst;
  // The shared parser would keep this plan's tokens (slices of its whole text) until the next parse.
  planGrammar.input = [];
  const entities: Entity[] = failed ? entitiesRunByRun(lexed.tokens, layout, source, problems) : elementVisitor.visit(cst);
  const elements = elementsInTextOrder(lexed.tokens, entities);
  const document = new DocumentBuilder(source, layout, elements, format, problems).build() as PlanDocument;
  if (source !== given) Object.defineProperty(document, READ_SOURCE, { value: source });
  // The tree, with the plan's own nodes grouped, is made when first read (the lint never reads it).
  Object.defineProperty(document, TREE_RECIPE, { value: layout.treeRecipe, configurable: true });
  Object.defineProperty(document, 'tree', { enumerable: true, configurable: true, get: readTree, set: writeTree });
  return document;
}

export { classifySection, parseSymbol, isCalendarDate, subjectYear } from './build-document.js';
export { classifyDeadline } from './bind-deadlines.js';
