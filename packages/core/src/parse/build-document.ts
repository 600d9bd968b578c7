// Elements (from the visitor) + layout → the PlanDocument: outline, metadata and entities.
import type { IToken } from 'chevrotain';
import { parse as parseYaml } from 'yaml';
import type { SourceText } from '../decode/source-text.js';
import type { DateParts, Element } from './ast-builder.js';
import type {
  BodyNode,
  Citation,
  DateRange,
  DateValue,
  DisableComment,
  Item,
  MoneyAmount,
  Numbering,
  ParsedSymbol,
  ParseProblem,
  PlanDocument,
  PlanMetadata,
  Position,
  Recipients,
  Section,
  SectionKind,
  Signer,
  TextSpan,
} from './ast.js';
import { bindActionMonth } from './bind-action-month.js';
import { buildDeadlines, END_HEADER, START_HEADER } from './bind-deadlines.js';
import { buildResponsibilities } from './bind-roles.js';
import { readFlatFrontMatter } from './front-matter.js';
import { rightColumnStart, type BindContext, type Line } from './line.js';
import { insideStrong } from './block-tokens.js';
import { BASIS_LEAD } from './reflow.js';
import { rememberedBy } from '../shared/remember.js';
import { isAllCaps, isLowerLetter, isUpperLetter, type Layout } from './layout.js';


const LETTERS = 'abcdđeghiklmnopqrstuvxy';
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

export class DocumentBuilder {
  private readonly lines: Line[] = [];
  /** Where the attachment note (`Ban hành kèm theo Quyết định …`) stands in the layout text, if any. */
  private noteSpan: { start: number; end: number } | undefined;

  constructor(
    private readonly source: SourceText,
    private readonly layout: Layout,
    elements: Element[],
    private readonly format: 'markdown' | 'text',
    private readonly problems: ParseProblem[],
  ) {
    let blockIndex = 0;
    let current: Element[] = [];
    // A numbering marker opening the line is kept apart from its elements (no copy without it).
    let marker: IToken | undefined;
    const flush = () => {
      const block = layout.blocks[blockIndex++];
      if (!block) return;
      // A forwarded e-mail's `> 3. Báo cáo …` quotes another plan's numbering: text, not an item of this one.
      if (block.quoted && format === 'text' && marker) {
        current.unshift({ kind: 'token', token: marker, start: marker.startOffset, end: marker.startOffset + marker.image.length });
        marker = undefined;
      }
      this.lines.push({
        start: block.start,
        end: block.end,
        text: layout.text.slice(block.start, block.end),
        headingDepth: block.headingDepth,
        indent: block.indent,
        elements: current,
        marker,
        row: block.row,
        quoted: block.quoted,
      });
      current = [];
      marker = undefined;
    };
    for (const element of elements) {
      if (element.kind === 'token' && element.token.tokenType.name === 'Newline') flush();
      else if (current.length === 0 && marker === undefined && isMarker(element)) marker = element.token;
      else current.push(element);
    }
    flush();
  }

  position(start: number, end: number): Position {
    return this.source.positionOf(this.layout.toNormalized(start), this.layout.endToNormalized(end));
  }

  /** The end point of `position(end, end)`, without working out its start. */
  private endPoint(end: number): Position['end'] {
    return this.source.pointAt(this.source.toOriginalOffset(this.layout.endToNormalized(end)));
  }

  span(start: number, end: number): TextSpan {
    return { type: 'text', text: this.layout.text.slice(start, end), position: this.position(start, end) };
  }

  /** The document but its tree, which parsePlan makes when first read. */
  build(): Omit<PlanDocument, 'tree'> {
    const lines = this.lines;
    let closingIndex = closingLineIndex(lines);
    // A decision that issues the plan (`QUYẾT ĐỊNH Về việc ban hành Kế hoạch …`, its Điều 1–3, Nơi nhận
    // and signature), then the plan `ban hành kèm theo` it: the decision is the plan's cover. Its header
    // dates the plan, its Căn cứ are the plan's basis and its Nơi nhận the plan's recipients; the plan's
    // sections run from its own title, up to its own Nơi nhận if it has one.
    const attached = closingIndex === -1 ? -1 : attachedPlanStart(lines, closingIndex);
    const coverClosing = attached === -1 ? -1 : closingIndex;
    if (attached !== -1) {
      const own = closingLineIndex(lines.slice(attached));
      closingIndex = own === -1 ? -1 : attached + own;
    }
    const firstSectionIndex = this.firstSectionIndex(lines, closingIndex, attached === -1 ? 0 : attached);
    const preambleEnd = firstSectionIndex === -1 ? (closingIndex === -1 ? lines.length : closingIndex) : firstSectionIndex;

    const metadata = this.buildMetadata(lines.slice(0, preambleEnd), attached);
    const preamble: BodyNode[] = lines.slice(0, preambleEnd).map((line) => this.paragraph(line));
    const sections = this.buildSections(lines, preambleEnd, closingIndex);

    const citations: Citation[] = [];
    const dates: DateValue[] = [];
    const dateRanges: DateRange[] = [];
    const rangeAt = new Map<number, DateRange>();
    const money: MoneyAmount[] = [];
    let basisOpen = false;
    lines.forEach((line, index) => {
      // `Căn cứ …;` / `Thực hiện …;` and the citation paragraphs that continue them.
      basisOpen =
        index < preambleEnd && (BASIS_LEAD.test(line.text) || (basisOpen && line.elements[0]?.kind === 'citation'));
      const inLegalBasis = basisOpen;
      line.elements.forEach((element, k) => {
        if (element.kind === 'citation') {
          // The decision a plan is issued with is no basis of it: it is how the plan is issued.
          const inNote = this.noteSpan !== undefined && element.start >= this.noteSpan.start && element.start < this.noteSpan.end;
          const citation = this.buildCitation(line, element, k, inLegalBasis && !inNote);
          citations.push(citation);
          if (citation.date) dates.push(citation.date);
        } else if (element.kind === 'date') {
          dates.push(this.dateValue(element.value, element.start, element.end));
        } else if (element.kind === 'dateRange') {
          const from = this.dateValue(element.from, element.from.start, element.from.end);
          const to = this.dateValue(element.to, element.to.start, element.to.end);
          dates.push(from, to);
          const range: DateRange = {
            type: 'dateRange',
            from,
            to,
            raw: this.layout.text.slice(element.start, element.end),
            position: this.position(element.start, element.end),
          };
          if (element.through) range.through = true;
          dateRanges.push(range);
          rangeAt.set(element.start, range);
        } else if (element.kind === 'token' && element.token.tokenType.name === 'Number') {
          const amount = this.moneyAt(line, k);
          if (amount) money.push(amount);
        }
      });
      const spanned = line.row && !line.row.isHeader ? this.rowSpan(line) : undefined;
      if (spanned) {
        dateRanges.push(spanned.range);
        rangeAt.set(spanned.at, spanned.range);
      }
    });

    const closingFrom = closingIndex === -1 && coverClosing !== -1 ? coverClosing : closingIndex;
    const closingTo = closingFrom === coverClosing && attached !== -1 ? attached : this.appendixStart(closingFrom);
    const closing = closingFrom === -1 ? [] : this.withCellLines(lines.slice(closingFrom, closingTo));
    const recipients = this.buildRecipients(closing);
    // A plan issued with a decision is signed where the decision is, unless it is signed itself.
    const signer =
      this.buildSigner(lines, closingIndex, preambleEnd) ?? (coverClosing === -1 ? undefined : this.signerIn(this.withCellLines(lines.slice(coverClosing, attached))));

    const start = lines[0]?.start ?? 0;
    const end = lines.at(-1)?.end ?? 0;
    return {
      type: 'document',
      format: this.format,
      metadata,
      legalBasis: citations.filter((citation) => citation.inLegalBasis),
      preamble,
      sections,
      citations,
      dates,
      dateRanges,
      deadlines: buildDeadlines(this.bindContext(metadata)),
      actionMonths: bindActionMonth(this.bindContext(metadata), rangeAt),
      money,
      responsibilities: buildResponsibilities(this.bindContext(metadata), sections),
      recipients,
      signer,
      disableComments: this.buildDisableComments(),
      problems: this.problems,
      position: this.position(start, end),
    };
  }

