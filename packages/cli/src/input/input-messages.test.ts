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
});
