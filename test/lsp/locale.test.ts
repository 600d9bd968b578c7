// Issue 13 item 4, the language server: what it says comes in the reader's language, picked by the
// settings, the config's locale, then the client's locale (InitializeParams.locale), then LANG.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeActionRequest, HoverRequest, type CodeAction, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { fileUri, fixturesDir, positionOf, PUSH_CAPABILITIES, TestClient, type StartOptions } from './lsp-client.js';

const workspace = join(fixturesDir, 'workspace');
const planText = readFileSync(join(workspace, 'ke-hoach.md'), 'utf8');
const planUri = fileUri(join(workspace, 'ke-hoach.md'));

let client: TestClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

/** Opens the plan and returns the quick-fix titles on its duplicate word and the hover there. */
async function onDuplicateWord(options: StartOptions): Promise<{ titles: string[]; hover: string; message: string }> {
  client = (await TestClient.start({ rootPath: workspace, capabilities: PUSH_CAPABILITIES, initializationOptions: { settings: { debounceMs: 0 } }, ...options })).client;
  await client.open(planUri, planText);
  const published = await client.diagnosticsFor(planUri, (params) => params.diagnostics.length > 0);
  const duplicate = published.diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-word')!;
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: planUri },
    range: duplicate.range,
    context: { diagnostics: [duplicate], only: ['quickfix'] },
  })) as CodeAction[];
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: planUri }, position: positionOf(planText, 'Thực hiện Thực hiện', 1, 12) });
  return { titles: actions.map((action) => action.title), hover: (hover!.contents as MarkupContent).value, message: duplicate.message };
}

describe('language server texts in Vietnamese and English', () => {
  it('Vietnamese by default: quick-fix titles and the explanation on hover over a diagnostic', async () => {
    const { titles, hover, message } = await onDuplicateWord({});
    expect(message).toBe('"Thực hiện" bị lặp liền nhau: xoá một lần.');
    expect(titles).toEqual(['Sửa lỗi duplicate-word này', 'Tắt duplicate-word cho dòng này']);
    expect(hover).toBe(
      [
        '**plan-lint explain**',
        '',
        '```text',
        'duplicate-word (van-ban) VI PHẠM',
        '  điều kiện thỏa mãn',
        '  mức độ: kế thừa van-ban@0.1.0 = cảnh báo',
        '  điều kiện quyết định: item.dictionary equal "slip" (= "slip") -> true',
        '  dữ kiện đã đọc: item @ 21:11-21:20',
        '  kết quả: 21:11 "Thực hiện" bị lặp liền nhau: xoá một lần.',
        '  căn cứ: Không có căn cứ riêng (lỗi soạn thảo); Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ, Điều 10 khoản 4 và Điều 12 (trách nhiệm về bản thảo và kiểm tra văn bản trước khi ký ban hành)',
        '```',
      ].join('\n'),
    );
  });

  it("English when the client's locale is English (InitializeParams.locale), and when LANG is", async () => {
    for (const options of [{ locale: 'en-US' }, { env: { LANG: 'en_US.UTF-8' } }] as StartOptions[]) {
      const { titles, hover, message } = await onDuplicateWord(options);
      expect(message).toBe('"Thực hiện" is repeated back to back: delete one.');
      expect(titles).toEqual(['Fix this duplicate-word problem', 'Disable duplicate-word for this line']);
      expect(hover).toContain('duplicate-word (van-ban) FAILED\n  conditions held\n  severity: extends van-ban@0.1.0 = warning\n');
      await client!.stop();
      client = undefined;
    }
  });

  it('the settings win over the client\'s locale', async () => {
    const { titles } = await onDuplicateWord({ locale: 'en-US', initializationOptions: { settings: { debounceMs: 0, locale: 'vi' } } });
    expect(titles[0]).toBe('Sửa lỗi duplicate-word này');
  });

  it('a broken config is shown on the config file in the reader\'s language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-lint-lsp-locale-'));
    try {
      cpSync(join(workspace, 'ke-hoach.md'), join(dir, 'ke-hoach.md'));
      writeFileSync(join(dir, 'plan-lint.config.json'), '{\n  "packs": ["recommended"],\n  "rules": { "citation-date": "erorr" }\n}\n');
      const configUri = fileUri(join(dir, 'plan-lint.config.json'));
      for (const [locale, expected] of [
        [undefined, 'quy tắc "citation-date" có mức độ "erorr"; hãy dùng "off", "warn" hoặc "error". plan-lint kiểm tra bằng các bộ quy tắc có sẵn cho đến khi lỗi này được sửa.'],
        ['en', 'rule "citation-date" has severity "erorr"; use "off", "warn" or "error". plan-lint lints with the built-in packs until this is fixed.'],
      ] as const) {
        client = (await TestClient.start({ rootPath: dir, capabilities: PUSH_CAPABILITIES, ...(locale ? { locale } : {}) })).client;
        await client.open(fileUri(join(dir, 'ke-hoach.md')), planText);
        const problem = await client.diagnosticsFor(configUri, (params) => params.diagnostics.length > 0);
        expect(problem.diagnostics.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.code, d.message])).toEqual([[3, 31, 'config-schema', expected]]);
        await client.stop();
        client = undefined;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