  /**
   * A schedule row's start and end cells (`Thời gian` over `Bắt đầu | Hoàn thành`, `Từ ngày | Đến ngày`),
   * one date in each: the range they span, as `từ … đến …` would say it. Keyed by the start date.
   */
  private rowSpan(line: Line): { at: number; range: DateRange } | undefined {
    const row = line.row!;
    const header = row.header?.map((cell) => cell.toLowerCase());
    if (!header) return undefined;
    const startCell = header.findIndex((cell) => START_HEADER.test(cell));
    const endCell = header.findIndex((cell) => END_HEADER.test(cell));
    if (startCell === -1 || endCell <= startCell || endCell >= row.cells.length) return undefined;
    const only = (k: number) => {
      const found = line.elements.filter((element) => element.start >= row.cells[k].start && element.end <= row.cells[k].end && element.kind !== 'token');
      return found.length === 1 && found[0].kind === 'date' && !found[0].monthOnly ? found[0] : undefined;
    };
    const first = only(startCell);
    const last = only(endCell);
    if (!first || !last || first.kind !== 'date' || last.kind !== 'date') return undefined;
    const text = this.layout.text;
    const range: DateRange = {
      type: 'dateRange',
      from: this.dateValue(first.value, first.start, first.end),
      to: this.dateValue(last.value, last.start, last.end),
      raw: `${text.slice(first.start, first.end)} - ${text.slice(last.start, last.end)}`,
      position: this.position(first.start, last.end),
    };
    return { at: first.start, range };
  }

  private bindContext(metadata: PlanMetadata): BindContext {
    return {
      lines: this.lines,
      format: this.format,
      planYear: metadata.year,
      planDate: metadata.date,
      text: this.layout.text,
      position: (start, end) => this.position(start, end),
      dateValue: (parts, start, end) => this.dateValue(parts, start, end),
    };
  }

  private isSectionLine(line: Line): boolean {
    // A table row heads a section only as a plan written as one table does (rowSection): a row of a
    // schedule grouped under `I. Tuyên truyền` is a row of that table, not the plan's section I.
    if (line.row) return this.rowSection(line) !== undefined;
    if (line.marker && line.marker.tokenType.name !== 'BulletMarker') return true;
    return isAppendixTitle(line.text);
  }

  /**
   * A plan written as one table (`TT | Nội dung | Thời gian | …`): a row whose first cell is a Roman
   * numeral and whose second is a title in capitals, the other cells empty (`I | MỤC ĐÍCH, YÊU CẦU`),
   * heads a section as `I. MỤC ĐÍCH, YÊU CẦU` does; the rows under it are its content.
   */
  private rowSection(line: Line): { numbering: Numbering; title: string } | undefined {
    const row = line.row!;
    if (row.isHeader || row.cells.length < 2) return undefined;
    const text = (k: number) => this.layout.text.slice(row.cells[k].start, row.cells[k].end).replace(/^[\s*_]+|[\s*_]+$/g, '');
    // `I | MỤC ĐÍCH, YÊU CẦU`, or the numeral and the title in one cell across the row (`I. MỤC ĐÍCH, YÊU CẦU`).
    const together = /^([IVXL]{1,6})\.\s+(\S.*)$/.exec(text(0));
    const roman = together ?? /^([IVXL]{1,6})\.?$/.exec(text(0));
    const title = together ? together[2] : text(1);
    const rest = together ? 1 : 2;
    if (!roman || !/\p{L}/u.test(title) || !isAllCaps(title) || row.cells.slice(rest).some((_, k) => text(k + rest) !== '')) return undefined;
    const cell = row.cells[0];
    const position = this.position(cell.start, cell.end);
    return { numbering: { type: 'numbering', style: 'roman', raw: together ? `${roman[1]}.` : text(0), value: [romanValue(roman[1])], position }, title };
  }

  /**
   * Where the body starts: the first numbered heading or item, or an appendix; or a heading without a
   * number that names a part of a plan (MỤC ĐÍCH, YÊU CẦU; TỔ CHỨC THỰC HIỆN…) written after some text
   * below the plan's type line. pandoc writes Word's numbered Heading styles so (`# MỤC ĐÍCH, YÊU
   * CẦU`: Word's numbering is not text); the text before it keeps the plan's title out ("# KẾ HOẠCH",
   * "## Tổ chức thực hiện công tác …" is a title, not a section).
   */
  private firstSectionIndex(lines: readonly Line[], closingIndex: number, from = 0): number {
    const typeIndex = lines.findIndex((line, index) => index >= from && PLAN_TYPE_LINE.test(line.text));
    let textSeen = false;
    const end = closingIndex === -1 ? lines.length : closingIndex;
    for (let index = from; index < end; index++) {
      const line = lines[index];
      if (this.isSectionLine(line)) return index;
      if (line.marker || index <= typeIndex) continue;
      if (textSeen && isCaptionHeading(line)) return index;
      if (line.headingDepth === 0) textSeen = true;
      else if (textSeen && BODY_SECTION_KINDS.has(classifySection(line.text))) return index;
    }
    return -1;
  }

  private appendixStart(from: number): number {
    const index = this.lines.findIndex((line, k) => k > from && isAppendixTitle(line.text));
    return index === -1 ? this.lines.length : index;
  }

  private paragraph(line: Line): BodyNode {
    return { type: 'paragraph', text: line.text, position: this.position(line.start, line.end) };
  }

  private numbering(marker: IToken): Numbering {
    const raw = marker.image;
    const name = marker.tokenType.name;
    const position = this.position(marker.startOffset, marker.startOffset + raw.length);
    if (name === 'RomanMarker') return { type: 'numbering', style: 'roman', raw, value: [romanValue(raw.slice(0, -1))], position };
    if (name === 'DecimalMarker') {
      return { type: 'numbering', style: 'decimal', raw, value: raw.split('.').filter(Boolean).map(Number), position };
    }
    if (name === 'ArabicMarker') return { type: 'numbering', style: 'arabic', raw, value: [Number.parseInt(raw, 10)], position };
    if (name === 'LetterMarker') {
      return { type: 'numbering', style: 'letter', raw, value: [LETTERS.indexOf(raw[0]) + 1], position };
    }
    return { type: 'numbering', style: 'bullet', raw, value: [], position };
  }

