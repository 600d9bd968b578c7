import type { BodyNode, Numbering, PlanDocument, Section, SectionKind } from '../parse/ast.js';
import type { TextIndex } from './text.js';
import type { BudgetFacts, EnumerationFact, RoleFacts, SectionFact, SectionFacts } from './types.js';

const KINDS: SectionKind[] = ['purpose', 'objectives', 'tasks', 'budget', 'organisation', 'appendix', 'other'];

// The walks below fill an array instead of yielding: nested `yield*` passes every section up through
// each level above it, and these walks run several times per plan.

/** Every section, in document order, items' subsections included. */
function walkSections(nodes: readonly BodyNode[], out: Section[] = []): Section[] {
  for (const node of nodes) {
    if (node.type === 'section') {
      out.push(node);
      walkSections(node.children, out);
    } else if (node.type === 'item') {
      walkSections(node.children, out);
    }
  }
  return out;
}

/**
 * Sections that are parts of the plan: headings outside any appendix (an appendix is another document).
 * A lettered point or a long numbered sentence is content, not a heading: "c) … bố trí kinh phí …" is a
 * passing mention of kinh phí, not a budget section (seed 001).
 */
function bodySections(nodes: readonly BodyNode[], out: Section[] = []): Section[] {
  for (const node of nodes) {
    if (node.type !== 'section' || node.kind === 'appendix') continue;
    if (isHeading(node)) out.push(node);
    bodySections(node.children, out);
  }
  return out;
}

const MAX_HEADING_LENGTH = 80;
/** A purpose or objectives heading that names the tasks too (not `HOẠT ĐỘNG`, which budgets name). */
const TASKS_TOO = /NHIỆM VỤ|GIẢI PHÁP|NỘI DUNG/;

export function isHeading(section: Section): boolean {
  if (section.numbering?.style === 'letter' || section.numbering?.style === 'bullet') return false;
  const title = section.title.trim();
  return !isSentence(title) && title.length <= MAX_HEADING_LENGTH;
}

/**
 * A numbered sentence, an item of a list and no heading: `5. Kế toán lập dự toán, thanh quyết toán kinh
 * phí theo quy định.` A heading ends without a full stop; one in capitals may have one (`III. KINH PHÍ.`),
 * or may have drawn its next line of a text export in (`CÁC HOẠT ĐỘNG … Tuyên truyền.`).
 */
export function isSentence(title: string): boolean {
  if (!/[.;]$/.test(title)) return false;
  const firstWord = title.split(/\s/, 1)[0];
  return !(firstWord.length >= 2 && firstWord === firstWord.toUpperCase() && firstWord !== firstWord.toLowerCase());
}

export function extractSectionFacts(document: PlanDocument): SectionFacts {
  const count = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<SectionKind, number>;
  const list: SectionFact[] = [];
  for (const section of walkSections(document.sections)) {
    list.push({
      kind: section.kind,
      title: section.title,
      numbering: section.numbering?.raw,
      level: section.level,
      position: section.headingPosition ?? section.position,
    });
  }
  let alsoTasks = 0;
  for (const section of bodySections(document.sections)) {
    count[section.kind]++;
    // `II. CHỈ TIÊU VÀ NHIỆM VỤ`: one heading for the objectives and the tasks holds both parts.
    if ((section.kind === 'purpose' || section.kind === 'objectives') && TASKS_TOO.test(section.title.toUpperCase())) alsoTasks++;
  }
  // Nghị định 30/2020 leaves the outline to the agency; plans of this kind always state why (purpose or
  // objectives), what (tasks) and who (organisation): every seed. How many sections of
  // each part the plan has; required-sections judges.
  const required: SectionFacts['required'] = [
    { part: 'purpose', count: count.purpose + count.objectives },
    { part: 'tasks', count: count.tasks + alsoTasks },
    { part: 'organisation', count: count.organisation },
  ];
  return { list, count, required };
}

