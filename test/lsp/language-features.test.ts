import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRequest,
  type CompletionItem,
  type DocumentSymbol,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { fileUri, fixturesDir, positionOf, PUSH_CAPABILITIES, TestClient } from './lsp-client.js';

const workspace = join(fixturesDir, 'workspace');
const planText = readFileSync(join(workspace, 'ke-hoach.md'), 'utf8');
const planUri = fileUri(join(workspace, 'ke-hoach.md'));
const parentUri = fileUri(join(workspace, 'cap-tren.md'));

describe('hover, completion, outline and navigation', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = (await TestClient.start({ capabilities: PUSH_CAPABILITIES, rootPath: workspace })).client;
    await client.open(planUri, planText);
    await client.diagnosticsFor(planUri);
  });
  afterAll(async () => {
    await client.stop();
  });

  const hoverAt = async (needle: string, shift = 0) => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: planUri }, position: positionOf(planText, needle, 1, shift) });
    return hover ? (hover.contents as MarkupContent).value : null;
  };

  it('shows the registry entry of a cited decree and what is wrong with the citation', async () => {
    const value = await hoverAt('125/2021/NĐ-CP', 3);
    expect(value).toContain('**Nghị định số 125/2021/NĐ-CP**');
    expect(value).toContain('Cơ quan ban hành: Chính phủ');
    expect(value).toContain('Ngày ban hành: 28/12/2021');
    expect(value).toContain('Danh mục: đã kiểm chứng');
    expect(value).toMatch(/⚠ .+\(`citation-issuer`\)/);
  });

  it('explains a diagnostic under the cursor: the rule, whether it fired, the severity layers (issue 8)', async () => {
    // The second "Thực hiện" is the repeat that duplicate-word marks.
    const value = await hoverAt('Thực hiện Thực hiện', 12);
    expect(value).toContain('**plan-lint explain**');
    expect(value).toMatch(/duplicate-word \(van-ban\)/);
    expect(value).toMatch(/kế thừa van-ban@\S+ = cảnh báo/);
    expect(value).toContain('item @ 21:11-21:20');
    const decree = await hoverAt('của Thủ tướng Chính phủ', 8);
    // On the wrong issuer: the citation hover keeps its registry part and gains the explanation of citation-issuer.
    expect(decree).toContain('Danh mục: đã kiểm chứng');
    expect(decree).toMatch(/citation-issuer \(van-ban\)/);
  });

  it('shows the parent plan on a citation of the parent', async () => {
    const value = await hoverAt('21/KH-PGDĐT', 2);
    expect(value).toContain('Kế hoạch cấp trên');
    expect(value).toContain('cap-tren.md');
    expect(value).toContain('Triển khai thực hiện công tác bình đẳng giới Ngành Giáo dục huyện Quế Sơn năm 2024');
  });

  it("shows the parent's deadline of the same kind and the days of margin on a deadline", async () => {
    const value = await hoverAt('Báo cáo 6 tháng trước ngày 05/6/2024', 3);
    expect(value).toContain('**Hạn báo cáo 6 tháng**: 05/06/2024');
    expect(value).toContain('10/06/2024: còn 5 ngày dự phòng');
  });

  it('has no hover on plain text', async () => {
    expect(await hoverAt('Nâng cao nhận thức của cán bộ')).toBeNull();
  });

  it('completes registry documents after a type word, with the full citation text', async () => {
    const line = positionOf(planText, 'Trường Tiểu học Đông Phú xây dựng').line;
    const version = await client.change(planUri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'Căn cứ Nghị định số \n\n' }]);
    await client.diagnosticsFor(planUri, (params) => params.version === version);
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: planUri },
      position: { line, character: 'Căn cứ Nghị định số '.length },
    })) as CompletionItem[];
    const decree = items.find((item) => item.label === '125/2021/NĐ-CP')!;
    expect((decree.textEdit as TextEdit).newText).toBe(
      '125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ quy định xử phạt vi phạm hành chính trong lĩnh vực bình đẳng giới',
    );
    expect(items.every((item) => /NĐ-CP$/.test(String(item.label)))).toBe(true);
    // Without "số", the completion adds it.
    const bare = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: planUri },
      position: { line, character: 'Căn cứ Nghị định '.length },
    })) as CompletionItem[];
    expect((bare.find((item) => item.label === '125/2021/NĐ-CP')!.textEdit as TextEdit).newText).toMatch(/^số 125\/2021\/NĐ-CP ngày/);
    const undo = await client.change(planUri, [{ range: { start: { line, character: 0 }, end: { line: line + 2, character: 0 } }, text: '' }]);
    await client.diagnosticsFor(planUri, (params) => params.version === undo);
  });

  it('completes the section headings a plan still lacks', async () => {
    const uri = fileUri(join(workspace, 'thieu-muc.md'));
    const text = '# KẾ HOẠCH\n\nNăm 2024\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nNâng cao nhận thức.\n\n## II. NHIỆM VỤ, GIẢI PHÁP\n\n- Tuyên truyền.\n\n';
    await client.open(uri, text);
    await client.diagnosticsFor(uri);
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: text.split('\n').length - 1, character: 0 },
    })) as CompletionItem[];
    expect(items.map((item) => item.label)).toEqual(['III. KINH PHÍ THỰC HIỆN', 'IV. TỔ CHỨC THỰC HIỆN']);
    expect((items[0].textEdit as TextEdit).newText).toBe('## III. KINH PHÍ THỰC HIỆN\n');
    // A space typed at the start of a line (a trigger character) is indentation, not a request.
    const version = await client.change(uri, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: ' ' }]);
    await client.diagnosticsFor(uri, (params) => params.version === version);
    const typed = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 12, character: 1 },
      context: { triggerKind: 2, triggerCharacter: ' ' },
    });
    expect(typed).toEqual([]);
  });

  it('lists sections and items as nested document symbols', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: planUri } })) as DocumentSymbol[];
    expect(symbols.map((symbol) => symbol.name)).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', 'II. NHIỆM VỤ, GIẢI PHÁP', 'III. KINH PHÍ', 'IV. TỔ CHỨC THỰC HIỆN']);
    expect(symbols[0].range.start).toEqual(positionOf(planText, 'I. MỤC ĐÍCH'));
    expect(symbols[0].children!.map((child) => child.name)).toEqual(['1. Mục đích', '2. Yêu cầu']);
    const items = symbols[0].children![0].children!;
    expect(items.map((item) => item.name)).toEqual([
      '- Tăng cường sự lãnh đạo, chỉ đạo trong thực hiện công tác bình đẳng giới.',
      '- Nâng cao nhận thức của cán bộ, giáo viên, nhân viên về bình đẳng giới.',
    ]);
  });

  it('folds sections from their heading to their last line', async () => {
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: planUri } });
    const first = positionOf(planText, '## I. MỤC ĐÍCH').line;
    const second = positionOf(planText, '## II. NHIỆM VỤ').line;
    const section = ranges!.find((range) => range.startLine === first)!;
    expect(section.endLine).toBeGreaterThan(first);
    expect(section.endLine).toBeLessThan(second);
  });

  it("goes from a citation of the parent to the parent plan's file", async () => {
    const location = await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: planUri },
      position: positionOf(planText, '21/KH-PGDĐT', 1, 3),
    });
    expect(location).toMatchObject({ uri: parentUri });
    const none = await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: planUri },
      position: positionOf(planText, '125/2021/NĐ-CP', 1, 3),
    });
    expect(none).toBeNull();
  });

  it('colours citations, dates and deadlines with semantic tokens', async () => {
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: planUri } });
    const data = tokens!.data;
    expect(data.length % 5).toBe(0);
    const decoded: { line: number; character: number; length: number; type: number }[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      decoded.push({ line, character, length: data[i + 2], type: data[i + 3] });
    }
    const citation = positionOf(planText, 'Nghị định số 125/2021/NĐ-CP');
    expect(decoded).toContainEqual({ ...citation, length: 'Nghị định số 125/2021/NĐ-CP'.length, type: 0 });
    const date = positionOf(planText, '28/12/2021');
    expect(decoded.some((token) => token.line === date.line && token.type === 1)).toBe(true);
  });
});
