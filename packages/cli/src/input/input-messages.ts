import type { Locale } from '@plan-lint/core';

// Vietnamese wording of the input errors core and the CLI raise (their `message` is English).
// Users read these in every report (messages are Vietnamese by default).
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
  'input-too-large': (english) => `tệp quá lớn (${sizeVi(english)}); plan-lint đọc kế hoạch đến 20 MB. Hãy tách tệp hoặc kiểm tra lại đây có phải là kế hoạch.`,
  utf16: (english) =>
    /without a byte-order mark/.test(english)
      ? 'tệp mã hoá UTF-16 (không có dấu BOM: các byte 0 nằm xen kẽ); hãy lưu lại dưới dạng UTF-8 rồi kiểm tra lại.'
      : 'tệp mã hoá UTF-16; hãy lưu lại dưới dạng UTF-8 rồi kiểm tra lại.',
  'not-a-file': (english) => {
    const subject = /^(.*) is (a named pipe|a character device|a block device|a socket|a special file)/.exec(english);
    const kind = { 'a named pipe': 'một đường ống có tên (FIFO)', 'a character device': 'một thiết bị ký tự', 'a block device': 'một thiết bị khối', 'a socket': 'một socket', 'a special file': 'một tệp đặc biệt' }[subject?.[2] ?? 'a special file'];
    const who = !subject || subject[1] === 'file' ? 'đây' : subject[1];
    return `${who} là ${kind}, không phải tệp thường: plan-lint chỉ đọc tệp thường (đường ống hay thiết bị có thể làm lượt chạy treo hoặc không bao giờ kết thúc); hãy chỉ ra chính tệp cần đọc.`;
  },
  'json-too-large': (english) => {
    const what = /^The (config file|waivers register|lockfile|package\.json)/.exec(english)?.[1];
    const name = { 'config file': 'Tệp cấu hình', 'waivers register': 'Sổ miễn trừ', lockfile: 'Tệp khoá (lockfile)', 'package.json': 'Tệp package.json' }[what ?? 'config file'];
    return `${name} có kích thước ${sizeVi(english)}; plan-lint chỉ đọc các tệp này đến 8 MB. Hãy kiểm tra lại đây có đúng tệp không.`;
  },
  'fix-read-only': (english) =>
    `không ghi các sửa lỗi: tệp chỉ cho phép đọc (quyền ${/mode (\d+)/.exec(english)?.[1] ?? ''}); hãy cho phép ghi (chmod u+w) để --fix sửa được tệp.`,
  'fix-changed': () =>
    'không ghi các sửa lỗi: tệp đã thay đổi trên đĩa trong khi plan-lint chạy (kích thước, thời điểm sửa hoặc nội dung khác với lúc kiểm tra); bản sửa mới hơn được giữ nguyên: hãy chạy lại --fix.',
  'fix-not-file': () => 'không ghi các sửa lỗi: đây không còn là tệp thường.',
  'pack-redirect': (english) => {
    const [, url, from, to] = /^Pack (\S+) redirects \(from (\S+)\) to (\S+): /.exec(english) ?? [];
    return `Gói ${url} chuyển hướng (từ ${from}) sang ${to}: plan-lint chỉ theo chuyển hướng của gói sang địa chỉ https:, không bao giờ sang giao thức khác. Hãy xin đơn vị phát hành gói địa chỉ https.`;
  },
  'pack-lock': (english) => {
    const what = /^The lockfile does not match: (.*?)\. (If the change|Fix or remove)/.exec(english)?.[1] ?? '';
    const detail = what
      .replace(/^it is not a plan-lint lockfile \(not JSON with a "packs" object\)/, 'tệp không phải lockfile của plan-lint (không phải JSON có đối tượng "packs")')
      .replace(/^it cannot be read \((.*)\)$/, 'không đọc được tệp ($1)')
      .replace(/^pack (\S+) differs: /, 'gói $1 khác: ')
      .replace(/it records the hash (\S+), the pack in use has (\S+)/, 'lockfile ghi mã băm $1, gói đang dùng có mã băm $2')
      .replace(/it records the name (".*?"), the pack is named (".*?")/, 'lockfile ghi tên $1, gói có tên $2')
      .replace(/it records version (".*?"), the pack is version (".*?")/, 'lockfile ghi phiên bản $1, gói là phiên bản $2');
    return /If the change/.test(english)
      ? `Tệp khoá (plan-lint.lock.json) không khớp: ${detail}. Nếu thay đổi là có chủ ý (gói có phiên bản mới), hãy chạy plan-lint với --update-lock (hoặc đặt "updateLock": true trong cấu hình) để ghi lại; nếu không, hãy tìm xem ai đã sửa lockfile hoặc gói.`
      : `Tệp khoá (plan-lint.lock.json) không khớp: ${detail}. Hãy sửa hoặc xoá tệp.`;
  },
  'pack-manifest': (english) => {
    const [, name, manifest, why] = /^Pack "(.+?)" is installed, but its package\.json \((.+?)\) (.*): reinstall/.exec(english) ?? [];
    const reason = /^is not valid JSON/.test(why ?? '') ? `không phải JSON hợp lệ${/\((.*)\)$/.exec(why)?.[0] ? ` ${/\((.*)\)$/.exec(why)?.[0]}` : ''}` : why;
    return `Gói "${name}" đã được cài, nhưng tệp package.json của gói (${manifest}) ${reason}: hãy cài lại gói ("npm install ${name}") hoặc đề nghị đơn vị phát hành sửa.`;
  },
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
          : /VISCII-encoded/.test(english)
            ? ': tệp có vẻ dùng bảng mã VISCII, bảng mã tiếng Việt cũ trước Unicode; hãy chuyển sang Unicode UTF-8 (ví dụ bằng công cụ chuyển mã của UniKey, VISCII → Unicode, hoặc iconv -f VISCII -t UTF-8)'
          : /Windows-1258-encoded/.test(english)
            ? ': tệp có vẻ dùng bảng mã Windows-1258 (bảng mã tiếng Việt của Windows); hãy chuyển sang Unicode UTF-8 (ví dụ bằng công cụ chuyển mã của UniKey, Vietnamese locale CP 1258 → Unicode, hoặc iconv -f CP1258 -t UTF-8)'
          : /damaged or cut/.test(english)
            ? ': phần còn lại của tệp là UTF-8, một ký tự ở đây bị hỏng hoặc bị cắt; hãy gõ lại ký tự đó'
            : ', có vẻ là bảng mã 8-bit cũ (TCVN3, VNI, VISCII hoặc Windows-1258); hãy chuyển tệp sang Unicode UTF-8'
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
  'pdf-too-large': (english) => {
    const number = (value: string | undefined) => (value ?? '').replace(/,/g, '.');
    const pages = /it has ([\d,]+) pages; plan-lint reads PDFs of up to ([\d,]+) pages/.exec(english);
    const page = /page (\d+) has more than ([\d,]+) runs of text/.exec(english);
    const runs = /more than ([\d,]+) runs of text \(by page (\d+)\)/.exec(english);
    const text = /its text is over ([\d.]+) MB \(by page (\d+)\)/.exec(english);
    const why = pages
      ? `tệp có ${number(pages[1])} trang; plan-lint đọc PDF đến ${number(pages[2])} trang`
      : page
        ? `trang ${page[1]} có hơn ${number(page[2])} đoạn chữ`
        : runs
          ? `tệp có hơn ${number(runs[1])} đoạn chữ (đến trang ${runs[2]})`
          : text
            ? `phần chữ của tệp vượt quá ${text[1]} MB (đến trang ${text[2]}); plan-lint đọc kế hoạch đến ${text[1]} MB`
            : 'tệp quá lớn';
    return `không đọc tệp PDF này: ${why}. Hãy kiểm tra đây có phải là kế hoạch, hoặc kiểm tra bản Word/văn bản của kế hoạch.`;
  },
  'pdf-no-text': () => 'tệp PDF không có lớp văn bản (bản quét?); hãy nhận dạng chữ (OCR) hoặc kiểm tra bản Word/văn bản của kế hoạch.',
};

/** The size in an English "is 50.0 MB" / "is 20 MB + 5 bytes" message, in Vietnamese. */
function sizeVi(english: string, pattern = /\bis ((?:[\d.]+ MB)(?: \+ \d+ bytes?)?)/): string {
  return (pattern.exec(english)?.[1] ?? '').replace(/ bytes?$/, ' byte');
}

/** The message of an input error in the run's locale; English as core wrote it for `en`. */
export function inputErrorMessage(code: string, english: string, locale: Locale): string {
  if (locale === 'en') return english;
  const vietnamese = VI[code];
  return vietnamese ? vietnamese(english) : english;
}
