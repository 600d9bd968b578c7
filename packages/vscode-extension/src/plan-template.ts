// The plan template the "Insert the plan template" command inserts: a Plan Markdown skeleton in the
// layout of Nghị định 30/2020/NĐ-CP, Phụ lục I (header, legal basis, sections I–IV, Nơi nhận,
// signer), written as a VS Code snippet so that Tab walks through the parts a writer must fill in.

/** `${n:default}` tab stops; `snippetToText` gives the text a writer sees before editing. */
export function planTemplateSnippet(year: number): string {
  const y = String(year);
  return [
    '---',
    'symbol: ${1:01}/KH-${2:THĐP}',
    'year: ' + y,
    '---',
    '',
    '${3:UBND HUYỆN QUẾ SƠN}',
    '${4:TRƯỜNG TIỂU HỌC ĐÔNG PHÚ}',
    '',
    'Số: ${1}/KH-${2}',
    '',
    '${5:Quế Sơn}, ngày ${6:05} tháng ${7:3} năm ' + y,
    '',
    '# KẾ HOẠCH',
    '',
    '${8:Thực hiện công tác bình đẳng giới năm} ' + y,
    '',
    'Căn cứ ${9:Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030};',
    '',
    '${10:Trường Tiểu học Đông Phú} xây dựng Kế hoạch ${8} ' + y + ' như sau:',
    '',
    '## I. MỤC ĐÍCH, YÊU CẦU',
    '',
    '### 1. Mục đích',
    '',
    '- ${11:Nâng cao nhận thức về bình đẳng giới trong nhà trường.}',
    '',
    '### 2. Yêu cầu',
    '',
    '- ${12:Triển khai đúng tiến độ, đạt hiệu quả.}',
    '',
    '## II. NHIỆM VỤ, GIẢI PHÁP',
    '',
    '### 1. ${13:Tuyên truyền, phổ biến pháp luật về bình đẳng giới}',
    '',
    '- ${14:Tổ chức các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới từ 15/11/' + y + ' đến 15/12/' + y + '.}',
    '',
    '### 2. Chế độ báo cáo',
    '',
    '- Báo cáo 6 tháng gửi về ${15:Phòng Giáo dục và Đào tạo} trước ngày ${16:05/6/' + y + '}.',
    '- Báo cáo năm gửi về ${15} trước ngày ${17:05/12/' + y + '}.',
    '',
    '## III. KINH PHÍ THỰC HIỆN',
    '',
    'Kinh phí thực hiện từ ${18:nguồn ngân sách chi thường xuyên của nhà trường năm} ' + y + '.',
    '',
    '## IV. TỔ CHỨC THỰC HIỆN',
    '',
    '1. ${19:Hiệu trưởng} chỉ đạo chung, phân công nhiệm vụ và kiểm tra việc thực hiện kế hoạch.',
    '2. ${20:Tổ trưởng chuyên môn} triển khai các nội dung của kế hoạch đến giáo viên trong tổ.',
    '',
    'Nơi nhận:',
    '- ${21:Phòng GDĐT (b/c)};',
    '- Lưu: VT.',
    '',
    '${22:HIỆU TRƯỞNG}',
    '',
    '${23:Nguyễn Văn A}',
    '$0',
  ].join('\n');
}

/** The snippet with its tab stops replaced by their defaults (and `${n}` by the first default of n). */
export function snippetToText(snippet: string): string {
  const defaults = new Map<string, string>();
  const withDefaults = snippet.replace(/\$\{(\d+):([^}]*)\}/g, (_match, index: string, value: string) => {
    if (!defaults.has(index)) defaults.set(index, value);
    return value;
  });
  return withDefaults.replace(/\$\{(\d+)\}/g, (_match, index: string) => defaults.get(index) ?? '').replace(/\$0/g, '');
}
