import type { Locale } from '@plan-lint/core';

// Vietnamese wording of the input errors core and the CLI raise (their `message` is English).
// Users read these in every report (spec.md: messages are Vietnamese by default).
const VI: Record<string, (english: string) => string> = {
  unreadable: (english) =>
    /permission denied/.test(english)
      ? 'không có quyền đọc tệp; kiểm tra quyền truy cập của tệp.'
      : /not found/.test(english)
        ? 'không tìm thấy tệp.'
        : /folder/.test(english)
          ? 'đây là một thư mục, không phải tệp.'
          : /ELOOP/.test(english)
            ? 'liên kết tượng trưng (symlink) tạo thành vòng lặp (ELOOP): liên kết dẫn ngược về chính nó; hãy sửa hoặc xoá liên kết.'
            : `không đọc được tệp (${english}).`,
  'input-too-large': (english) => `tệp quá lớn (${/[\d.]+ MB/.exec(english)?.[0] ?? ''}); plan-lint đọc kế hoạch đến 20 MB. Hãy tách tệp hoặc kiểm tra lại đây có phải là kế hoạch.`,
  utf16: () => 'tệp mã hoá UTF-16; hãy lưu lại dưới dạng UTF-8 rồi kiểm tra lại.',
  empty: (english) =>
    `tệp rỗng (${/0 bytes/.test(english) ? '0 byte' : 'chỉ có khoảng trắng'}): không có nội dung để kiểm tra; hãy xem lại đây có đúng là tệp kế hoạch và tệp đã được lưu chưa.`,
  binary: () => 'tệp có vẻ là tệp nhị phân (có byte NUL); plan-lint đọc văn bản UTF-8, Markdown, .docx và .pdf.',
  // core/decode/legacy-encoding.ts says which of four cases it is; each keeps its advice.
  'invalid-utf8': (english) =>
    `byte không hợp lệ trong UTF-8 (${/byte \d+/.exec(english)?.[0] ?? ''})${
      /TCVN3-encoded/.test(english)
        ? ': tệp có vẻ dùng bảng mã TCVN3 (ABC, phông .Vn), bảng mã tiếng Việt cũ trước Unicode; hãy chuyển sang Unicode UTF-8 (ví dụ bằng công cụ chuyển mã của UniKey, TCVN3 → Unicode)'
        : /VNI-encoded/.test(english)
          ? ': tệp có vẻ dùng bảng mã VNI (phông VNI), bảng mã tiếng Việt cũ trước Unicode; hãy chuyển sang Unicode UTF-8 (ví dụ bằng công cụ chuyển mã của UniKey, VNI Windows → Unicode)'
          : /damaged or cut/.test(english)
            ? ': phần còn lại của tệp là UTF-8, một ký tự ở đây bị hỏng hoặc bị cắt; hãy gõ lại ký tự đó'
            : ', có vẻ là bảng mã 8-bit cũ (TCVN3, VNI hoặc Windows-1258); hãy chuyển tệp sang Unicode UTF-8'
    } rồi kiểm tra lại.`,
  'docx-invalid': () => 'không đọc được tệp Word (.docx) này; hãy mở bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx.',
  'docx-empty': () => 'tệp Word không có nội dung văn bản.',
  'docx-too-large': () => 'tệp Word giải nén ra hơn 128 MB (bom ZIP, hoặc tài liệu toàn hình ảnh); plan-lint không mở tệp này. Hãy lưu phần chữ của kế hoạch thành .docx hoặc .md rồi kiểm tra tệp đó.',
  'docx-too-complex': (english) => {
    const [, count = '', what = ''] = /more than ([\d,]+) (XML elements|XML paragraphs|characters of text)/.exec(english) ?? [];
    const unit = ({ 'XML elements': 'phần tử XML', 'XML paragraphs': 'đoạn văn', 'characters of text': 'ký tự' } as Record<string, string>)[what] ?? '';
    return `tệp Word quá lớn để đọc (hơn ${count.replace(/,/g, '.')} ${unit}, trong khi một kế hoạch chỉ có vài nghìn đoạn văn); plan-lint không mở tệp này. Hãy kiểm tra đây có đúng là kế hoạch, hoặc lưu lại phần chữ thành .docx hay .md rồi kiểm tra tệp đó.`;
  },
  internal: (english) =>
    `lỗi nội bộ khi kiểm tra tệp này (${/\((.*)\); the other files/.exec(english)?.[1] ?? ''}); các tệp khác vẫn được kiểm tra. Vui lòng báo lỗi này.`,
  'pdf-invalid': () => 'không đọc được tệp PDF này (tệp hỏng hoặc không phải PDF); hãy xuất lại kế hoạch ra PDF.',
  'pdf-encrypted': () => 'tệp PDF có đặt mật khẩu; hãy lưu một bản không mật khẩu (hoặc bản Word/văn bản) rồi kiểm tra bản đó.',
  'pdf-no-text': () => 'tệp PDF không có lớp văn bản (bản quét?); hãy nhận dạng chữ (OCR) hoặc kiểm tra bản Word/văn bản của kế hoạch.',
};

/** The message of an input error in the run's locale; English as core wrote it for `en`. */
export function inputErrorMessage(code: string, english: string, locale: Locale): string {
  if (locale === 'en') return english;
  const vietnamese = VI[code];
  return vietnamese ? vietnamese(english) : english;
}