  private buildSections(lines: Line[], from: number, closingIndex: number): Section[] {
    type Open = { node: Section | Item; rank: number; end: number };
    const roots: Section[] = [];
    const stack: Open[] = [];
    let inAppendix = false;
    const capitalsRank = capitalsMarkLevels(lines, from, closingIndex);
    const close = (open: Open) => {
      const node = open.node;
      const start = node.position?.start.offset;
      if (start === undefined) return;
      node.position = { start: node.position!.start, end: this.endPoint(open.end) };
    };
    const attach = (node: BodyNode) => {
      const parent = stack.at(-1);
      if (parent) parent.node.children.push(node);
      else if (node.type === 'section') roots.push(node);
    };
    for (let index = from; index < lines.length; index++) {
      const line = lines[index];
      if (index === closingIndex) {
        // Nơi nhận and the signature close the body; an appendix may follow.
        index = this.appendixStart(index) - 1;
        while (stack.length) close(stack.pop()!);
        continue;
      }
      const appendixTitle = !line.marker && isAppendixTitle(line.text);
      const rowHeading = line.row ? this.rowSection(line) : undefined;
      const caption = !appendixTitle && isCaptionHeading(line);
      const numbered = !line.row && line.marker !== undefined && line.marker.tokenType.name !== 'BulletMarker';
      if (appendixTitle || rowHeading || caption || numbered || (line.headingDepth > 0 && !line.marker)) {
        let rank: number;
        let numbering: Numbering | undefined;
        let title = line.text;
        if (rowHeading) {
          numbering = rowHeading.numbering;
          rank = sectionRank(numbering) + (inAppendix ? 1 : 0);
          title = rowHeading.title;
        } else if (line.marker) {
          numbering = this.numbering(line.marker);
          rank = sectionRank(numbering) + (inAppendix ? 1 : 0);
          // A Markdown list nests by indentation (`1.` then `    1.`, as Notion and pandoc write it):
          // an indented item goes under the item above it, whatever its numbering.
          if (this.format === 'markdown' && line.indent !== undefined && line.indent >= 2) rank += Math.floor((line.indent + 1) / 3) / 2;
          title = line.text.slice(markerEnd(line.marker) - line.start).trim();
          if (capitalsRank && numbering.style === 'arabic' && isAllCaps(title, CAPS_TITLE_LETTERS)) rank -= 0.5;
        } else if (appendixTitle) {
          inAppendix = true;
          rank = 1;
        } else if (caption) {
          rank = 1 + (inAppendix ? 1 : 0);
        } else {
          rank = Math.min(line.headingDepth, 4) + (inAppendix ? 1 : 0);
        }
        while (stack.length && stack.at(-1)!.rank >= rank) close(stack.pop()!);
        const heading = this.position(line.start, line.end);
        const section: Section = {
          type: 'section',
          numbering,
          title,
          kind: appendixTitle ? 'appendix' : classifySection(title),
          level: 0,
          headingPosition: heading,
          // Shared until `close` gives the section its own position, which spans the children.
          position: heading,
          children: [],
        };
        section.level = stack.filter((open) => open.node.type === 'section').length + 1;
        attach(section);
        for (const open of stack) open.end = line.end;
        stack.push({ node: section, rank, end: line.end });
        continue;
      }
      if (line.marker) {
        const numbering = this.numbering(line.marker);
        const rank = 10 + bulletRank(numbering.raw);
        while (stack.length && stack.at(-1)!.node.type === 'item' && stack.at(-1)!.rank >= rank) close(stack.pop()!);
        const item: Item = {
          type: 'item',
          numbering,
          text: line.text.slice(markerEnd(line.marker) - line.start).trim(),
          position: this.position(line.start, line.end),
          children: [],
        };
        attach(item);
        for (const open of stack) open.end = line.end;
        stack.push({ node: item, rank, end: line.end });
        continue;
      }
      while (stack.length && stack.at(-1)!.node.type === 'item') close(stack.pop()!);
      const paragraph = this.paragraph(line);
      if (stack.length) attach(paragraph);
      for (const open of stack) open.end = line.end;
    }
    while (stack.length) close(stack.pop()!);
    return roots;
  }

  /**
   * A line of the header as its columns, each read alone: a text export writes the issuer beside the
   * Quốc hiệu and the symbol beside the place and date ("Số: 34/KH-THPT      Lâm Thao, ngày 20 …").
   */
  private columnsOf(line: Line): Line[] {
    // A header written as a table (Markdown from Word): each cell, and each line of a cell (`<br>`).
    // Only the header's rows (the Quốc hiệu, the symbol, the place and date): not a table of the preamble.
    if (line.row) return HEADER_ROW.test(line.text) ? this.rowLines(line) : [line];
    let right = rightColumnStart(line.text);
    // `Số: 09/KH-PGDĐT⇥Hương Sơn, ngày 16 …`: a tab stop that the export made one space. A symbol has no
    // space (domain.md §1.3): the place and date start after its token.
    if (right === -1 && /^[*_]*Số\s*:/.test(line.text) && /,\s*ngày\s+\d/.test(line.text)) {
      const symbol = line.elements.find((element) => element.kind === 'token' && element.token.tokenType.name === 'DocSymbol');
      const rest = symbol ? line.text.slice(symbol.end - line.start) : '';
      const gap = /^[*_]*\s+/.exec(rest);
      if (symbol && gap && /^[*_]*[^,\d]{1,60},\s*ngày\s+\d/.test(rest.slice(gap[0].length))) right = symbol.end - line.start + gap[0].length;
    }
    if (right === -1) return [line];
    const piece = (start: number, end: number): Line => ({
      start,
      end,
      text: this.layout.text.slice(start, end),
      headingDepth: line.headingDepth,
      elements: line.elements.filter((element) => element.start >= start && element.end <= end),
      marker: start === line.start ? line.marker : undefined,
    });
    return [piece(line.start, line.start + line.text.slice(0, right).trimEnd().length), piece(line.start + right, line.end)];
  }

  /** Lines, each table row among them replaced by its cells' lines, left cell first (a closing written as a table). */
  private withCellLines(lines: Line[]): Line[] {
    if (!lines.some((line) => line.row || INLINE_BR.test(line.text))) return lines;
    const out: Line[] = [];
    for (let k = 0; k < lines.length; k++) {
      if (!lines[k].row) {
        out.push(...this.brokenLines(lines[k]));
        continue;
      }
      let last = k;
      while (last + 1 < lines.length && lines[last + 1].row) last++;
      out.push(...this.columnLines(lines.slice(k, last + 1)));
      k = last;
    }
    return out;
  }

  /** A table row's cells, left first, each as its lines. */
  private rowLines(line: Line): Line[] {
    return line.row!.cells.flatMap((cell) => this.cellLines(line, cell.start, cell.end));
  }

  /**
   * The rows of a closing table read a column at a time, down each column: the Nơi nhận list is
   * the left column and the signer the right one, whether the table has one row (each cell holding
   * its whole column) or a row a line (pandoc's multiline and grid tables, a Word table of rows).
   */
  private columnLines(rows: Line[]): Line[] {
    const columns = Math.max(...rows.map((row) => row.row!.cells.length));
    const out: Line[] = [];
    for (let column = 0; column < columns; column++) {
      for (const row of rows) {
        const cell = row.row!.cells[column];
        if (cell) out.push(...this.cellLines(row, cell.start, cell.end));
      }
    }
    return out;
  }

