import { describe, expect, it } from 'vitest';
import { inputErrorMessage } from './input-messages.js';

describe('input error messages', () => {
  it('an empty file says which kind of empty, in Vietnamese; English as core or the reader wrote it', () => {
    const zero = 'file is empty (0 bytes): there is nothing to lint; check that this is the right file and that it was saved.';
    expect(inputErrorMessage('empty', zero, 'en')).toBe(zero);
    expect(inputErrorMessage('empty', zero, 'vi')).toMatch(/^tệp rỗng \(0 byte\): không có nội dung để kiểm tra;/);
    expect(inputErrorMessage('empty', zero.replace('0 bytes', 'only whitespace'), 'vi')).toMatch(/^tệp rỗng \(chỉ có khoảng trắng\): /);
  });

  it('a symbolic-link loop is named as one, not as a missing file', () => {
    const english = 'symbolic link loop (ELOOP): the link leads back to itself; fix or remove the link';
    expect(inputErrorMessage('unreadable', english, 'vi')).toBe('liên kết tượng trưng (symlink) tạo thành vòng lặp (ELOOP): liên kết dẫn ngược về chính nó; hãy sửa hoặc xoá liên kết.');
    expect(inputErrorMessage('unreadable', 'file not found', 'vi')).toBe('không tìm thấy tệp.');
  });

  it('the messages of issue 14 (special files, caps, redirects, lockfile, package.json, UTF-16, sizes) have Vietnamese wording', () => {
    const cases: Array<[string, string, string]> = [
      [
        'not-a-file',
        'file is a named pipe (FIFO), not a regular file: plan-lint reads only regular files (a pipe or a device could hang the run or never end); name the file itself.',
        'đây là một đường ống có tên (FIFO), không phải tệp thường: plan-lint chỉ đọc tệp thường (đường ống hay thiết bị có thể làm lượt chạy treo hoặc không bao giờ kết thúc); hãy chỉ ra chính tệp cần đọc.',
      ],
      [
        'not-a-file',
        '/dev/zero is a character device, not a regular file: plan-lint reads only regular files (a pipe or a device could hang the run or never end); name the file itself.',
        '/dev/zero là một thiết bị ký tự, không phải tệp thường: plan-lint chỉ đọc tệp thường (đường ống hay thiết bị có thể làm lượt chạy treo hoặc không bao giờ kết thúc); hãy chỉ ra chính tệp cần đọc.',
      ],
      [
        'input-too-large',
        'file is 20 MB + 5 bytes; plan-lint reads plans up to 20 MB. Split the file or check that it is a plan.',
        'tệp quá lớn (20 MB + 5 byte); plan-lint đọc kế hoạch đến 20 MB. Hãy tách tệp hoặc kiểm tra lại đây có phải là kế hoạch.',
      ],
      [
        'json-too-large',
        'The waivers register is 9.5 MB; plan-lint reads such files up to 8 MB. Check that this is the right file.',
        'Sổ miễn trừ có kích thước 9.5 MB; plan-lint chỉ đọc các tệp này đến 8 MB. Hãy kiểm tra lại đây có đúng tệp không.',
      ],
      [
        'pack-redirect',
        "Pack https://a.vn/p.json redirects (from a.vn) to http://b.vn:8080/p.json: plan-lint follows a pack's redirects only to https: addresses, never to another scheme. Ask the pack's publisher for its https address.",
        'Gói https://a.vn/p.json chuyển hướng (từ a.vn) sang http://b.vn:8080/p.json: plan-lint chỉ theo chuyển hướng của gói sang địa chỉ https:, không bao giờ sang giao thức khác. Hãy xin đơn vị phát hành gói địa chỉ https.',
      ],
      [
        'pack-lock',
        'The lockfile does not match: pack https://a.vn/p.json differs: it records the hash sha256-x, the pack in use has sha256-y; it records version "1.0.0", the pack is version "1.1.0". If the change is intended (a new version of the pack), run plan-lint with --update-lock (or set "updateLock": true in the config) to record it; otherwise find out who changed the lockfile or the pack.',
        'Tệp khoá (plan-lint.lock.json) không khớp: gói https://a.vn/p.json khác: lockfile ghi mã băm sha256-x, gói đang dùng có mã băm sha256-y; lockfile ghi phiên bản "1.0.0", gói là phiên bản "1.1.0". Nếu thay đổi là có chủ ý (gói có phiên bản mới), hãy chạy plan-lint với --update-lock (hoặc đặt "updateLock": true trong cấu hình) để ghi lại; nếu không, hãy tìm xem ai đã sửa lockfile hoặc gói.',
      ],
      [
        'pack-manifest',
        'Pack "so-pack" is installed, but its package.json (/w/node_modules/so-pack/package.json) is not valid JSON (Unexpected end of JSON input): reinstall the package ("npm install so-pack"), or ask its publisher to fix it.',
        'Gói "so-pack" đã được cài, nhưng tệp package.json của gói (/w/node_modules/so-pack/package.json) không phải JSON hợp lệ (Unexpected end of JSON input): hãy cài lại gói ("npm install so-pack") hoặc đề nghị đơn vị phát hành sửa.',
      ],
      [
        'utf16',
        'file is UTF-16 (without a byte-order mark: its zero bytes fall every other byte); save it as UTF-8 and lint it again.',
        'tệp mã hoá UTF-16 (không có dấu BOM: các byte 0 nằm xen kẽ); hãy lưu lại dưới dạng UTF-8 rồi kiểm tra lại.',
      ],
    ];
    for (const [code, english, vietnamese] of cases) {
      expect(inputErrorMessage(code, english, 'en')).toBe(english);
      expect(inputErrorMessage(code, english, 'vi')).toBe(vietnamese);
    }
  });
});
