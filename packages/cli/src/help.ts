import { cliLocale, type CliLocale } from './locale.js';

export type HelpTopic = keyof (typeof HELP)['en'];

/** A command's `--help` in the run's language. */
export function help(topic: HelpTopic, locale: CliLocale = cliLocale()): string {
  return HELP[locale][topic];
}

/** `--help` of each command, in both languages. Kept as plain text so that printing it loads nothing else. */
const HELP = {
  vi: {
    lint: `Cách dùng: plan-lint [tuỳ chọn] [TỆP|THƯ MỤC|MẪU ...|-]

Kiểm tra kế hoạch hành chính (Kế hoạch): .md, .txt, .docx và .pdf.
Thư mục được duyệt tìm các đuôi đó; bỏ qua tệp theo .gitignore, .planlintignore, "ignores" của
cấu hình và các tệp mặc định (README*, CHANGELOG*, LICENSE*, CONTRIBUTING*, node_modules, báo cáo
và bộ nhớ đệm của plan-lint, bản *.review.docx). Không nêu TỆP thì kiểm tra thư mục hiện tại.
"-" đọc kế hoạch từ đầu vào chuẩn.

Tuỳ chọn:
  --parent TỆP           kế hoạch của cấp trên (mọi định dạng); dữ kiện của nó được dùng khi xét quy tắc
  --pack TÊN|TỆP|URL     bộ quy tắc (lặp lại được); mặc định: theo cấu hình, nếu không có thì bộ recommended
  --config TỆP           mặc định: plan-lint.config.json (hoặc .planlintrc.json) tìm từ thư mục lên trên
  --format TÊN           stylish (mặc định) | json | sarif | junit | github | html | compliance
  --output TỆP, -o       ghi báo cáo vào TỆP thay vì đầu ra chuẩn
  --fix                  áp dụng các sửa an toàn (chỉ tệp Markdown và văn bản)
  --fix-dry-run          in phần thay đổi (diff) mà --fix sẽ làm, không ghi tệp
  --locale vi|en         ngôn ngữ của mọi dòng được in (mặc định vi; hoặc "locale" của cấu hình, LANG)
  --max-warnings N       thoát với mã 1 khi số cảnh báo vượt quá N
  --quiet                chỉ báo lỗi
  --ignore-pattern MẪU   bỏ qua các tệp khớp MẪU (lặp lại được; "!MẪU" để không bỏ qua)
  --no-ignore            không bỏ qua tệp nào (kể cả .planlintignore, "ignores" và mặc định)
  --stdin-filename TÊN   với "-": tên dùng cho kế hoạch đọc từ đầu vào chuẩn (đuôi tệp, cấu hình)
  --print-config TỆP     in cấu hình thực tế áp dụng cho TỆP (JSON), không kiểm tra
  --cache                chỉ kiểm tra lại các tệp đã đổi nội dung, bộ quy tắc hoặc phiên bản plan-lint
  --cache-location TM    nơi lưu bộ nhớ đệm (mặc định .plan-lint-cache)
  --update-lock          ghi các bộ quy tắc URL đã thay đổi vào plan-lint.lock.json (nếu không, khác biệt là lỗi)
  --no-color             không tô màu, kể cả trên terminal (hoặc NO_COLOR=1; FORCE_COLOR=1 để luôn tô)
  --version, -v          in phiên bản plan-lint
  --help, -h             in hướng dẫn này

Lệnh:
  plan-lint convert TỆP                  kế hoạch dạng Markdown sửa được (docx/pdf/txt/md), qua unified
  plan-lint review TỆP.docx -o BẢN.docx   bản Word có nhận xét (comment) của plan-lint tại từng lỗi
  plan-lint inspect TỆP [--json]         cây cú pháp: đề mục, bảng, thực thể, thời hạn, chủ đề
  plan-lint pack derive CẤP-TRÊN -o TỆP  bộ quy tắc cho cấp dưới, lấy từ kế hoạch của cấp trên
  plan-lint pack test BỘ                 chạy các ví dụ của một bộ quy tắc
  plan-lint pack diff CŨ MỚI [TỆP]       các kế hoạch có kết quả thay đổi giữa hai phiên bản bộ quy tắc
  plan-lint explain TỆP [QUY-TẮC]        vì sao mỗi quy tắc báo hay không, và lớp nào đặt mức độ
  plan-lint mcp                          máy chủ MCP qua stdio (kiểm tra, giải thích, liệt kê quy tắc)
  plan-lint rules [--at NGÀY]            liệt kê quy tắc, mức độ và tài liệu (có hiệu lực vào NGÀY)
  plan-lint init                         tạo tệp cấu hình và một kế hoạch mẫu
Chạy "plan-lint LỆNH --help" để xem tuỳ chọn của từng lệnh.

Mã thoát: 0 không có lỗi; 1 có lỗi (hoặc số cảnh báo vượt --max-warnings); 2 lỗi cách gọi, cấu hình,
bộ quy tắc hoặc tệp đầu vào.
`,
    review: `Cách dùng: plan-lint review TỆP.docx [-o BẢN.docx] | TỆP.docx|THƯ-MỤC ... --output-dir THƯ-MỤC

Kiểm tra từng kế hoạch Word và ghi một bản sao có nhận xét (comment) của Word tại từng lỗi: nhận xét
gắn đúng vào chữ bị nêu, tác giả "plan-lint", gồm thông báo, mã quy tắc và đường dẫn tài liệu, và cách
sửa nếu có. Ngoài các nhận xét, bản sao giữ nguyên văn bản và mọi phần khác của tệp. Chỉ nhận tệp
.docx; với .md, .txt, .pdf hãy dùng báo cáo HTML (plan-lint TỆP --format html -o bao-cao.html).

Tuỳ chọn:
  --output TỆP, -o       ghi bản nhận xét vào TỆP (một kế hoạch); mặc định TÊN.review.docx cạnh kế hoạch
  --output-dir THƯ-MỤC   ghi TÊN.review.docx của từng kế hoạch vào THƯ-MỤC (giữ thư mục con)
  --parent TỆP           kế hoạch của cấp trên
  --pack TÊN|TỆP|URL     bộ quy tắc (lặp lại được)
  --config TỆP           tệp cấu hình
  --locale vi|en         ngôn ngữ của nhận xét và của mọi dòng được in
  --help, -h             in hướng dẫn này

Mã thoát: 0 không có lỗi; 1 có lỗi; 2 lỗi cách gọi, cấu hình, tệp đầu vào, hoặc tệp không phải Word.
`,
    convert: `Cách dùng: plan-lint convert TỆP [--text]

Viết TỆP (.docx, .pdf, .txt hoặc .md) thành Markdown sửa được: giữ đề mục, ký hiệu đánh số như đã
viết (I. 1.1. a) đ) - +) và bảng, nối các dòng bị ngắt; plan-lint đọc lại kết quả cho cùng dữ kiện.

Tuỳ chọn:
  --text              in văn bản mà plan-lint kiểm tra; số dòng và cột trong báo cáo tính theo văn
                      bản này, nên có thể dò theo đó các lỗi trong kế hoạch Word hoặc PDF
  --output TỆP, -o    ghi kết quả vào TỆP
  --help, -h          in hướng dẫn này
`,
    inspect: `Cách dùng: plan-lint inspect TỆP [--json]

In kế hoạch đã phân tích như người viết bộ quy tắc cần: thông tin văn bản, căn cứ, các đề mục và
loại của chúng, các thực thể tìm được (trích dẫn, ngày, thời hạn, kinh phí, đơn vị, nơi nhận,
người ký), mỗi thứ kèm số dòng, và cây văn bản: đề mục, mục kèm ký hiệu đánh số, bảng theo từng
dòng (docs/document-tree.md).

Tuỳ chọn:
  --json              toàn bộ cây cú pháp và cây văn bản dạng JSON (ngày theo ISO 8601)
  --output TỆP, -o    ghi vào TỆP
  --help, -h          in hướng dẫn này
`,
    pack: `Cách dùng: plan-lint pack derive CẤP-TRÊN -o TỆP
           plan-lint pack test BỘ
           plan-lint pack diff CŨ MỚI [TỆP|THƯ MỤC ...]

  derive   chuyển kế hoạch của cấp trên (mọi định dạng) thành bộ quy tắc cho cấp dưới
  test     chạy các ví dụ của bộ quy tắc, như RuleTester của ESLint
  diff     kiểm tra một tập kế hoạch bằng hai phiên bản bộ quy tắc; liệt kê kế hoạch có kết quả thay đổi

Chạy "plan-lint pack derive --help" hoặc "plan-lint pack test --help" để xem tuỳ chọn.
`,
    'pack derive': `Cách dùng: plan-lint pack derive CẤP-TRÊN -o TỆP

Tạo bộ quy tắc từ kế hoạch của cấp trên: số, ký hiệu và ngày, các thời hạn và Tháng hành động
trở thành dữ kiện cấp trên của bộ quy tắc, cùng với các quy tắc recommended.

Tuỳ chọn:
  --output TỆP, -o    nơi ghi bộ quy tắc (JSON); không nêu thì in ra đầu ra chuẩn
  --name TÊN          tên bộ quy tắc (mặc định: theo ký hiệu của kế hoạch)
  --version V         phiên bản bộ quy tắc (mặc định 1.0.0)
  --help, -h          in hướng dẫn này
`,
    'pack test': `Cách dùng: plan-lint pack test BỘ

Chạy các ví dụ kèm theo bộ quy tắc: kế hoạch đúng không được có thông báo nào, kế hoạch sai phải có
đúng các thông báo đã khai. Thoát với mã 1 khi một ví dụ sai, 2 khi không nạp được bộ quy tắc; bộ
không có ví dụ nào thì báo "không có gì để kiểm tra" và thoát với mã 0.

Tuỳ chọn:
  --help, -h          in hướng dẫn này
`,
    rules: `Cách dùng: plan-lint rules [tuỳ chọn]

Liệt kê các quy tắc đang áp dụng (theo cấu hình, hoặc --pack), với bộ quy tắc, mức độ, khả năng tự
sửa và liên kết tài liệu.

Tuỳ chọn:
  --pack TÊN|TỆP|URL     bộ quy tắc (lặp lại được)
  --config TỆP           tệp cấu hình
  --json                 dạng JSON
  --at NGÀY              chỉ những gì áp dụng vào NGÀY (YYYY-MM-DD hoặc một năm), kèm căn cứ pháp lý
  --locale vi|en         ngôn ngữ của phần mô tả
  --help, -h             in hướng dẫn này
`,
    init: `Cách dùng: plan-lint init [tuỳ chọn]

Ghi plan-lint.config.json và một kế hoạch mẫu (Markdown, đủ các phần một kế hoạch đạt yêu cầu cần
có) vào thư mục hiện tại. Tệp đã có được giữ nguyên, trừ khi dùng --force.

Tuỳ chọn:
  --template TỆP      tên tệp kế hoạch mẫu (mặc định ke-hoach.md)
  --force             ghi đè tệp đã có
  --help, -h          in hướng dẫn này
`,
    'pack diff': `Cách dùng: plan-lint pack diff CŨ MỚI [TỆP|THƯ MỤC|MẪU ...] [tuỳ chọn]

Kiểm tra một tập kế hoạch bằng hai phiên bản của một bộ quy tắc (tên, tệp hoặc URL có mã băm) và
liệt kê các kế hoạch có kết quả thay đổi, theo từng quy tắc: điều cấp trên cần xem trước khi ban
hành bộ quy tắc mới. Mỗi kế hoạch giữ cấu hình của mình (cấp trên, mức độ, miễn trừ); chỉ bộ quy
tắc được thay. Mã thoát: 0 không kế hoạch nào thay đổi, 1 có kế hoạch thay đổi, 2 lỗi cách gọi,
bộ quy tắc hoặc tệp đầu vào.

Tuỳ chọn:
  --json              các thay đổi dạng JSON
  --config TỆP, -c    một cấu hình cho mọi kế hoạch (mặc định: cấu hình gần nhất của từng kế hoạch)
  --locale vi|en      (mặc định vi)
  --output TỆP, -o    ghi vào TỆP
  --help, -h          in hướng dẫn này
`,
    explain: `Cách dùng: plan-lint explain TỆP [QUY-TẮC] [tuỳ chọn]

Vì sao mỗi quy tắc báo hay không trên TỆP: các dữ kiện đã đọc (kèm vị trí dòng:cột), điều kiện
quyết định, và lớp nào đặt mức độ (bộ quy tắc, extends, cấu hình, override, miễn trừ).

Tuỳ chọn:
  --config TỆP, -c    cấu hình (mặc định: plan-lint.config.json gần nhất tìm lên trên)
  --pack TÊN|TỆP      bộ quy tắc (lặp lại được), thay cho bộ trong cấu hình
  --parent TỆP        kế hoạch của cấp trên
  --locale vi|en      ngôn ngữ của phần giải thích (mặc định vi)
  --json              phần giải thích dạng JSON
  --output TỆP, -o    ghi vào TỆP
  --help, -h          in hướng dẫn này
`,
    mcp: `Cách dùng: plan-lint mcp [--root TM] [--config TỆP] [--allow-network]

Máy chủ MCP (Model Context Protocol) qua đầu vào và đầu ra chuẩn, cho các trợ lý. Công cụ:
  lint_plan        kiểm tra một kế hoạch (đường dẫn, hoặc nội dung): kết quả kèm vị trí, kết quả được miễn trừ
  explain_finding  vì sao một quy tắc báo hay không: dữ kiện, điều kiện quyết định, các lớp mức độ
  list_rules       các quy tắc của bộ đang dùng, kèm căn cứ pháp lý, khoá và thời gian hiệu lực
Máy chủ chỉ làm việc trong thư mục gốc (--root, mặc định thư mục nơi máy chủ được khởi động): đường dẫn
và fileName nằm ngoài thư mục đó bị từ chối, không tìm tệp cấu hình phía trên nó. Bộ quy tắc URL chỉ lấy
từ bộ nhớ đệm, trừ khi có --allow-network. Thông điệp trên 10 MB được trả lời bằng lỗi JSON-RPC.
`,
  },
  en: {
    lint: `Usage: plan-lint [options] [FILE|DIR|GLOB ...|-]

Lint Vietnamese administrative plans (Kế hoạch): .md, .txt, .docx and .pdf.
Directories are walked for those extensions, skipping what .gitignore, .planlintignore, the config's
"ignores" and the default ignores name (README*, CHANGELOG*, LICENSE*, CONTRIBUTING*, node_modules,
plan-lint's own reports and cache, *.review.docx). With no FILE, the current directory is linted.
"-" reads the plan from standard input.

Options:
  --parent FILE          the superior's plan (any input format); its facts join the rules' facts
  --pack NAME|FILE|URL   a rule pack (repeatable); default: the config's, else the recommended set
  --config FILE          default: plan-lint.config.json (or .planlintrc.json) found upward
  --format NAME          stylish (default) | json | sarif | junit | github | html | compliance
  --output FILE, -o      write the report to FILE instead of standard output
  --fix                  apply the safe fixes (Markdown and text files only)
  --fix-dry-run          print what --fix would change as a unified diff; write nothing
  --locale vi|en         language of every line printed (default vi; also the config's "locale", LANG)
  --max-warnings N       exit 1 when warnings exceed N
  --quiet                report errors only
  --ignore-pattern GLOB  skip files matching GLOB (repeatable; "!GLOB" to keep them)
  --no-ignore            skip nothing (no .planlintignore, "ignores" or default ignores)
  --stdin-filename NAME  with "-": the name of the plan read from standard input (extension, config)
  --print-config FILE    print the effective config for FILE as JSON; lint nothing
  --cache                only re-lint files whose content, packs or plan-lint version changed
  --cache-location DIR   where the cache lives (default .plan-lint-cache)
  --update-lock          record changed URL packs in plan-lint.lock.json (else a difference is an error)
  --no-color             no colours even on a terminal (also NO_COLOR=1; FORCE_COLOR=1 forces them)
  --version, -v          print plan-lint's version
  --help, -h             print this help

Commands:
  plan-lint convert FILE                 the plan as editable Markdown (docx/pdf/txt/md), via unified
  plan-lint review FILE.docx -o COPY.docx  a copy of the Word plan with a Word comment at each finding
  plan-lint inspect FILE [--json]        the AST: outline, tables, entities, bound deadlines, topic
  plan-lint pack derive PARENT -o FILE   a pack for subordinates, from a superior's plan
  plan-lint pack test PACK               run a pack's own examples
  plan-lint pack diff OLD NEW [FILES]    plans whose outcome changes between two pack versions
  plan-lint explain FILE [RULE]          why each rule fired or not, and which layer set its severity
  plan-lint mcp                          an MCP server over stdio (lint, explain, list rules)
  plan-lint rules [--at DATE]            list rules, with severities and docs links (in force on DATE)
  plan-lint init                         write a config file and a plan template
Run "plan-lint COMMAND --help" for a command's options.

Exit codes: 0 no errors; 1 errors (or warnings over --max-warnings); 2 usage, config, pack or input error.
`,
    review: `Usage: plan-lint review FILE.docx [-o COPY.docx] | FILE.docx|DIR ... --output-dir DIR

Lint each Word plan and write a copy of it with a Word comment at each finding: anchored on the
text the finding is about, authored "plan-lint", with the message, the rule id and its docs link,
and the correction where there is one. Apart from the comments, the copy keeps the text and every
other part of the file. Word files (.docx) only; for .md, .txt and .pdf plans use the HTML report
(plan-lint FILE --format html -o report.html).

Options:
  --output FILE, -o      write the review copy to FILE (one plan); default NAME.review.docx beside the plan
  --output-dir DIR       write each plan's NAME.review.docx into DIR (subfolders kept)
  --parent FILE          the superior's plan
  --pack NAME|FILE|URL   rule pack (repeatable)
  --config FILE          config file
  --locale vi|en         language of the comments and of everything printed
  --help, -h             print this help

Exit codes: 0 no errors; 1 errors; 2 usage, config or input error, or a plan that is not a Word file.
`,
    convert: `Usage: plan-lint convert FILE [--text]

Write FILE (.docx, .pdf, .txt or .md) as editable Markdown: headings, numbering markers as written
(I. 1.1. a) đ) - +) and tables are kept, wrapped lines are joined, and plan-lint reads the result
back with the same facts.

Options:
  --text              print the text plan-lint reads instead; lines and columns in reports refer
                      to it, so a finding in a Word or PDF plan can be followed there
  --output FILE, -o   write the result to FILE
  --help, -h          print this help
`,
    inspect: `Usage: plan-lint inspect FILE [--json]

Print the parsed plan as a pack author needs it: metadata, legal basis, the outline of sections
with their kinds, the entities found (citations, dates, deadlines, money, units, recipients,
signer), each with its line, and the document tree: headings, items with their markers, tables
row by row (docs/document-tree.md).

Options:
  --json              the whole AST and tree as JSON (dates in ISO 8601)
  --output FILE, -o   write to FILE
  --help, -h          print this help
`,
    pack: `Usage: plan-lint pack derive PARENT -o FILE
       plan-lint pack test PACK
       plan-lint pack diff OLD NEW [FILE|DIR ...]

  derive   turn a superior's plan (any input format) into a rule pack for its subordinates
  test     run a pack's own examples, like ESLint's RuleTester
  diff     lint a corpus with two versions of a pack; list the plans whose outcome changes

Run "plan-lint pack derive --help" or "plan-lint pack test --help" for options.
`,
    'pack derive': `Usage: plan-lint pack derive PARENT -o FILE

Derive a rule pack from a superior's plan: its number, symbol and date, its deadlines and the
action month become the pack's parent facts, on top of the recommended rules.

Options:
  --output FILE, -o   where to write the pack (JSON); standard output when omitted
  --name NAME         the pack's name (default: from the plan's symbol)
  --version V         the pack's version (default 1.0.0)
  --help, -h          print this help
`,
    'pack test': `Usage: plan-lint pack test PACK

Run the examples a pack carries: valid plans must give no diagnostics, invalid ones exactly the
diagnostics they declare. Exit 1 when an example fails, 2 when the pack cannot be loaded; a pack
with no examples is reported as having nothing to test, exit 0.

Options:
  --help, -h          print this help
`,
    rules: `Usage: plan-lint rules [options]

List the rules in force (from the config, or --pack), with pack, severity, fixability and docs link.

Options:
  --pack NAME|FILE|URL   a rule pack (repeatable)
  --config FILE          a config file
  --json                 as JSON
  --at DATE              only what applies on DATE (YYYY-MM-DD or a year), with legal basis
  --locale vi|en         language of the descriptions
  --help, -h             print this help
`,
    init: `Usage: plan-lint init [options]

Write plan-lint.config.json and a plan template (Plan Markdown with every section a compliant
plan needs) into the current directory. Existing files are kept unless --force.

Options:
  --template FILE     the template's file name (default ke-hoach.md)
  --force             overwrite existing files
  --help, -h          print this help
`,
    'pack diff': `Usage: plan-lint pack diff OLD NEW [FILE|DIR|GLOB ...] [options]

Lint a corpus of plans with two versions of a pack (names, files or pinned URLs) and list the
plans whose outcome changes, rule by rule: what a superior checks before publishing a new pack.
Each plan keeps its own config (parent, rule settings, waivers); only its packs are replaced.
Exit code: 0 no plan changes, 1 some plans change, 2 usage, pack or input error.

Options:
  --json              the changes as JSON
  --config FILE, -c   one config for every plan (default: each plan's nearest config)
  --locale vi|en      (default vi)
  --output FILE, -o   write to FILE
  --help, -h          print this help
`,
    explain: `Usage: plan-lint explain FILE [RULE] [options]

Why each rule fired or not on FILE: the facts it read (with their line:column ranges), the
condition that decided, and which layer set its severity (pack, extends, config, override, waiver).

Options:
  --config FILE, -c   the config (default: the nearest plan-lint.config.json upward)
  --pack NAME|FILE    a rule pack (repeatable), instead of the config's
  --parent FILE       the superior's plan
  --locale vi|en      language of the explanation (default vi)
  --json              the explanations as JSON
  --output FILE, -o   write to FILE
  --help, -h          print this help
`,
    mcp: `Usage: plan-lint mcp [--root DIR] [--config FILE] [--allow-network]

An MCP server over standard input and output (Model Context Protocol), for assistants. Tools:
  lint_plan        lint a plan (a path, or its text): findings with ranges, waived findings
  explain_finding  why a rule fired or not on a plan: facts, deciding condition, severity layers
  list_rules       the rules of the packs in use, with legal basis, locks and dates in force
The server is confined to a workspace root (--root, default the folder it was started in): tool
paths and a text's fileName outside it are refused, and configs above it are not looked for. URL
packs come from the cache only, unless --allow-network is given. Messages over 10 MB are answered
with a JSON-RPC error.
`,
  },
} satisfies Record<CliLocale, Record<string, string>>;