  /**
   * A line split where an HTML `<br>` breaks it (`**KT. HIỆU TRƯỞNG<br>PHÓ HIỆU TRƯỞNG**`, a Markdown
   * writer's two lines of the signer's title); the line itself when none does.
   */
  private brokenLines(line: Line): Line[] {
    if (!INLINE_BR.test(line.text)) return [line];
    const lines: Line[] = [];
    let from = line.start;
    for (const br of line.text.matchAll(INLINE_BR_ALL)) {
      const at = line.start + br.index;
      const piece = this.pieceOf(line, from, at);
      if (piece) lines.push(piece);
      from = at + br[0].length;
    }
    const last = this.pieceOf(line, from, line.end);
    if (last) lines.push(last);
    return lines;
  }

  /** `line`'s text from `from` to `to` as a line of its own; the spaces and emphasis around it are not its words. */
  private pieceOf(line: Line, from: number, to: number): Line | undefined {
    const raw = this.layout.text.slice(from, to);
    const start = from + /^[\s*_]*/.exec(raw)![0].length;
    const end = from + raw.replace(/[\s*_]*$/, '').length;
    if (end <= start) return undefined;
    return {
      start,
      end,
      text: this.layout.text.slice(start, end),
      headingDepth: 0,
      elements: line.elements.filter((element) => element.start >= start && element.end <= end),
    };
  }

  /** The lines of one table cell, split at its line breaks (`**PHÒNG GIÁO DỤC VÀ ĐÀO TẠO**` read without its emphasis). */
  private cellLines(line: Line, start: number, end: number): Line[] {
    const lines: Line[] = [];
    let from = start;
    for (const cut of [...(line.row?.breaks ?? []).filter((at) => at > start && at < end), end]) {
      const piece = this.pieceOf(line, from, cut);
      if (piece) lines.push(piece);
      from = cut;
    }
    return lines;
  }

  /** `attached`: where a plan issued with a decision starts (the decision's own number is not the plan's), or -1. */
  private buildMetadata(preambleLines: Line[], attached = -1): PlanMetadata {
    const coverEnd = attached === -1 ? 0 : preambleLines[attached]?.start ?? 0;
    const preamble = preambleLines.flatMap((line) => this.columnsOf(line));
    const metadata: PlanMetadata = {};
    let docTypeIndex = -1;
    let titleSpan: { start: number; end: number } | undefined;
    preamble.forEach((line, index) => {
      const symbol = /^Số\s*:\s*(\S.*)$/.exec(line.text);
      if (symbol && !metadata.symbol && line.start >= coverEnd) {
        const offset = line.start + line.text.indexOf(symbol[1]);
        metadata.symbol = this.span(offset, offset + symbol[1].trimEnd().length);
      }
      // `*Lâm Thao, ngày 20 tháng 3 năm 2026*`: the place and date are italic in Markdown from Word. The
      // tiêu ngữ may come first, where a hard break joined them (`Độc lập - Tự do - Hạnh phúc<br>Lâm Thao, …`).
      const placeDate = /^([*_]*)(?:ĐỘC LẬP|Độc lập)\s*[-–]\s*(?:TỰ DO|Tự do)\s*[-–]\s*(?:HẠNH PHÚC|Hạnh phúc)[*_\s]*|^([*_]*)/.exec(line.text)!;
      const placeFrom = placeDate[0].length;
      const placeAndDate = /^([^,\d*_]{1,60})[*_]*,\s*ngày\s+\d/.exec(line.text.slice(placeFrom));
      if (placeAndDate && !metadata.date) {
        const placeStart = line.start + placeFrom;
        metadata.place = this.span(placeStart, placeStart + placeAndDate[1].length);
        const date = line.elements.find((element) => element.kind === 'date');
        if (date && date.kind === 'date') metadata.date = this.dateValue(date.value, date.start, date.end);
      }
      // The note on a line of its own under the title (joined to the title, it is split off below).
      if (docTypeIndex !== -1 && !metadata.issuedWith && ATTACHMENT_NOTE.exec(line.text)?.index === 0) {
        metadata.issuedWith = this.span(line.start, line.end);
        this.noteSpan = { start: line.start, end: line.end };
      }
      if (docTypeIndex === -1 && line.start >= coverEnd && /^KẾ HOẠCH\b/.test(line.text)) {
        docTypeIndex = index;
        metadata.docType = this.span(line.start, line.start + 'KẾ HOẠCH'.length);
        // `KẾ HOẠCH LIÊN TỊCH` (a school's and its union's joint plan): still a plan, its title on the next line.
        const rest = line.text.slice(/^KẾ HOẠCH(?:\s+LIÊN TỊCH\b)?/.exec(line.text)![0].length).trim();
        if (rest.length > 0) titleSpan = { start: line.end - rest.length, end: line.end };
      }
    });
    if (docTypeIndex !== -1 && !titleSpan) {
      const titleLines: Line[] = [];
      for (let k = docTypeIndex + 1; k < preamble.length && titleLines.length < 3; k++) {
        const line = preamble[k];
        if (titleLines.length > 0 && (BASIS_LEAD.test(line.text) || ATTACHMENT_NOTE.exec(line.text)?.index === 0 || line.elements.some((e) => e.kind === 'citation'))) break;
        if (titleLines.length > 0 && (line.text.length > 100 || /[.;:]$/.test(line.text))) break;
        titleLines.push(line);
      }
      if (titleLines.length) titleSpan = { start: titleLines[0].start, end: titleLines.at(-1)!.end };
    }
    if (titleSpan) {
      // The note joined to the title's last line (a hard break in Word's Markdown): the title ends before it.
      const note = ATTACHMENT_NOTE.exec(this.layout.text.slice(titleSpan.start, titleSpan.end));
      if (note && note.index > 0) {
        const noteStart = titleSpan.start + note.index;
        metadata.issuedWith = this.span(noteStart, titleSpan.end);
        this.noteSpan = { start: noteStart, end: titleSpan.end };
        titleSpan.end = noteStart;
        while (titleSpan.end > titleSpan.start && /\s/.test(this.layout.text[titleSpan.end - 1])) titleSpan.end--;
      }
      metadata.title = this.span(titleSpan.start, titleSpan.end);
    }
    const headerLines = preamble.slice(0, docTypeIndex === -1 ? Math.min(preamble.length, 6) : docTypeIndex);
    const motto = (line: Line | undefined) => line !== undefined && /CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP/.test(line.text.toUpperCase());
    const body = headerLines.filter(
      (line, k) =>
        isAllCaps(line.text) &&
        !motto(line) &&
        !/KẾ HOẠCH/.test(line.text.toUpperCase()) &&
        // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT / NAM": the motto's wrapped tail names no body.
        !(motto(headerLines[k - 1]) && !BODY_START.test(line.text)),
    );
    if (body.length) {
      // A name wrapped onto a second line ("PHÒNG GIÁO DỤC VÀ ĐÀO / TẠO", "ỦY BAN NHÂN DÂN / PHƯỜNG
      // CỬA LÒ"): the last line does not start a body's name and the line above it does.
      const last = body.at(-1)!;
      const above = body.at(-2);
      const wrapped = above !== undefined && !BODY_START.test(last.text) && BODY_START.test(above.text) && headerLines.indexOf(last) === headerLines.indexOf(above) + 1;
      metadata.issuingBody = this.span(wrapped ? above.start : last.start, last.end);
      if (wrapped) metadata.issuingBody.text = `${above.text.trim()} ${last.text.trim()}`;
      // `UBND XÃ THANH SƠN **TRƯỜNG TIỂU HỌC THANH SƠN**`: the body above and the issuer, set in bold,
      // that a converter joined on one line; the issuer is the bold one.
      const bold = !wrapped ? TRAILING_BOLD_NAME.exec(last.text) : null;
      if (bold && bold.index > 0) {
        const from = last.start + bold.index + bold[0].indexOf(bold[1]);
        metadata.issuingBody = this.span(from, from + bold[1].length);
      }
    }
    if (this.layout.frontMatter) metadata.frontMatter = this.readFrontMatter();
    const front = metadata.frontMatter ?? {};
    const titleYear = metadata.title ? lastYear(metadata.title.text) : undefined;
    const frontYear = typeof front.year === 'number' ? front.year : typeof front.date === 'string' ? Number(front.date.slice(0, 4)) : undefined;
    // The year the plan is for: the date's, or the next year when the title names it ("… năm 2026"
    // issued on 20/12/2025, a plan made ahead). A title naming another year is the slip, not the date.
    const subject = metadata.title ? subjectYear(metadata.title.text) : undefined;
    const ahead = subject !== undefined && metadata.date?.year !== undefined && subject === metadata.date.year + 1;
    metadata.year =
      (ahead ? subject : undefined) ??
      metadata.date?.year ??
      titleYear ??
      (Number.isFinite(frontYear) ? frontYear : undefined) ??
      this.closingYear();
    if (!metadata.date && typeof front.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(front.date)) {
      const [year, month, day] = front.date.split('-').map(Number);
      metadata.date = { type: 'date', day, month, year, iso: front.date, raw: front.date, valid: isCalendarDate(day, month, year) };
    }
    return metadata;
  }

