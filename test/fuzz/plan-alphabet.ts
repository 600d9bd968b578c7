import fc from 'fast-check';

/**
 * Pieces of plan text the parser and the rules react to: numbering and bullet markers, citations,
 * dates and ranges, deadline words, section titles, directives, front matter, line ends of every
 * kind, combining marks (NFD), BOM, control characters and astral characters. Random sequences of
 * them reach far more of the grammar than random characters do.
 */
export const PLAN_PIECES = [
  'KẾ HOẠCH', '# KẾ HOẠCH', 'Số: 21/KH-PGDĐT', 'Quế Sơn, ngày 10 tháng 3 năm 2024', 'UBND HUYỆN QUẾ SƠN',
  '## I. MỤC ĐÍCH, YÊU CẦU', 'II. NHIỆM VỤ, GIẢI PHÁP', 'III. KINH PHÍ', 'IV. TỔ CHỨC THỰC HIỆN', 'PHỤ LỤC', 'MỤC TIÊU',
  '### 1. Mục đích', '1.', '2.1.', '1.1.1.1.1.', 'a)', 'đ)', 'z)', '- ', '+ ', 'o ', '• ', '* ', 'I.', 'XL.', '99.',
  'Căn cứ', 'Thực hiện', 'Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ', 'Kế hoạch số 21/KH-PGDĐT',
  'Quyết định 1790/QĐ -TTg', 'Chỉ thị số 21-CT/TW', '56- KL/TU', '559/SGD ĐT-CTHSSV', 'của UBND tỉnh', 'của', 'số',
  'ngày 05/6/2025', 'ngày 11 tháng 3 năm 2025', 'ngày 31/02/2024', 'ngày 0/13/0000', '29/2/2023', 'từ 15/11 đến 15/12', '15/11-15/12',
  'tháng 04/2024', 'vào tháng 6 và tháng 12 hằng năm', 'Báo cáo 6 tháng trước ngày 05/6/2024', 'nộp về Phòng GDĐT ngày 25/03/2024',
  'trước ngày', 'hạn chót', 'năm 2024', 'năm 1900', 'năm 99999', '2024-03-10',
  'Nơi nhận:', '- Lưu: VT.', 'KT. HIỆU TRƯỞNG', 'PHÓ HIỆU TRƯỞNG', 'TM. UỶ BAN NHÂN DÂN', 'Nguyễn Văn An',
  '<!-- plan-lint-disable-next-line duplicate-word -- lý do -->', '<!-- plan-lint-disable citation-format -->',
  '<!-- plan-lint-enable citation-format -->', '<!-- plan-lint-disable -->', '<!--', '-->',
  '---', 'symbol: 21/KH-PGDĐT', 'date: 2024-03-10', 'year: 2024', 'year: [', 'title: "', ': :',
  'kinh phí 5.000.000 đồng', 'Hiệu trưởng', 'Công đoàn', 'các các', 'và và', 'bình đẳng giới',
  'trie\u0302\u0300n khai', 'Đ', 'đ', 'ư\u031b', '\u0301', '\u0300\u0301\u0302\u0303', '𝐊ế 𝐡𝐨ạ𝐜𝐡', '😀', '\ud800', '\udc00',
  '\ufeff', '\u200b', '\u00a0', '\t', '\u0000', '\u0007', '\u001b[31m', '\u2028', '\u0085', '\uf0b7 ', '\u2022',
  ' ', ' ', ' ', '  ', ',', ';', ':', '.', '/', '(', ')', '-', '–', '"', '|', '`', '[', ']', '\\',
  '\n', '\n', '\n', '\n\n', '\r\n', '\r\n', '\r', '\n\n\n',
];

/** A random sequence of plan pieces. */
export const planText = (maxPieces = 300): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...PLAN_PIECES), { maxLength: maxPieces }).map((pieces) => pieces.join(''));
