import { describe, expect, it } from 'vitest';
import { loadRegistry } from './registry.js';

describe('loadRegistry', () => {
  it('finds rules/registry/documents.json upward and looks documents up by symbol, spaces and case ignored', () => {
    const registry = loadRegistry();
    expect(registry.origin).toMatch(/rules[\\/]registry[\\/]documents\.json$/);
    const decree = registry.find('125/2021/nđ-cp');
    expect(decree).toMatchObject({ type: 'Nghị định', number: '125/2021/NĐ-CP', date: '2021-12-28', issuer: 'Chính phủ', status: 'verified' });
    expect(registry.find('125 / 2021 / NĐ-CP')).toBe(decree);
    expect(registry.ofType('nghị định').map((entry) => entry.number)).toContain('125/2021/NĐ-CP');
    expect(registry.find('999/2099/NĐ-CP')).toBeUndefined();
  });

  it('leaves an empty registry, and says why, when the file cannot be read (Vietnamese by default, English too)', () => {
    const messages: string[] = [];
    const registry = loadRegistry('/nonexistent/documents.json', (message) => messages.push(message));
    expect(registry.documents).toEqual([]);
    expect(messages[0]).toMatch(/^danh mục văn bản: không đọc được \/nonexistent\/documents\.json: .+; gợi ý khi rê chuột và khi gõ trích dẫn vẫn chạy, không có danh mục\.$/);
    loadRegistry('/nonexistent/documents.json', (message) => messages.push(message), 'en');
    expect(messages[1]).toMatch(/^registry: cannot read \/nonexistent\/documents\.json: .+; citation hover and completion work without it\.$/);
  });
});