  /** A plan without a title still names its year where it closes: `Trên đây là Kế hoạch … năm 2024`. */
  private closingYear(): number | undefined {
    for (let index = this.lines.length - 1; index >= 0; index--) {
      const line = this.lines[index];
      if (/^Trên đây là (Kế hoạch|kế hoạch)/.test(line.text)) return lastYear(line.text);
    }
    return undefined;
  }

  private readFrontMatter(): Record<string, unknown> | undefined {
    const front = this.layout.frontMatter!;
    const flat = readFlatFrontMatter(front.body);
    if (flat) return flat;
    try {
      const value = parseYaml(front.body, { schema: 'core' }) as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const record = value as Record<string, unknown>;
        for (const [key, entry] of Object.entries(record)) {
          if (entry instanceof Date) record[key] = entry.toISOString().slice(0, 10);
        }
        return record;
      }
    } catch (error) {
      this.problems.push({
        type: 'problem',
        code: 'front-matter',
        message: `YAML front matter could not be read: ${(error as Error).message.split('\n')[0]}`,
        position: this.source.positionOf(front.start, front.end),
      });
    }
    return undefined;
  }

  dateValue(parts: DateParts, start: number, end: number): DateValue {
    const { day, month, year } = parts;
    const pad = (value: number) => String(value).padStart(2, '0');
    const iso =
      year !== undefined && month !== undefined && day !== undefined
        ? `${year}-${pad(month)}-${pad(day)}`
        : year !== undefined && month !== undefined
          ? `${year}-${pad(month)}`
          : `--${pad(month ?? 0)}-${pad(day ?? 0)}`;
    const valid = day === undefined ? month !== undefined && month >= 1 && month <= 12 : isCalendarDate(day, month ?? 0, year ?? 2024);
    const value: DateValue = {
      type: 'date',
      day,
      month,
      year,
      iso,
      raw: this.layout.text.slice(start, end),
      valid,
      position: this.position(start, end),
    };
    if (parts.yearFrom) value.yearFrom = parts.yearFrom;
    return value;
  }

  private buildCitation(line: Line, element: Extract<Element, { kind: 'citation' }>, index: number, inLegalBasis: boolean): Citation {
    const symbolRaw = element.symbol.image;
    const symbol = tidySymbol(symbolRaw);
    // Issuer and title are read from the text after the citation, up to the next citation.
    // Scan forward only to the next citation: a long line with many citations stays linear.
    let next: Element | undefined;
    for (let k = index + 1; k < line.elements.length; k++) {
      if (line.elements[k].kind === 'citation') {
        next = line.elements[k];
        break;
      }
    }
    const limit = next ? next.start : line.end;
    const after = this.layout.text.slice(element.end, limit);
    let end = element.end;
    let issuer: TextSpan | undefined;
    const of = ISSUER_LEAD.exec(after);
    if (of) {
      const rest = after.slice(of[0].length);
      const stop = ISSUER_END.exec(rest);
      let length = (stop ? stop.index : rest.length);
      const words = rest.slice(0, length).split(/\s+/);
      if (words.length > 14) length = words.slice(0, 14).join(' ').length;
      const text = rest.slice(0, length).trimEnd();
      if (text.length > 0) {
        const issuerStart = element.end + of[0].length;
        issuer = this.span(issuerStart, issuerStart + text.length);
        end = issuerStart + text.length;
      }
    }
    // A law named before its number: its name is its title (`Luật Bình đẳng giới số 73/2006/QH11`).
    let title: TextSpan | undefined = element.name ? this.span(element.name.start, element.name.end) : undefined;
    const titleText = element.name ? '' : this.layout.text.slice(end, limit);
    const lead = /^[\s,]*/.exec(titleText)![0].length;
    const titleEnd = TITLE_END.exec(titleText.slice(lead));
    const titleLength = (titleEnd ? titleEnd.index : titleText.length - lead);
    const trimmed = titleText.slice(lead, lead + titleLength).trimEnd();
    if (trimmed.length > 0 && !/^[;.]/.test(trimmed)) title = this.span(end + lead, end + lead + trimmed.length);
    return {
      type: 'citation',
      docType: element.docType.image,
      docTypePosition: this.position(element.docType.startOffset, element.docType.startOffset + element.docType.image.length),
      hasSo: element.so !== undefined,
      symbolRaw,
      symbol,
      symbolPosition: this.position(element.symbol.startOffset, element.symbol.startOffset + symbolRaw.length),
      parsedSymbol: parseSymbol(symbol),
      date: element.date ? this.dateValue(element.date, element.date.start, element.date.end) : undefined,
      issuer,
      title,
      text: this.layout.text.slice(element.start, end),
      inLegalBasis,
      position: this.position(element.start, end),
    };
  }

  private moneyAt(line: Line, index: number): MoneyAmount | undefined {
    const number = line.elements[index];
    if (number.kind !== 'token') return undefined;
    const unit = MONEY_UNIT.exec(this.layout.text.slice(number.end, Math.min(line.end, number.end + 24)));
    if (!unit) return undefined;
    const scaleWord = unit[1]?.toLowerCase();
    const scale = scaleWord === 'triệu' ? 1_000_000 : scaleWord === 'nghìn' || scaleWord === 'ngàn' ? 1000 : scaleWord === 'tỷ' ? 1e9 : 1;
    const value = number.token.image;
    const amount = scale === 1 ? Number(value.replace(/[.,]/g, '')) : Number(value.replace(',', '.')) * scale;
    const end = number.end + unit[0].length;
    return {
      type: 'money',
      amount,
      currency: 'VND',
      raw: this.layout.text.slice(number.start, end),
      position: this.position(number.start, end),
    };
  }

  private buildRecipients(closing: Line[]): Recipients | undefined {
    if (closing.length === 0) return undefined;
    const head = closing[0];
    const entries: TextSpan[] = [];
    let end = head.end;
    // The left column only: a two-column closing has the signer's column on the same lines.
    const leftEnd = (line: Line) => {
      const right = rightColumnStart(line.text);
      return right === -1 ? line.end : line.start + line.text.slice(0, right).trimEnd().length;
    };
    const inline = /^Nơi nhận\s*:?\s*(\S.*)?$/i.exec(head.text);
    if (inline?.[1]) {
      const offset = head.end - inline[1].length;
      const stop = leftEnd(head);
      // The list written on the heading's line ("Nơi nhận: - Sở GD&ĐT; - Lưu: VT.", as one Word
      // paragraph gives it): an entry after each dash that opens it or follows a space.
      const text = this.layout.text.slice(offset, stop);
      const dashes = [...text.matchAll(/(?:^|\s)-\s+(?=\S)/g)];
      if (dashes.length > 0 && dashes[0].index === 0) {
        dashes.forEach((dash, k) => {
          const start = offset + dash.index! + dash[0].length;
          const end = k + 1 < dashes.length ? offset + dashes[k + 1].index! : stop;
          entries.push(this.span(start, offset + text.slice(0, end - offset).trimEnd().length));
        });
      } else if (stop > offset) entries.push(this.span(offset, stop));
    }
    const rest = closing.slice(1);
    const isEntry = (line: Line) => line.marker?.tokenType.name === 'BulletMarker' || (!line.marker && CELL_BULLET.test(line.text));
    for (const [index, line] of rest.entries()) {
      // The signer's column between the list's lines (`(Đã ký)`; a title, a name on lines of their own,
      // where a PDF or its text sets the two columns on different baselines): the list goes on under it.
      if (!isEntry(line) && isSignerColumnLine(line.text) && rest.slice(index + 1).some(isEntry)) continue;
      if (line.marker?.tokenType.name === 'BulletMarker') {
        entries.push(this.span(markerEnd(line.marker) + (line.text[line.marker.image.length] === ' ' ? 1 : 0), leftEnd(line)));
      } else {
        // A line of a table cell has no marker token: its dash is written.
        const dash = line.marker ? null : CELL_BULLET.exec(line.text);
        if (!dash) break;
        entries.push(this.span(line.start + dash[0].length, line.end));
      }
      end = line.end;
    }
    return { type: 'recipients', entries, position: this.position(head.start, end) };
  }

  private buildSigner(allLines: Line[], closingIndex: number, preambleEnd: number): Signer | undefined {
    const end = closingIndex === -1 ? allLines.length : this.appendixStart(closingIndex);
    const from = Math.max(preambleEnd, closingIndex === -1 ? allLines.length - 8 : closingIndex);
    const found = this.signerIn(this.withCellLines(allLines.slice(from, end)));
    if (found || closingIndex === -1) return found;
    // A text export that took the signer's column first puts the signer just above "Nơi nhận".
    // Or a signature table above it (a joint plan's two signers side by side, then Nơi nhận).
    return this.signerIn(this.withCellLines(allLines.slice(Math.max(preambleEnd, closingIndex - SIGNER_ABOVE), closingIndex)));
  }

  /** The signer among these lines: its authority, title, and the name after them. */
  private signerIn(lines: Line[]): Signer | undefined {
    let signer: Signer | undefined;
    let first = -1;
    let last = -1;
    let authorityLine = -1;
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index];
      // A two-column closing: the signer's column is the right one, beside the recipients.
      const right = rightColumnStart(line.text);
      if (line.marker && right === -1) continue;
      const written = (right === -1 ? line.text : line.text.slice(right)).trim();
      // The signer's column without the strong emphasis that wraps it (`**KT. HIỆU TRƯỞNG**`).
      const column = insideStrong(written)?.trim() ?? written;
      // The signer's name indented under the title joins the title's line in a text export
      // ("PHÓ TRƯỞNG PHÒNG Trần Thị Hoa"): the capitals are the title, the rest the name.
      const titled = right === -1 ? null : TITLE_THEN_NAME.exec(column);
      const text = titled ? titled[1] : column;
      const prefixed = /^(KT|TM|TL|TUQ|Q)\.\s*(.+)$/.exec(text);
      if (prefixed && isAllCaps(prefixed[2])) {
        signer ??= { type: 'signer' };
        signer.authority = `${prefixed[1]}.`;
        signer.onBehalfOf = prefixed[2].trim();
        if (first === -1) first = index;
        last = index;
        authorityLine = index;
        continue;
      }
      if (isAllCaps(text) && text.length <= 60 && !RECIPIENTS_LEAD.test(text) && SIGNER_TITLE.test(text)) {
        signer ??= { type: 'signer' };
        signer.title = text;
        if (authorityLine !== -1 && authorityLine === index - 1) signer.titleUnderAuthority = true;
        else delete signer.titleUnderAuthority;
        if (first === -1) first = index;
        last = index;
        if (!titled) continue;
      }
      // Names of the Central Highlands' peoples hold an apostrophe (`H'Lan Niê`, `Y'Đhăm`, `Ksor H’Bia`).
      const name = /^(\p{Lu}(?:['’]\p{Lu})?\p{Ll}*(?:\s+\p{Lu}(?:['’]\p{Lu})?\p{Ll}*){1,4})(?=\s|$)/u.exec(titled ? titled[2] : text)?.[1];
      if (signer && !signer.name && name && isPersonName(name)) {
        signer.name = name;
        last = index;
      }
    }
    if (!signer) return undefined;
    signer.position = this.position(lines[first].start, lines[last].end);
    return signer;
  }

  private buildDisableComments(): DisableComment[] {
    return this.layout.disableComments.map((raw) => {
      const match = /^plan-lint-(disable-next-line|disable-line|disable|enable)\b\s*([\s\S]*)$/.exec(raw.body);
      const kind = match?.[1] ?? 'unknown';
      const rest = match?.[2] ?? raw.body;
      const [rulePart, ...reasonParts] = rest.split(/\s--\s|\s--$|^--\s/);
      const reason = reasonParts.join(' -- ').trim();
      return {
        type: 'disableComment',
        kind,
        rules: rulePart.split(/[\s,]+/).filter(Boolean),
        reason: reason || undefined,
        raw: raw.body,
        position: this.source.positionOf(raw.start, raw.end),
      };
    });
  }
}

