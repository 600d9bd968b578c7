// The plan's topic: the binh-dang-gioi rules apply to gender-equality plans only. A traffic-safety or
// school-violence plan under the same parent names its own topic in its title and headings, and may
// mention bình đẳng giới in passing; such a mention does not make it a gender-equality plan.
import type { BodyNode, PlanDocument, Position } from '../parse/ast.js';
import { isSentence } from './section-facts.js';
import type { TopicFact } from './types.js';

export const GENDER_EQUALITY = 'binh-dang-gioi';
export const OTHER_TOPIC = 'other';

// Bình đẳng giới, vì sự tiến bộ của phụ nữ (Luật 73/2006/QH11; the Ban vì sự tiến bộ của phụ nữ),
// the gender-based violence the action month is about, and the usual abbreviation.
const GENDER_WORDS = /bình\s+đẳng\s+giới|vì\s+sự\s+tiến\s+bộ\s+(?:của\s+)?phụ\s+nữ|bạo\s+lực\s+trên\s+cơ\s+sở\s+giới|(?<![\p{L}\p{N}])BĐG(?![\p{L}\p{N}])/iu;
/** Without a title, the body decides only when it speaks of the topic again and again. */
const BODY_MENTIONS = 3;
const HEADING_LENGTH = 120;

export function extractTopicFacts(document: PlanDocument, forced?: string): TopicFact {
  if (forced) return { id: forced, by: 'config' };
  const title = document.metadata.title;
  if (title) {
    const found = GENDER_WORDS.exec(title.text);
    if (found) return { id: GENDER_EQUALITY, by: 'title', evidence: title.text, position: title.position };
  }
  // Under a title that names another topic, only a part of the plan (a heading of the first level)
  // makes it a gender-equality plan too: a sub-heading (`2. Giới và bình đẳng giới` under `III. NỘI
  // DUNG GIÁO DỤC` of a plan on sex education) is one point of that other topic.
  const heading = headingNaming(document.sections, title && namesATopic(title.text) ? 1 : Number.POSITIVE_INFINITY);
  if (heading) return { id: GENDER_EQUALITY, by: 'headings', evidence: heading.text, position: heading.position };
  if (title) return { id: OTHER_TOPIC, by: 'title', evidence: title.text, position: title.position };
  // No title read (a fragment, a damaged export): nothing says the plan is about something else, so
  // the rules this linter is for apply; repeated mentions are named as the evidence when there are some.
  let mentions = 0;
  let first: { text: string; position?: Position } | undefined;
  const visit = (nodes: readonly BodyNode[]) => {
    for (const node of nodes) {
      if (mentions >= BODY_MENTIONS) return;
      const text = node.type === 'section' ? node.title : node.text;
      if (GENDER_WORDS.test(text)) {
        mentions++;
        first ??= { text, position: node.type === 'section' ? node.headingPosition : node.position };
      }
      if (node.type !== 'paragraph') visit(node.children);
    }
  };
  visit(document.preamble);
  visit(document.sections);
  if (mentions >= BODY_MENTIONS && first) return { id: GENDER_EQUALITY, by: 'body', evidence: first.text.slice(0, 120), position: first.position };
  return { id: GENDER_EQUALITY, by: 'none' };
}

/** Words any plan's title may hold, whatever its topic (`Kế hoạch thực hiện công tác năm 2027`). */
const GENERIC_TITLE_WORDS = /(?<!\p{L})(?:kế\s+hoạch|thực\s+hiện|triển\s+khai|công\s+tác|tổ\s+chức|hoạt\s+động|nhiệm\s+vụ|năm\s+học|năm|giai\s+đoạn|của|và|nhà\s+trường|trường|đơn\s+vị|ngành|giáo\s+dục)(?!\p{L})/giu;

/** Whether a title names a topic of its own: words are left once the words every title holds are taken out. */
function namesATopic(title: string): boolean {
  // A title is a line or three: the first 300 characters say what it names (and bound the work on a
  // damaged file whose "title" runs for megabytes).
  const words = title.slice(0, 300).replace(GENERIC_TITLE_WORDS, ' ').split(/[^\p{L}]+/u).filter(Boolean);
  return words.length >= 2;
}

function headingNaming(nodes: readonly BodyNode[], depth: number): { text: string; position?: Position } | undefined {
  if (depth <= 0) return undefined;
  for (const node of nodes) {
    if (node.type !== 'section') continue;
    // Headings, not numbered sentences: a lettered point, a long paragraph or a sentence with its full
    // stop (`3. Góp phần thực hiện bình đẳng giới trong cơ quan; … chuyên môn.`) is body text.
    const title = node.title.trim();
    const heading = node.numbering?.style !== 'letter' && node.numbering?.style !== 'bullet' && title.length <= HEADING_LENGTH && !isSentence(title);
    if (heading && GENDER_WORDS.test(node.title)) return { text: node.title, position: node.headingPosition };
    const deeper = headingNaming(node.children, depth - 1);
    if (deeper) return deeper;
  }
  return undefined;
}
