// Responsibilities: the units and titles named under TỔ CHỨC THỰC HIỆN, with their duties.
import type { BodyNode, Item, Paragraph, Responsibility, Section, TextSpan } from './ast.js';
import type { BindContext, Line } from './line.js';
import { isUpperLetter } from './layout.js';

export function buildResponsibilities(context: BindContext, sections: Section[]): Responsibility[] {
  const result: Responsibility[] = [];
  // `unit`: the unit whose section the nodes are in, if any.
  const visit = (nodes: BodyNode[], inOrganisation: boolean, unit?: Responsibility) => {
    for (const node of nodes) {
      if (node.type === 'section') {
        const organisation = inOrganisation || (node.level === 1 && node.kind === 'organisation');
        let inner = unit;
        if (inOrganisation && unit && SENTENCE_END.test(node.title.trimEnd())) {
          // `1. Hiệu trưởng` then `a) Chỉ đạo chung …;` `b) Bố trí kinh phí ….`: numbered sentences
          // under a unit are its duties, not units of their own.
          unit.duties.push(textSpan(node));
        } else if (inOrganisation && !TOPIC_TITLE.test(node.title)) {
          const duties = node.children.filter((child) => child.type !== 'section').map((child) => textSpan(child));
          // `1. Hiệu trưởng: chỉ đạo chung, …`: the label names the unit, the rest of the title is a duty.
          const labelled = unitLabel(node.title);
          if (labelled) duties.unshift({ type: 'text', text: labelled.duties, position: node.headingPosition });
          const name = (labelled?.unit ?? node.title).replace(/^Đối với\s+/i, '').replace(/[:.\s]+$/, '');
          if (name) result.push((inner = responsibility(name, node, duties)));
        }
        visit(node.children, organisation, inner);
      } else if (inOrganisation && node.type === 'item') {
        const labelled = unitLabel(node.text);
        if (labelled) result.push(responsibility(labelled.unit, node, [{ type: 'text', text: labelled.duties, position: node.position }]));
        visit(node.children, inOrganisation, unit);
      } else if (inOrganisation && node.type === 'paragraph' && EMPHASISED_START.test(node.text)) {
        // `**Hiệu trưởng:** chỉ đạo chung …` as a paragraph of its own, a label in bold or italics: a
        // writer's definition list. A plain paragraph with a colon is left alone (`Nhà trường yêu cầu: …`).
        const labelled = unitLabel(node.text);
        if (labelled) result.push(responsibility(labelled.unit, node, [{ type: 'text', text: labelled.duties, position: node.position }]));
      }
    }
  };
  visit(sections, false);
  // Tables under TỔ CHỨC THỰC HIỆN: each row names a unit or title in one cell, its duties in the others.
  const spans = sections
    .filter((section) => section.level === 1 && section.kind === 'organisation' && section.position)
    .map((section) => ({ start: section.position!.start.offset, end: section.position!.end.offset }));
  if (spans.length > 0) {
    for (const line of context.lines) {
      if (!line.row || line.row.isHeader) continue;
      const position = context.position(line.start, line.end);
      const offset = position.start.offset;
      if (!spans.some((span) => offset >= span.start && offset < span.end)) continue;
      const fromRow = rowResponsibility(context, line);
      if (fromRow) result.push({ ...fromRow, position });
    }
  }
  return result;
}

/** `Hiệu trưởng: chỉ đạo chung …`: the unit a label names and the duties after it; not `Lưu ý: …`, a sentence with a colon later. */
function unitLabel(text: string): { unit: string; duties: string } | undefined {
  const labelled = LABELLED.exec(text);
  if (!labelled || !isUpperLetter(labelled[1][0]) || NOT_A_LABEL.test(labelled[1].trim()) || TOPIC_TITLE.test(labelled[1].trim()) || /\d/.test(labelled[1]) || labelled[1].split(/\s+/).length > 10) return undefined;
  return { unit: labelled[1].trim(), duties: labelled[2] };
}
const NOT_A_LABEL = /^(Lưu ý|Chú ý|Ghi chú|Cụ thể|Trong đó|Thời gian|Hình thức|Nội dung|Các báo cáo|Báo cáo)/i;