// `của <issuer>` ends at punctuation, a date, the verb that starts the title (`… của Chính phủ quy
// định …`, `… của UBND tỉnh về …`) or a preposition that starts the sentence's own words (`… của Quốc
// hội qua các buổi chào cờ`, `… của Sở Giáo dục và Đào tạo trong nhà trường`); `và` + capital goes on
// (`Phòng Giáo dục và Đào tạo`).
const ISSUER_LEAD = /^\s*,?\s*của\s+/;
const ISSUER_END =
  /[,;.():“”"]|\s(?:về|V\/v|tại|đối với|nhằm|ngày|từ|ban hành|quy định|phê duyệt|triển khai|thực hiện|hướng dẫn|sửa đổi|bổ sung|giai đoạn|trong|qua|bằng|cho|trên|theo|để|đến|tới)(?=[\s;,.:]|$)|\s(?:và|cùng)\s(?!\p{Lu})/u;
const TITLE_END = /;|\.(?=\s|$)/;
const MONEY_UNIT = /^\s*(triệu|nghìn|ngàn|tỷ)?\s*(đồng|VNĐ|VND|đ)(?![\p{L}\p{N}])/iu;
/** "Nơi nhận" opening a line, and the closing's own form with its colon (Nghị định 30/2020, Phụ lục I). */
const HEADER_ROW = /CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI|Độc\s+lập\s*[-–—]\s*Tự\s+do|(?:^|\|\s*)[*_]*Số\s*:|,\s*ngày\s+\d/iu;
/** The signature's place in a copy: `(Đã ký)`, `(Đã ký và đóng dấu)`, `(Ký, ghi rõ họ tên)`. */
const SIGNED_NOTE = /^\((?:đã\s+ký|ký)(?:[^()]{0,30})\)$/iu;
/** The words a body's name starts with (Nghị định 30/2020, Phụ lục I: tên cơ quan ban hành). */
const BODY_START = /^(?:UBND|[ỦU]Y\s+BAN|UỶ\s+BAN|HỘI\s+ĐỒNG|SỞ|PHÒNG|TRƯỜNG|BỘ|BAN|TRUNG\s+TÂM|CÔNG\s+ĐOÀN|ĐOÀN|HỘI|VĂN\s+PHÒNG|CHI\s+CỤC|CỤC|TỔNG\s+CỤC|VIỆN|HỌC\s+VIỆN|ĐẠI\s+HỌC|NHÀ|CƠ\s+SỞ|TỈNH|THÀNH)(?!\p{L})/u;
/** Lines above "Nơi nhận" where a text export may have put the signer's column. */
const SIGNER_ABOVE = 6;
// `**Nơi nhận:**` in a closing written as a table keeps Markdown's emphasis.
const RECIPIENTS_LEAD = /^[*_]*Nơi nhận\b/i;

const RECIPIENTS_HEAD = /^[*_]*Nơi nhận\s*:/i;
/** A recipient in a table cell: `- Sở GD&ĐT (để báo cáo);`. */
const CELL_BULLET = /^[-+•–]\s+/;
/** A name in bold that ends a line after other words: `UBND XÃ A **TRƯỜNG TIỂU HỌC A**`. */
const TRAILING_BOLD_NAME = /\s(?:\*\*|__)([^*_]+?)(?:\*\*|__)?\s*$/;
/** An HTML line break inside a line of Markdown. */
const INLINE_BR = /<br\s*\/?>/i;
const INLINE_BR_ALL = /<br\s*\/?>/gi;

/** A line of the signer's column alone: `(Đã ký)`, a title in capitals (`KT. GIÁM ĐỐC`), a person's name. */
function isSignerColumnLine(raw: string): boolean {
  const text = raw.trim().replace(/^[*_]+|[*_]+$/g, '');
  if (SIGNED_NOTE.test(text)) return true;
  if (isAllCaps(text) && text.length <= 60 && (SIGNER_TITLE.test(text) || /^(?:KT|TM|TL|TUQ|Q)\./.test(text))) return true;
  return /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}$/u.test(text) && isPersonName(text);
}
const SIGNER_TITLE = /(TRƯỞNG|GIÁM ĐỐC|CHỦ TỊCH|HIỆU|PHÓ|BÍ THƯ|TM\.|KT\.)/;
/** Words in capitals, then a capitalised word: a title and the name a text export joined to it. */
const TITLE_THEN_NAME = /^((?:[\p{Lu}\d.&]+\s+)*[\p{Lu}\d.&]+)\s+(\p{Lu}\p{Ll}.*)$/u;