// Thông tư 191/2009/TT-BTC: kinh phí comes from the state budget in the unit's estimate plus other lawful sources.
// The budget's own categories name a source too: chi thường xuyên, chi đầu tư, chi sự nghiệp
// (Luật Ngân sách nhà nước 2015), however the plan leads into them ("nguồn chi thường xuyên").
const FUNDING_SOURCES =
  /ngân sách|nguồn\s+(kinh phí|vốn|tài trợ|tài chính|hợp pháp|xã hội hóa|xã hội hoá|thu|lực)|kinh\s+phí\s+công\s+đoàn|tài\s+chính\s+công\s+đoàn|xã hội hóa|xã hội hoá|tài trợ|huy động|dự toán|kinh phí\s+(chi thường xuyên|sự nghiệp|tự chủ|được cấp|được giao|từ|do)|chi\s+(thường\s+xuyên|đầu\s+tư|sự\s+nghiệp)|quỹ\s/giu;

export function extractBudgetFacts(document: PlanDocument, index: TextIndex): BudgetFacts {
  let hasSection = false;
  let position;
  const sources = new Set<string>();
  const amounts: number[] = [];
  for (const section of bodySections(document.sections)) {
    if (section.kind !== 'budget' || !section.position) continue;
    hasSection = true;
    position ??= section.headingPosition;
    for (const match of index.textOf(section.position).matchAll(FUNDING_SOURCES)) sources.add(match[0].toLowerCase().replace(/\s+/g, ' '));
    const start = section.position.start.offset;
    const end = section.position.end.offset;
    for (const money of document.money) {
      const at = money.position?.start.offset;
      if (at !== undefined && at >= start && at < end) amounts.push(money.amount);
    }
  }
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  return { hasSection, sources: [...sources], amounts, total, position };
}

// Units and positions a school or department plan assigns duties to, written out or as clerks shorten
// them (HT, PHT, TPT Đội, BCH CĐ, TTCM, GV, CBGVNV).
const UNIT =
  /(hiệu trưởng|ban giám hiệu|\bBGH\b|lãnh đạo|tổ trưởng|tổ chuyên môn|các tổ(?!\p{L})|công đoàn|đoàn thanh niên|đoàn trường|chi đoàn|liên đội|tổng phụ trách|phòng\s+(gd|giáo dục)|sở\s+(gd|giáo dục)|\bban\s+(vì|chỉ đạo|đại diện)|giáo viên|\bgvcn\b|nhân viên|kế toán|văn phòng|trưởng ban|các trường|các đơn vị|ủy ban nhân dân|uỷ ban nhân dân|ubnd|hội liên hiệp|giám đốc|trưởng phòng|(?<![\p{L}\d])(?:P?HT|TPT|BCH|TTCM|GVBM|GV|CBGVNV|CBGV|ĐTN)(?![\p{L}\d]))/iu;

/** Text of a node's first words: where an assignment names its unit ("Hiệu trưởng: …", "Giao Tổ chuyên môn …"). */
function leadingWords(text: string, count: number): string {
  if (count <= 0) return '';
  const rest = text.replace(/^[-+•\s]+/, '');
  // Cut before the count-th gap instead of splitting a long paragraph into all its words.
  const gaps = /\s+/g;
  let cut = rest.length;
  for (let found = 0; found < count; found++) {
    const gap = gaps.exec(rest);
    if (!gap) break;
    if (found === count - 1) cut = gap.index;
  }
  return rest.slice(0, cut).replace(/\s+/g, ' ');
}

function assignmentTexts(nodes: readonly BodyNode[], out: string[] = []): string[] {
  for (const node of nodes) {
    const text = node.type === 'section' ? node.title : node.text;
    // The closing sentence ("Trên đây là Kế hoạch …") addresses everyone; it assigns nothing.
    if (!/^Trên đây/i.test(text.trim())) out.push(leadingWords(text, 8));
    if (node.type !== 'paragraph') assignmentTexts(node.children, out);
  }
  return out;
}