/**
 * `Hiệu trưởng: chỉ đạo chung …`, the label perhaps emphasised as a Markdown writer or pandoc writes it
 * (`**Hiệu trưởng:** …`, `*Hiệu trưởng*: …`), its number too when the bold holds it (`**4.1. Hiệu trưởng:** …`, a
 * number typed in bold): group 1 the label, group 2 the duties.
 */
const LABELLED = /^(?:\*{1,3}|_{1,3})?(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?([^:*_]{2,60}?)(?:\*{1,3}|_{1,3})?:(?:\*{1,3}|_{1,3})?\s*(\S.*)$/;

/** A paragraph that opens with emphasis (`**`, `*`, `__`, `_`). */
const EMPHASISED_START = /^(?:\*{1,3}|_{1,3})\S/;

/** A section under TỔ CHỨC THỰC HIỆN that names a topic, not who acts: `Phân công nhiệm vụ`, `Chế độ báo cáo`. */
const TOPIC_TITLE = /^(?:Phân công|Chế độ|Thời gian|Tiến độ|Kinh phí|Lịch|Kiểm tra|Báo cáo|Thông tin|Khen thưởng|Giám sát|Đánh giá|Tổ chức thực hiện)(?!\p{L})/iu;

/** A title that ends as a sentence or a clause of a list does: a duty, not the name of a unit. */
const SENTENCE_END = /[.;]$/;

// The header of the column that names who: `Bộ phận, cá nhân`, `Đơn vị`, `Người thực hiện`, `Chức danh` …
const UNIT_HEADER = /bộ phận|đơn vị|cá nhân|người|chức danh|chức vụ|thành phần|phụ trách|chủ trì|thực hiện/;
const DUTY_HEADER = /nhiệm vụ|công việc|nội dung/;
/** Cells that name a report or a time, not who does it. */
const NOT_A_UNIT = /^(báo cáo|kế hoạch|thời gian|tháng|ngày|năm|từ|trước)/i;
/** A row number cell: `1`, `1.`, `I`, `a)`. */
const ROW_NUMBER = /^\s*(?:\d{1,3}[.)]?|[IVXL]{1,5}\.?|[a-zđ]\))\s*$/;

function rowResponsibility(context: BindContext, line: Line): Omit<Responsibility, 'position'> | undefined {
  const row = line.row!;
  const cells = row.cells;
  const text = (k: number) => context.text.slice(cells[k].start, cells[k].end).trim();
  const header = row.header?.map((cell) => cell.toLowerCase());
  // A duty column headed `Nhiệm vụ` never names the unit, whatever its header also says.
  let unitCell = header ? header.findIndex((cell) => UNIT_HEADER.test(cell) && !DUTY_HEADER.test(cell)) : -1;
  // A table with a header but no column of units is some other table (reports, a schedule).
  if (header && unitCell === -1) return undefined;
  if (unitCell >= cells.length) return undefined;
  if (unitCell === -1) {
    // No header to go by: the first cell with words that is not a row number and reads like a name.
    unitCell = cells.findIndex((_, k) => {
      const value = text(k);
      return value.length > 0 && !ROW_NUMBER.test(value) && value.split(/\s+/).length <= 10 && isUpperLetter(value[0]) && !NOT_A_UNIT.test(value);
    });
  }
  if (unitCell === -1) return undefined;
  const unit = text(unitCell).replace(/[:.\s]+$/, '');
  if (!unit || /\d/.test(unit)) return undefined;
  const duties: TextSpan[] = [];
  cells.forEach((cell, k) => {
    const value = text(k);
    if (k === unitCell || value.length === 0 || ROW_NUMBER.test(value)) return;
    duties.push({ type: 'text', text: value, position: context.position(cell.start, cell.end) });
  });
  return { type: 'responsibility', unit, unitPosition: context.position(cells[unitCell].start, cells[unitCell].end), duties };
}

function textSpan(node: BodyNode): TextSpan {
  return { type: 'text', text: node.type === 'section' ? node.title : node.text, position: node.position };
}

function responsibility(unit: string, node: Section | Item | Paragraph, duties: TextSpan[]): Responsibility {
  return {
    type: 'responsibility',
    unit,
    unitPosition: node.type === 'section' ? node.headingPosition : node.position,
    duties,
    position: node.position,
  };
}