// Hoisted: a regular expression literal in a loop is a new object each time it is evaluated.
const APPENDIX_LEAD = /^PHỤ LỤC\b/i;

function isMarker(element: Element): element is Extract<Element, { kind: 'token' }> {
  return element.kind === 'token' && element.token.tokenType.name.endsWith('Marker');
}

function markerEnd(marker: IToken): number {
  return marker.startOffset + marker.image.length;
}

export function isAppendixTitle(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length < 60 && APPENDIX_LEAD.test(trimmed);
}

function isPersonName(value: string): boolean {
  const words = value.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 5 &&
    words.every((word) => {
      // `H'Lan`: a capital, an apostrophe and the syllable's capital, then lower case.
      const syllable = /^\p{Lu}['’](?=\p{Lu})/u.test(word) ? word.slice(2) : word;
      return isUpperLetter(syllable[0]) && !/\d/.test(syllable) && [...syllable.slice(1)].every((ch) => isLowerLetter(ch));
    })
  );
}

function romanValue(raw: string): number {
  let total = 0;
  for (let i = 0; i < raw.length; i++) {
    const value = ROMAN[raw[i]] ?? 0;
    const next = ROMAN[raw[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** Letters a title written in capitals has at least (`I. MỤC ĐÍCH`), so that an acronym alone is no heading. */
const CAPS_TITLE_LETTERS = 4;

/**
 * Whether capitals tell two levels of `1.` apart. pandoc writes Word's `I. MỤC ĐÍCH` and `1. Mục đích`
 * both as `1.`, at one indent: the plan then has no Roman numbering, and an item in capitals is followed
 * by an item in lower case that starts again at 1. Only then is an item in capitals the higher level;
 * a plan that numbers its parts with Roman numerals, or whose capitals never restart the count, is read
 * by its numbering alone.
 */
function capitalsMarkLevels(lines: readonly Line[], from: number, to: number): boolean {
  const end = to === -1 ? lines.length : to;
  let previousCaps = false;
  let restarts = false;
  for (let index = from; index < end; index++) {
    const marker = lines[index].marker;
    if (!marker) continue;
    const name = marker.tokenType.name;
    if (name === 'RomanMarker') return false;
    if (name !== 'ArabicMarker') continue;
    const title = lines[index].text.slice(markerEnd(marker) - lines[index].start);
    const caps = isAllCaps(title, CAPS_TITLE_LETTERS);
    if (previousCaps && !caps && Number.parseInt(marker.image, 10) === 1) restarts = true;
    previousCaps = caps;
  }
  return restarts;
}

/**
 * `KINH PHÍ`, `TỔ CHỨC THỰC HIỆN` on a line of their own, in capitals, with no number and no `#`: a
 * plan saved as text from Word keeps its headings so when Word did not number them. Only a line that
 * starts with the name of a part of a plan: a title in capitals (`THỰC HIỆN CÔNG TÁC …`) is none.
 */
function isCaptionHeading(line: Line): boolean {
  return (
    line.marker === undefined &&
    line.row === undefined &&
    line.headingDepth === 0 &&
    line.text.length <= 80 &&
    CAPTION_START.test(line.text) &&
    isAllCaps(line.text)
  );
}

const CAPTION_START = /^[*_\s]*(?:MỤC ĐÍCH|YÊU CẦU|MỤC TIÊU|CHỈ TIÊU|NỘI DUNG|NHIỆM VỤ|GIẢI PHÁP|KINH PHÍ|NGUỒN KINH PHÍ|TỔ CHỨC THỰC HIỆN|PHÂN CÔNG|TRÁCH NHIỆM)(?![\p{L}])/u;

function sectionRank(numbering: Numbering): number {
  switch (numbering.style) {
    case 'roman':
      return 1;
    case 'arabic':
      return 2;
    case 'decimal':
      return 1 + numbering.value.length;
    case 'letter':
      return 4;
    default:
      return 5;
  }
}

function bulletRank(raw: string): number {
  if (raw === '-' || raw === '–' || raw === '−') return 0;
  if (raw === '+') return 1;
  return 2;
}

// Any of the words below: most titles have none, and one scan answers them.
/** The kinds of section that make a plan's body (the appendix is after it). */
const BODY_SECTION_KINDS: ReadonlySet<SectionKind> = new Set(['purpose', 'objectives', 'tasks', 'budget', 'organisation']);
/** The plan's type, alone or before its title, emphasised or not: `KẾ HOẠCH`, `**KẾ HOẠCH**`. */
const PLAN_TYPE_LINE = /^[*_\s]*KẾ HOẠCH\b/;
const SECTION_KIND_WORDS =
  /PHỤ LỤC|KINH PHÍ|NGUỒN LỰC TÀI CHÍNH|TỔ CHỨC THỰC HIỆN|PHÂN CÔNG|TRÁCH NHIỆM|MỤC ĐÍCH|YÊU CẦU|MỤC TIÊU|CHỈ TIÊU|NHIỆM VỤ|GIẢI PHÁP|NỘI DUNG|HOẠT ĐỘNG/;

/**
 * The kind a section title names; titles repeat across plans, so each is worked out once. Long
 * titles are kept too (a fifth of the corpus's titles are numbered paragraphs over 200 characters,
 * and upper-casing them is the cost); fewer entries keep the memory bounded.
 */
export const classifySection: (title: string) => SectionKind = rememberedBy(classifyTitle, { limit: 512, maxKeyLength: 2000 });

function classifyTitle(title: string): SectionKind {
  const upper = title.toUpperCase();
  if (!SECTION_KIND_WORDS.test(upper)) return 'other';
  // An appendix is titled so (`PHỤ LỤC`, `Phụ lục 1: …`); a section that mentions one is not.
  if (/^PHỤ LỤC/.test(upper.trimStart())) return 'appendix';
  if (/KINH PHÍ|NGUỒN LỰC TÀI CHÍNH/.test(upper)) return 'budget';
  // Who does what goes by several names: TỔ CHỨC THỰC HIỆN, PHÂN CÔNG (TRÁCH NHIỆM, NHIỆM VỤ), and
  // TRÁCH NHIỆM THỰC HIỆN / TRÁCH NHIỆM CỦA CÁC BỘ PHẬN when the title starts so (a task that raises
  // "trách nhiệm" in passing is no such section).
  if (/TỔ CHỨC THỰC HIỆN|PHÂN CÔNG/.test(upper) || /^[*_\s]*TRÁCH NHIỆM(?![\p{L}])/u.test(upper)) return 'organisation';
  if (/MỤC ĐÍCH|YÊU CẦU/.test(upper)) return 'purpose';
  if (/MỤC TIÊU|CHỈ TIÊU/.test(upper)) return 'objectives';
  if (/NHIỆM VỤ|GIẢI PHÁP|NỘI DUNG|HOẠT ĐỘNG/.test(upper)) return 'tasks';
  return 'other';
}

/** `(Ban hành kèm theo Quyết định số 36/QĐ-… ngày …)`: the note under a plan's title that names the decision issuing it. */
const ATTACHMENT_NOTE = /(?:^|\()[*_\s]*Ban hành kèm theo\s+(?:Quyết định|QĐ)(?![\p{L}])/iu;

/**
 * The line where a plan issued with a decision starts, after the decision's Nơi nhận: its `KẾ HOẠCH`
 * line with the attachment note a few lines under it. -1 when the document is not so.
 */
function attachedPlanStart(lines: readonly Line[], coverClosing: number): number {
  for (let index = coverClosing + 1; index < lines.length; index++) {
    if (!PLAN_TYPE_LINE.test(lines[index].text)) continue;
    for (let k = index + 1; k < Math.min(lines.length, index + 5); k++) if (ATTACHMENT_NOTE.test(lines[k].text)) return index;
    return -1;
  }
  return -1;
}

/**
 * The line that opens the closing: "Nơi nhận:" (with its colon, Nghị định 30/2020, Phụ lục I), else
 * the last line that starts with "Nơi nhận". A "Nơi nhận" column of a table of reports, written
 * earlier, is not the closing.
 */
function closingLineIndex(lines: readonly Line[]): number {
  const withColon = lines.findIndex((line) => RECIPIENTS_HEAD.test(line.text));
  if (withColon !== -1) return withColon;
  return lines.findLastIndex((line) => RECIPIENTS_LEAD.test(line.text));
}

/**
 * The one calendar year a title is for: "năm 2026" once, not a school year ("năm học 2025 - 2026"),
 * a period ("giai đoạn 2021-2025", "2021 - 2030") or a horizon ("đến năm 2030"); else undefined.
 */
export function subjectYear(title: string): number | undefined {
  const years = new Set<number>();
  for (const match of title.matchAll(/(?<![\p{L}])(đến\s+)?năm\s+(học\s+)?((?:19|20)\d{2})(?!\d)(\s*[-–—]\s*(?:19|20)\d{2})?/giu)) {
    if (match[1] || match[2] || match[4]) return undefined;
    years.add(Number(match[3]));
  }
  return years.size === 1 ? [...years][0] : undefined;
}

function lastYear(text: string): number | undefined {
  const years = [...text.matchAll(/(?<!\d)(19|20)\d{2}(?!\d)/g)].map((m) => Number(m[0]));
  return years.at(-1);
}

export function isCalendarDate(day: number, month: number, year: number): boolean {
  if (!Number.isInteger(day) || !Number.isInteger(month) || month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}

/** `1790/QĐ -TTg` → `1790/QĐ-TTg`; cited symbols repeat across plans, so each is tidied once. */
const tidySymbol = rememberedBy((raw) => raw.replace(/\s*([-/])\s*/g, '$1').replace(/\s+/g, ' '));

const parsedSymbols = rememberedBy(parseSymbolOnce);

export function parseSymbol(symbol: string): ParsedSymbol {
  // A copy: every citation owns its parsed symbol.
  return { ...parsedSymbols(symbol) };
}

function parseSymbolOnce(symbol: string): ParsedSymbol {
  const party = /^(\d+)-([A-Za-zĐđ]+)\/([A-Za-zĐđ0-9]+)$/.exec(symbol);
  if (party) return { serial: party[1], typeCode: party[2], authority: party[3], isParty: true, isLaw: false };
  const [serial, ...rest] = symbol.split('/');
  let year: number | undefined;
  if (rest.length > 1 && /^\d{4}$/.test(rest[0])) year = Number(rest.shift());
  const code = rest.join('/');
  if (/^(QH|UBTVQH)\d+$/.test(code)) return { serial, year, authority: code, isParty: false, isLaw: true };
  const groups = code.split('-');
  if (groups.length === 1) return { serial, year, authority: groups[0], isParty: false, isLaw: false };
  const [first, ...others] = groups;
  // A công văn has no type code: `1787/UBND-KTN` is agency-unit (Nghị định 30/2020, Phụ lục I, II.3.b).
  if (TYPE_CODES.has(first)) return { serial, year, typeCode: first, authority: others.join('-'), isParty: false, isLaw: false };
  return { serial, year, authority: code, isParty: false, isLaw: false };
}

// Nghị định 30/2020, Phụ lục III, and the VBQPPL codes of Luật 80/2015, Điều 10.
const TYPE_CODES = new Set([
  'NQ', 'QĐ', 'CT', 'QC', 'QyĐ', 'TC', 'TB', 'HD', 'CTr', 'KH', 'PA', 'ĐA', 'DA', 'BC', 'BB', 'TTr', 'HĐ', 'CĐ',
  'BGN', 'BTT', 'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB', 'SY', 'TrS', 'SL', 'NĐ', 'TT', 'TTLT', 'NQLT', 'L', 'PL', 'KL',
]);