export function extractRoleFacts(document: PlanDocument): RoleFacts {
  let hasSection = false;
  let position;
  const units = new Set<string>();
  for (const responsibility of document.responsibilities) {
    if (UNIT.test(responsibility.unit)) units.add(responsibility.unit);
  }
  // The units are the labels, sub-headings and table cells that name who does what, the same however
  // the plan writes them; a unit word in a sentence counts only when no such label was read.
  const labelled = units.size > 0;
  for (const section of bodySections(document.sections)) {
    if (section.kind !== 'organisation') continue;
    hasSection = true;
    position ??= section.headingPosition;
    if (labelled) continue;
    for (const text of assignmentTexts(section.children)) {
      const named = UNIT.exec(text);
      if (named) units.add(named[0]);
    }
  }
  return { hasSection, units: [...units], position };
}

// Nghị định 30/2020, Phụ lục I, II.6.đ: điểm use the Vietnamese alphabet, đ after d, no f, j, w, z.
const LETTERS = 'abcdđeghiklmnopqrstuvxy';
const ROMAN: Array<[number, string]> = [
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function toRoman(value: number): string {
  let rest = value;
  let out = '';
  for (const [amount, glyph] of ROMAN) {
    while (rest >= amount) {
      out += glyph;
      rest -= amount;
    }
  }
  return out;
}

function formatNumbering(numbering: Numbering, value: number): string {
  // `I/`, `I:`, `1-`, `a/`: the writer's slash, colon or dash is kept (a suggestion renumbers, it does not restyle).
  const terminator = /[/:-]$/.test(numbering.raw) ? numbering.raw.slice(-1) : undefined;
  switch (numbering.style) {
    case 'roman':
      return `${toRoman(value)}${terminator ?? '.'}`;
    case 'letter':
      return `${LETTERS[value - 1] ?? '?'}${terminator ?? ')'}`;
    case 'decimal':
      return `${[...numbering.value.slice(0, -1), value].join('.')}.`;
    default:
      return `${value}${terminator ?? '.'}`;
  }
}

function groupKey(numbering: Numbering): string {
  if (numbering.style === 'decimal') return `decimal:${numbering.value.slice(0, -1).join('.')}`;
  return numbering.style;
}

/**
 * Every numbered heading or point with what enumeration-sequence compares: within one parent, the
 * numbered children of one style count 1, 2, 3 …, so each has the value expected after its
 * predecessor of the same style (1 when it has none). The core also writes the renumbering edit
 * (a suggestion: renumbering may shift the items after it).
 */
export function extractEnumerationFacts(document: PlanDocument, index: TextIndex): EnumerationFact[] {
  const items: EnumerationFact[] = [];
  const visitChildren = (nodes: readonly BodyNode[]) => {
    if (nodes.length === 0) return;
    const last = new Map<string, Numbering>();
    // What each style's last item should have been, where it was not (`II.` written for `III.`).
    const lastExpected = new Map<string, number>();
    for (const node of nodes) {
      if (node.type === 'paragraph') continue;
      const numbering = node.numbering;
      if (node.type === 'section' && numbering && numbering.style !== 'bullet' && numbering.style !== 'heading' && numbering.value.length > 0) {
        const value = numbering.value.at(-1)!;
        const key = groupKey(numbering);
        const previous = last.get(key);
        const previousValue = previous?.value.at(-1);
        const expectedValue = previousValue === undefined ? 1 : previousValue + 1;
        if (numbering.position) {
          const expected = formatNumbering(numbering, expectedValue);
          const start = index.toNormalized(numbering.position.start.offset);
          const end = index.toNormalized(numbering.position.end.offset);
          const written = index.text.slice(start, end);
          const item: EnumerationFact = { marker: numbering.raw, style: numbering.style, value, expected, expectedValue, position: numbering.position };
          if (previous) {
            item.previous = previous.raw;
            item.previousValue = previousValue;
            const previousExpected = lastExpected.get(key);
            if (previousExpected !== undefined) item.intendedValue = previousExpected + 1;
          }
          if (written === numbering.raw) item.renumber = [{ messageId: 'renumber', data: { expected }, fix: index.fix(start, end, expected) }];
          items.push(item);
        }
        last.set(key, numbering);
        const intended = lastExpected.has(key) ? lastExpected.get(key)! + 1 : undefined;
        if (value === expectedValue || value === intended) lastExpected.delete(key);
        else lastExpected.set(key, intended ?? expectedValue);
      }
      visitChildren(node.children);
    }
  };
  visitChildren(document.sections);
  return items;
}
