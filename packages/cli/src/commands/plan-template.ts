import type { Heading, Paragraph, Root, RootContent } from 'mdast';

const text = (value: string) => ({ type: 'text' as const, value });
const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [text(value)] });
const heading = (depth: 1 | 2 | 3, value: string): Heading => ({ type: 'heading', depth, children: [text(value)] });

/**
 * `ngày 06 tháng 01 năm 2026`: Nghị định 30/2020/NĐ-CP, Phụ lục I, II.4 writes a
 * day below 10 and the months 1 and 2 with a leading zero, and no other month.
 */
export function vietnameseDateLine(date: Date): string {
  const day = date.getDate();
  const month = date.getMonth() + 1;
  return `ngày ${String(day).padStart(2, '0')} tháng ${month <= 2 ? `0${month}` : month} năm ${date.getFullYear()}`;
}

/**
 * The plan template `plan-lint init` writes: Plan Markdown with every part a compliant plan needs
 * (Quốc hiệu and Tiêu ngữ, an issuer that exists since the 2025 reorganisation removed the district
 * level — a school under the Sở GD&ĐT —, the date as NĐ 30/2020 writes it, purpose, tasks, the
 * action month 15/11–15/12, report deadlines with the annual report due after the action month
 * ends, budget with a funding source, organisation with named units, Nơi nhận ending in Lưu: VT,
 * signer). Built as an mdast tree and written by remark-stringify, so the Markdown is well-formed.
 */
export async function planTemplateMarkdown(today: Date): Promise<string> {
  const year = today.getFullYear();
  const tree: Root = {
    type: 'root',
    children: [
      paragraph('SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH …'),
      paragraph('TRƯỜNG TRUNG HỌC PHỔ THÔNG …'),
      paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
      paragraph('Độc lập - Tự do - Hạnh phúc'),
      paragraph(`Số: …/KH-THPT`),
      paragraph(`…, ${vietnameseDateLine(today)}`),
      heading(1, 'KẾ HOẠCH'),
      paragraph(`Thực hiện công tác bình đẳng giới năm ${year}`),
      paragraph(
        'Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt vi phạm hành chính trong lĩnh vực bình đẳng giới;',
      ),
      paragraph(`Trường … xây dựng kế hoạch thực hiện công tác bình đẳng giới năm ${year} như sau:`),
      heading(2, 'I. MỤC ĐÍCH, YÊU CẦU'),
      heading(3, '1. Mục đích'),
      paragraph('Nâng cao nhận thức, trách nhiệm của cán bộ, giáo viên, nhân viên và học sinh về bình đẳng giới.'),
      heading(3, '2. Yêu cầu'),
      paragraph('Các nội dung được triển khai cụ thể, đúng tiến độ, gắn trách nhiệm của từng bộ phận.'),
      heading(2, 'II. NHIỆM VỤ, GIẢI PHÁP'),
      heading(3, '1. Tuyên truyền, phổ biến pháp luật về bình đẳng giới'),
      paragraph('Lồng ghép nội dung bình đẳng giới trong các buổi sinh hoạt dưới cờ và sinh hoạt chuyên môn.'),
      heading(3, '2. Tháng hành động vì bình đẳng giới'),
      paragraph(
        `Tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới từ 15/11/${year} đến 15/12/${year}.`,
      ),
      heading(3, '3. Chế độ báo cáo'),
      // The annual report covers the action month, so it is due after 15/12.
      paragraph(`Báo cáo 6 tháng gửi về Sở Giáo dục và Đào tạo trước ngày 20/6/${year}; báo cáo năm gửi trước ngày 20/12/${year}.`),
      heading(2, 'III. KINH PHÍ'),
      paragraph(`Kinh phí thực hiện từ nguồn ngân sách chi thường xuyên của đơn vị năm ${year}.`),
      heading(2, 'IV. TỔ CHỨC THỰC HIỆN'),
      heading(3, '1. Hiệu trưởng'),
      paragraph('Chỉ đạo, kiểm tra việc thực hiện kế hoạch; tổng hợp báo cáo gửi cấp trên.'),
      heading(3, '2. Các tổ chuyên môn'),
      paragraph('Lồng ghép nội dung bình đẳng giới trong kế hoạch dạy học của tổ.'),
      paragraph('Nơi nhận:'),
      bulletList(['Sở Giáo dục và Đào tạo (để báo cáo);', 'Các tổ chuyên môn (để thực hiện);', 'Lưu: VT.']),
      paragraph('HIỆU TRƯỞNG'),
      paragraph('Nguyễn Văn A'),
    ],
  };
  const [{ unified }, { default: remarkStringify }] = await Promise.all([import('unified'), import('remark-stringify')]);
  return String(unified().use(remarkStringify, { bullet: '-', listItemIndent: 'one' }).stringify(tree));
}

function bulletList(items: string[]): RootContent {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((value) => ({ type: 'listItem' as const, spread: false, children: [paragraph(value)] })),
  };
}
