// Deterministic corpus of Markdown plans in the style of fixtures/seeds: the same seed gives the same
// bytes on every machine. Paragraphs are cut from the real seed plans and set into the outline the
// parser reads (front matter, header block, legal basis, sections I–IV, numbered and lettered
// items, bullets, deadlines, Nơi nhận, signer), so the linter meets the shapes it meets in real use.
//   node test/bench/corpus.mjs [--out DIR] [--count 1000] [--size 25000] [--big 1048576] [--seed 7]
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seedsDir = path.join(root, 'fixtures/seeds');

/** mulberry32: small, fast, and the same sequence everywhere. */
export function prng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

const MARKER = /^\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•o]\s)\s*/u;

/** Seed text → logical paragraphs (hard-wrapped lines joined back), without their numbering. */
export function seedParagraphs() {
  const files = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
  const paragraphs = [];
  for (const name of files) {
    const lines = readFileSync(path.join(seedsDir, name), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    let current = '';
    const flush = () => {
      const text = current.replace(/\s+/g, ' ').trim();
      current = '';
      // Page numbers ("-2-"), headings in capitals and signature lines are not body text.
      if (text.length < 60 || text.length > 1200 || /^-\d+-$/.test(text) || text === text.toUpperCase()) return;
      paragraphs.push(text.replace(MARKER, ''));
    };
    for (const line of lines) {
      if (MARKER.test(line) && current) flush();
      current += ` ${line}`;
      if (/[.;:!?]\s*$/.test(line)) flush();
    }
    flush();
  }
  return paragraphs;
}

const PLACES = ['Quế Sơn', 'Đông Phú', 'Quế An', 'Quế Xuân', 'Hương An', 'Quế Phong', 'Phú Thọ', 'Quế Thuận'];
const SCHOOLS = ['Trường Tiểu học', 'Trường THCS', 'Trường Mẫu giáo', 'Trường TH&THCS'];
const TOPICS = [
  'triển khai thực hiện công tác bình đẳng giới',
  'phòng, chống bạo lực học đường',
  'tổ chức Tháng hành động vì bình đẳng giới',
  'thực hiện công tác vì sự tiến bộ của phụ nữ',
  'phòng ngừa và ứng phó với bạo lực trên cơ sở giới',
];
const CITATIONS = [
  'Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030',
  'Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt vi phạm hành chính trong lĩnh vực bình đẳng giới',
  'Quyết định số 1790/QĐ-TTg ngày 23/10/2021 của Thủ tướng Chính phủ phê duyệt Chương trình Truyền thông về bình đẳng giới đến năm 2030',
  'Chỉ thị số 21-CT/TW ngày 20/01/2018 của Ban Bí thư về tiếp tục đẩy mạnh công tác phụ nữ trong tình hình mới',
  'Thông tư số 191/2009/TT-BTC ngày 01/10/2009 của Bộ Tài chính hướng dẫn quản lý và sử dụng kinh phí hoạt động bình đẳng giới',
  'Kế hoạch số 6830/KH-UBND ngày 01/10/2021 của UBND tỉnh về triển khai thực hiện Chiến lược quốc gia về bình đẳng giới',
  'Kế hoạch số 133/KH-UBND ngày 29/10/2021 của UBND huyện về triển khai thực hiện Chiến lược quốc gia về bình đẳng giới',
];
const SUBTITLES = [
  'Đẩy mạnh truyền thông, tuyên truyền, phổ biến chính sách, pháp luật về bình đẳng giới',
  'Lồng ghép giáo dục bình đẳng giới trong hoạt động dạy học',
  'Nâng cao năng lực và hiệu quả quản lý về bình đẳng giới',
  'Tổ chức các hoạt động hưởng ứng',
  'Công tác kiểm tra, giám sát',
  'Phối hợp với cha mẹ học sinh và địa phương',
];
const ROLES = ['Hiệu trưởng', 'Phó Hiệu trưởng', 'Công đoàn cơ sở', 'Tổng phụ trách Đội', 'Tổ trưởng chuyên môn', 'Giáo viên chủ nhiệm'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h'];

const pad = (n) => String(n).padStart(2, '0');

/** One plan of about `targetBytes` UTF-8 bytes. */
export function generatePlan(rand, paragraphs, targetBytes) {
  const year = rand.int(2021, 2025);
  const place = rand.pick(PLACES);
  const school = `${rand.pick(SCHOOLS)} ${rand.pick(PLACES)}`;
  const topic = rand.pick(TOPICS);
  const day = rand.int(1, 28);
  const month = rand.int(1, 4);
  const number = rand.int(1, 150);
  const out = [];
  out.push('---', `symbol: ${number}/KH-TH`, `issuer: ${school}`, `place: ${place}`, `date: ${year}-${pad(month)}-${pad(day)}`, `title: Kế hoạch ${topic} năm ${year}`, `year: ${year}`, '---', '');
  out.push('UBND HUYỆN QUẾ SƠN', '', school.toUpperCase(), '', `Số: ${number}/KH-TH`, '', `${place}, ngày ${day} tháng ${month} năm ${year}`, '', '# KẾ HOẠCH', '', `${topic[0].toUpperCase()}${topic.slice(1)} năm ${year}`, '');
  for (let k = rand.int(2, 4); k > 0; k--) out.push(`Thực hiện ${rand.pick(CITATIONS)};`, '');
  out.push(`${school} xây dựng Kế hoạch ${topic} năm ${year} với những nội dung cụ thể như sau:`, '');
  out.push('## I. MỤC ĐÍCH, YÊU CẦU', '', '### 1. Mục đích', '');
  for (let k = rand.int(2, 4); k > 0; k--) out.push(`- ${rand.pick(paragraphs)}`);
  out.push('', '### 2. Yêu cầu', '', rand.pick(paragraphs), '', '## II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM', '');

  // The tail (budget, organisation, reporting, recipients, signer) is fixed in size; the task
  // section grows until the plan reaches its target size.
  const tail = [];
  tail.push('## III. KINH PHÍ THỰC HIỆN', '', `- Sử dụng nguồn ngân sách chi thường xuyên được giao năm ${year}, thực hiện theo ${CITATIONS[4]}.`, '- Vận động nguồn tài trợ hợp pháp khác.', '');
  tail.push('## IV. TỔ CHỨC THỰC HIỆN', '');
  ROLES.slice(0, rand.int(3, ROLES.length)).forEach((role, index) => tail.push(`### ${index + 1}. ${role}`, '', rand.pick(paragraphs), ''));
  tail.push(`Báo cáo 6 tháng đầu năm ${year} gửi trước ngày ${rand.int(1, 30)}/5/${year}; báo cáo năm gửi trước ngày ${rand.int(1, 10)}/12/${year}.`, '');
  tail.push(`Trên đây là Kế hoạch ${topic} năm ${year} của ${school}./.`, '', 'Nơi nhận:', '', '- Phòng GD&ĐT huyện Quế Sơn (để báo cáo);', '- CB, GV, NV nhà trường (để thực hiện);', '- Lưu: VT.', '', 'HIỆU TRƯỞNG', '', rand.pick(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Thị Hoa', 'Phạm Văn Minh']), '');

  let size = Buffer.byteLength(out.join('\n')) + Buffer.byteLength(tail.join('\n'));
  const push = (...lines) => {
    out.push(...lines);
    for (const line of lines) size += Buffer.byteLength(line) + 1;
  };
  let item = 0;
  while (size < targetBytes) {
    item++;
    push(`### ${item}. ${rand.pick(SUBTITLES)}`, '');
    const shape = rand.int(0, 3);
    if (shape === 0) {
      push(`${rand.pick(paragraphs)} Thực hiện theo ${rand.pick(CITATIONS)}.`, '');
    } else if (shape === 1) {
      for (let k = 0; k < rand.int(2, 5); k++) push(`${LETTERS[k]}) ${rand.pick(paragraphs)}`, '');
    } else if (shape === 2) {
      for (let k = rand.int(2, 4); k > 0; k--) push(`- ${rand.pick(paragraphs)}`);
      push('');
    } else {
      const from = rand.int(1, 15);
      push(`Tổ chức Tháng hành động từ ngày ${from}/11 đến ngày ${from}/12/${year}; nộp báo cáo về Phòng GDĐT trước ngày ${rand.int(1, 28)}/${rand.int(1, 12)}/${year}.`, '', rand.pick(paragraphs), '');
    }
  }
  return [...out, ...tail].join('\n');
}

/**
 * Writes `count` plans of ~`size` bytes and one plan of ~`big` bytes into `out` (emptied first);
 * returns the file list and a digest of all bytes, so that a run can say which corpus it measured.
 */
export function generateCorpus({ out, count = 1000, size = 25_000, big = 1_048_576, seed = 7 }) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, 'plans'), { recursive: true });
  const paragraphs = seedParagraphs();
  const rand = prng(seed);
  const hash = createHash('sha256');
  const files = [];
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const text = generatePlan(rand, paragraphs, size);
    const file = path.join(out, 'plans', `ke-hoach-${String(index).padStart(4, '0')}.md`);
    writeFileSync(file, text);
    hash.update(text);
    bytes += Buffer.byteLength(text);
    files.push(file);
  }
  const bigText = generatePlan(rand, paragraphs, big);
  const bigFile = path.join(out, 'big', 'ke-hoach-1mb.md');
  mkdirSync(path.dirname(bigFile), { recursive: true });
  writeFileSync(bigFile, bigText);
  hash.update(bigText);
  return { files, bytes, bigFile, bigBytes: Buffer.byteLength(bigText), digest: hash.digest('hex').slice(0, 16), paragraphs: paragraphs.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const result = generateCorpus({
    out: path.resolve(option('--out', path.join(root, '.e2e/bench-corpus'))),
    count: Number(option('--count', 1000)),
    size: Number(option('--size', 25_000)),
    big: Number(option('--big', 1_048_576)),
    seed: Number(option('--seed', 7)),
  });
  console.log(`${result.files.length} plans, ${(result.bytes / 1e6).toFixed(1)} MB, one plan of ${(result.bigBytes / 1e6).toFixed(2)} MB, from ${result.paragraphs} seed paragraphs; digest ${result.digest}`);
}
