// Responsibilities: the units and titles named under TỔ CHỨC THỰC HIỆN, with their duties.
import type { BodyNode, Item, Responsibility, Section, TextSpan } from './ast.js';
import type { BindContext } from './line.js';
import { isUpperLetter } from './layout.js';

export function buildResponsibilities(context: BindContext, sections: Section[]): Responsibility[] {
  const result: Responsibility[] = [];
  const visit = (nodes: BodyNode[], inOrganisation: boolean) => {
    for (const node of nodes) {
      if (node.type === 'section') {
        const organisation = inOrganisation || (node.level === 1 && node.kind === 'organisation');
        if (inOrganisation) {
          const unit = node.title.replace(/^Đối với\s+/i, '').replace(/[:.\s]+$/, '');
          const duties = node.children.filter((child) => child.type !== 'section').map((child) => textSpan(child));
          if (unit) result.push(responsibility(unit, node, duties));
        }
        visit(node.children, organisation);
      } else if (inOrganisation && node.type === 'item') {
        const labelled = /^([^:]{2,60}?):\s*(\S.*)$/.exec(node.text);
        if (labelled && isUpperLetter(labelled[1][0]) && !/^(Lưu ý|Chú ý|Ghi chú|Cụ thể|Trong đó|Thời gian|Hình thức|Nội dung|Các báo cáo|Báo cáo)/i.test(labelled[1].trim()) && !/\d/.test(labelled[1]) && labelled[1].split(/\s+/).length <= 10) {
          result.push(responsibility(labelled[1].trim(), node, [{ type: 'text', text: labelled[2], position: node.position }]));
        }
        visit(node.children, inOrganisation);
      }
    }
  };
  visit(sections, false);
  return result;
}

function textSpan(node: BodyNode): TextSpan {
  return { type: 'text', text: node.type === 'section' ? node.title : node.text, position: node.position };
}

function responsibility(unit: string, node: Section | Item, duties: TextSpan[]): Responsibility {
  return {
    type: 'responsibility',
    unit,
    unitPosition: node.type === 'section' ? node.headingPosition : node.position,
    duties,
    position: node.position,
  };
}
