import { complianceSectionHtml } from '../compliance-html.js';
import { REASON_TEXT, ruleVerdict } from '../outcome.js';
import type { NotApplicableReason } from '../../governance/types.js';
import type { Diagnostic, Locale } from '../../engine/diagnostic.js';
import { countsOf, displayPath, sortedDiagnostics, totalCounts } from './counts.js';
import type { Formatter, ReportContext, ReportFile, ReportRule, SuppressedDiagnostic } from './types.js';

const LABELS: Record<Locale, Record<string, string>> = {
  vi: {
    title: 'Báo cáo kiểm tra kế hoạch (plan-lint)',
    generated: 'Lập lúc',
    plans: 'Kế hoạch',
    errors: 'Lỗi',
    warnings: 'Cảnh báo',
    waived: 'Được miễn',
    unreadable: 'Không đọc được',
    passingPlans: 'Kế hoạch không có lỗi',
    packs: 'Bộ quy tắc đã dùng',
    pack: 'Bộ quy tắc',
    version: 'Phiên bản',
    matrix: 'Kế hoạch × quy tắc',
    findings: 'Chi tiết',
    filters: 'Lọc',
    severity: 'Mức độ',
    all: 'Tất cả',
    rule: 'Quy tắc',
    file: 'Tên tệp chứa',
    showWaived: 'Hiện các mục được miễn',
    shown: 'Đang hiện',
    line: 'Dòng',
    message: 'Nội dung',
    excerpt: 'Trích đoạn',
    passed: 'đạt',
    failed: 'không đạt',
    failedError: 'có lỗi',
    failedWarning: 'có cảnh báo',
    notRead: 'không đọc được',
    na: 'không áp dụng',
    waivedCell: 'được miễn',
    off: 'tắt',
    legend: 'Chú giải',
    error: 'lỗi',
    warning: 'cảnh báo',
    noFindings: 'Không có vấn đề nào.',
  },
  en: {
    title: 'Plan check report (plan-lint)',
    generated: 'Generated',
    plans: 'Plans',
    errors: 'Errors',
    warnings: 'Warnings',
    waived: 'Waived',
    unreadable: 'Unreadable',
    passingPlans: 'Plans without errors',
    packs: 'Rule packs used',
    pack: 'Pack',
    version: 'Version',
    matrix: 'Plans × rules',
    findings: 'Findings',
    filters: 'Filters',
    severity: 'Severity',
    all: 'All',
    rule: 'Rule',
    file: 'File name contains',
    showWaived: 'Show waived findings',
    shown: 'Shown',
    line: 'Line',
    message: 'Message',
    excerpt: 'Excerpt',
    passed: 'passed',
    failed: 'failed',
    failedError: 'errors',
    failedWarning: 'warnings',
    notRead: 'not read',
    na: 'not applicable',
    waivedCell: 'waived',
    off: 'off',
    legend: 'Legend',
    error: 'error',
    warning: 'warning',
    noFindings: 'No problems.',
  },
};

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

type CellState = 'passed' | 'failed' | 'waived' | 'not-applicable' | 'unreadable';

/** What each state shows: a distinct sign as well as a colour, so that it reads in print and for the colour-blind. */
const SIGN = { passed: '\u2714', error: '\u2716', warning: '\u25B2', waived: '\u2298', 'not-applicable': '\u2205', unreadable: '?' } as const;

/** "06/12/2026 21:38 UTC" (vi) or "6 Dec 2026, 21:38 UTC" (en): the page's script rewrites it in the reader's own time zone. */
function generatedText(date: Date, locale: Locale): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  if (locale === 'vi') return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()} ${time} UTC`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getUTCMonth()];
  return `${date.getUTCDate()} ${month} ${date.getUTCFullYear()}, ${time} UTC`;
}

/**
 * The report a Phòng GD&ĐT reads after linting its schools' plans: one self-contained page
 * (inline CSS and script, a CSP that forbids every fetch) with the counts, the packs and their
 * versions, a plans × rules table, and every finding with its line and excerpt, filterable.
 */
export const formatHtml: Formatter = (files, context) => {
  const t = LABELS[context.locale];
  const rules = rulesShown(files, context);
  const total = totalCounts(files);
  const waivedTotal = files.reduce((sum, file) => sum + (file.suppressed?.length ?? 0), 0);
  const unreadable = files.filter((file) => file.fatal).length;
  const passingPlans = files.filter((file) => !file.fatal && countsOf(file).errorCount === 0).length;
  const generatedAt = context.now ?? new Date();
  const now = generatedAt.toISOString();

  const summary = [
    ['plans', 'count-plans', files.length],
    ['errors', 'count-errors', total.errorCount],
    ['warnings', 'count-warnings', total.warningCount],
    ['waived', 'count-waived', waivedTotal],
    ['unreadable', 'count-unreadable', unreadable],
    ['passingPlans', 'count-passing-plans', passingPlans],
  ] as const;

  // Rule titles in the reader's language; the id (what configs and disables name) in the tooltip.
  const matrixHead = rules
    .map((rule) => {
      const tooltip = [rule.id, rule.description, rule.pack].filter(Boolean).join(' \u2014 ');
      return `<th scope="col" class="rule-head" data-rule="${escapeHtml(rule.id)}" title="${escapeHtml(tooltip)}"><a href="${escapeHtml(rule.docsUrl)}">${escapeHtml(rule.title ?? rule.id)}</a></th>`;
    })
    .join('');
  const matrixRows = files
    .map((file) => {
      const path = displayPath(file.filePath, context.cwd);
      const cells = rules
        .map((rule) => {
          const { state, count, severity, reason } = cellOf(file, rule);
          const sign = state === 'failed' ? SIGN[severity ?? 'error'] : SIGN[state];
          const text = state === 'failed' || state === 'waived' ? `${sign} ${count}` : sign;
          const label =
            state === 'failed'
              ? `${severity === 'warning' ? t.failedWarning : t.failedError}: ${count}`
              : state === 'not-applicable'
                ? `${t.na}${reason ? `: ${REASON_TEXT[context.locale][reason]}` : ''}`
                : { passed: t.passed, waived: t.waivedCell, unreadable: t.notRead }[state];
          const classes = `cell ${state}${state === 'failed' ? ` sev-${severity}` : ''}`;
          const data = `data-state="${state}"${severity ? ` data-severity="${severity}"` : ''}${reason ? ` data-reason="${reason}"` : ''}`;
          return `<td class="${classes}" ${data} data-rule="${escapeHtml(rule.id)}" title="${escapeHtml(`${rule.title ?? rule.id}: ${label}`)}">${text}</td>`;
        })
        .join('');
      return `<tr data-file="${escapeHtml(path)}"><th scope="row">${escapeHtml(path)}</th>${cells}</tr>`;
    })
    .join('\n');

  const titles = new Map(rules.map((rule) => [rule.id, rule.title ?? rule.id]));
  const findings = files.map((file) => fileSection(file, context, t, titles)).join('\n');
  const ruleOptions = rules.map((rule) => `<option value="${escapeHtml(rule.id)}">${escapeHtml(rule.title ?? rule.id)}</option>`).join('');
  const packRows = context.packs
    .map((pack) => `<tr class="pack"><td>${escapeHtml(pack.name)}</td><td class="pack-version">${escapeHtml(pack.version)}</td></tr>`)
    .join('');

  return `<!doctype html>
<html lang="${context.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="plan-lint ${escapeHtml(context.version)}">
<title>${escapeHtml(t.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(t.title)}</h1>
<p class="meta">${escapeHtml(t.generated)}: <time id="generated" datetime="${now}">${escapeHtml(generatedText(generatedAt, context.locale))}</time> · plan-lint ${escapeHtml(context.version)}</p>
</header>
<section id="summary" aria-label="summary">
${summary.map(([key, id, value]) => `<div class="tile ${key}${value === 0 ? ' zero' : ''}"><span class="label">${escapeHtml(t[key])}</span><span class="value" id="${id}" data-count="${value}">${value}</span></div>`).join('\n')}
</section>
<section id="packs"><h2>${escapeHtml(t.packs)}</h2>
<table><thead><tr><th>${escapeHtml(t.pack)}</th><th>${escapeHtml(t.version)}</th></tr></thead><tbody>${packRows}</tbody></table>
</section>
<section id="matrix"><h2>${escapeHtml(t.matrix)}</h2>
<div class="scroll"><table id="matrix-table"><thead><tr><th scope="col">${escapeHtml(t.plans)}</th>${matrixHead}</tr></thead>
<tbody>
${matrixRows}
</tbody></table></div>
<p class="legend">${escapeHtml(t.legend)}: <span class="cell passed">${SIGN.passed}</span> ${escapeHtml(t.passed)} · <span class="cell failed sev-error">${SIGN.error}</span> ${escapeHtml(t.failedError)} · <span class="cell failed sev-warning">${SIGN.warning}</span> ${escapeHtml(t.failedWarning)} · <span class="cell waived">${SIGN.waived}</span> ${escapeHtml(t.waivedCell)} · <span class="cell not-applicable">${SIGN['not-applicable']}</span> ${escapeHtml(t.na)} · <span class="cell unreadable">${SIGN.unreadable}</span> ${escapeHtml(t.notRead)}</p>
</section>
${complianceSectionHtml(files, context, escapeHtml)}
<section id="filters"><h2>${escapeHtml(t.filters)}</h2>
<label>${escapeHtml(t.severity)} <select id="filter-severity"><option value="">${escapeHtml(t.all)}</option><option value="error">${escapeHtml(t.error)}</option><option value="warning">${escapeHtml(t.warning)}</option></select></label>
<label>${escapeHtml(t.rule)} <select id="filter-rule"><option value="">${escapeHtml(t.all)}</option>${ruleOptions}</select></label>
<label>${escapeHtml(t.file)} <input id="filter-file" type="search"></label>
<label><input id="filter-waived" type="checkbox" checked> ${escapeHtml(t.showWaived)}</label>
<span>${escapeHtml(t.shown)}: <output id="visible-count">0</output></span>
</section>
<section id="findings"><h2>${escapeHtml(t.findings)}</h2>
${findings}
</section>
<script>${SCRIPT}</script>
</body>
</html>
`;
};

function rulesShown(files: readonly ReportFile[], context: ReportContext): ReportRule[] {
  const byId = new Map<string, ReportRule>();
  for (const rule of context.rules) if (rule.severity !== 'off') byId.set(rule.id, rule);
  for (const file of files) {
    for (const diagnostic of [...file.diagnostics, ...(file.suppressed ?? [])]) {
      if (!byId.has(diagnostic.ruleId)) {
        byId.set(diagnostic.ruleId, { id: diagnostic.ruleId, pack: diagnostic.pack, severity: diagnostic.severity, docsUrl: diagnostic.docsUrl });
      }
    }
  }
  return [...byId.values()];
}

interface Cell {
  state: CellState;
  count: number;
  /** Of a failed cell: the worst severity among its findings. */
  severity?: 'error' | 'warning';
  reason?: NotApplicableReason;
}

/** One plan × rule cell, decided as the compliance record decides (report/outcome.ts). */
function cellOf(file: ReportFile, rule: ReportRule): Cell {
  if (file.fatal) return { state: 'unreadable', count: 0, reason: 'unreadable' };
  const found = file.diagnostics.filter((diagnostic) => diagnostic.ruleId === rule.id);
  const waived = (file.suppressed ?? []).filter((diagnostic) => diagnostic.ruleId === rule.id).length;
  const application = file.governance?.rules.find((candidate) => candidate.ruleId === rule.id) ?? {
    applies: rule.severity !== 'off',
    ...(rule.severity === 'off' ? { reason: 'off' as const } : {}),
  };
  const { outcome, reason } = ruleVerdict(application, found.length, waived);
  if (outcome === 'failed') return { state: 'failed', count: found.length, severity: found.some((d) => d.severity === 'error') ? 'error' : 'warning' };
  if (outcome === 'waived') return { state: 'waived', count: waived };
  if (outcome === 'not-applicable') return { state: 'not-applicable', count: 0, ...(reason ? { reason } : {}) };
  return { state: 'passed', count: 0 };
}

function fileSection(file: ReportFile, context: ReportContext, t: Record<string, string>, titles: Map<string, string>): string {
  const path = displayPath(file.filePath, context.cwd);
  const lines = file.text?.split(/\r\n|\r|\n/);
  const rows: string[] = [];
  if (file.fatal) {
    rows.push(
      `<tr class="finding fatal" data-severity="error" data-rule="" data-waived="false"><td class="place">${file.fatal.line ?? 1}:${file.fatal.column ?? 1}</td><td class="severity error">${escapeHtml(t.error)}</td><td class="rule">${escapeHtml(t.unreadable)}</td><td class="message">${escapeHtml(file.fatal.message)}</td></tr>`,
    );
  }
  const row = (diagnostic: Diagnostic | SuppressedDiagnostic, waived: boolean) => {
    const { start } = diagnostic.position;
    const justification = waived ? (diagnostic as SuppressedDiagnostic).justification : undefined;
    return `<tr class="finding${waived ? ' waived' : ''}" data-severity="${diagnostic.severity}" data-rule="${escapeHtml(diagnostic.ruleId)}" data-waived="${waived}">
<td class="place">${start.line}:${start.column}</td><td class="severity ${diagnostic.severity}">${escapeHtml(waived ? t.waived : t[diagnostic.severity])}</td>
<td class="rule" title="${escapeHtml(diagnostic.ruleId)}"><a href="${escapeHtml(diagnostic.docsUrl)}">${escapeHtml(titles.get(diagnostic.ruleId) ?? diagnostic.ruleId)}</a></td>
<td class="message">${escapeHtml(diagnostic.message)}${justification ? `<div class="justification">${escapeHtml(justification)}</div>` : ''}${excerpt(diagnostic, lines)}</td></tr>`;
  };
  for (const diagnostic of sortedDiagnostics(file.diagnostics)) rows.push(row(diagnostic, false));
  for (const diagnostic of sortedDiagnostics(file.suppressed ?? [])) rows.push(row(diagnostic, true));
  const body = rows.length
    ? `<table class="findings"><thead><tr><th>${escapeHtml(t.line)}</th><th>${escapeHtml(t.severity)}</th><th>${escapeHtml(t.rule)}</th><th>${escapeHtml(t.message)}</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`
    : `<p class="clean">${escapeHtml(t.noFindings)}</p>`;
  return `<article class="file" data-file="${escapeHtml(path)}"><h3>${escapeHtml(path)}</h3>\n${body}</article>`;
}

/** The lines of the finding (at most three), the finding's range marked. */
function excerpt(diagnostic: Diagnostic, lines: string[] | undefined): string {
  if (!lines) return '';
  const { start, end } = diagnostic.position;
  const last = Math.min(end.line, start.line + 2, lines.length);
  const out: string[] = [];
  for (let number = start.line; number <= last; number++) {
    const text = lines[number - 1] ?? '';
    const from = number === start.line ? start.column - 1 : 0;
    const to = number === end.line ? Math.max(from, end.column - 1) : text.length;
    out.push(
      `<span class="ln">${number}</span>${escapeHtml(text.slice(0, from))}<mark>${escapeHtml(text.slice(from, to))}</mark>${escapeHtml(text.slice(to))}`,
    );
  }
  return `<pre class="excerpt">${out.join('\n')}</pre>`;
}

const STYLE = `
:root{font-family:"Noto Sans","Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif;color:#1f2328;background:#fff}
body{margin:0 auto;max-width:1200px;padding:1rem 1.5rem}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}h3{font-size:1rem;margin:1rem 0 .3rem}
.meta{color:#59636e;margin:0}
#summary{display:flex;flex-wrap:wrap;gap:.6rem;margin-top:1rem}
.tile{border:1px solid #d1d9e0;border-radius:6px;padding:.5rem .8rem;min-width:8rem}
.tile .label{display:block;color:#59636e;font-size:.85rem}.tile .value{font-size:1.6rem;font-weight:600}
.tile.errors .value,.tile.unreadable .value{color:#cf222e}.tile.warnings .value{color:#9a6700}.tile.waived .value{color:#6e7781}
.tile.zero .value{color:#59636e;font-weight:400}
table{border-collapse:collapse}th,td{border:1px solid #d1d9e0;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f6f8fa}.scroll{overflow-x:auto}
#matrix-table td.cell{text-align:center;white-space:nowrap}
#matrix-table th.rule-head{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;vertical-align:bottom;padding:.5rem .3rem;font-weight:500;max-height:12rem}
#matrix-table th.rule-head a{color:inherit;text-decoration:none}
.cell.passed{background:#dafbe1;color:#1a7f37}
.cell.failed.sev-error{background:#ffebe9;color:#cf222e;font-weight:600}
.cell.failed.sev-warning{background:#fff8c5;color:#7d4e00;font-weight:600}
.cell.waived{background:#eaeef2;color:#57606a}
.cell.not-applicable{background:repeating-linear-gradient(135deg,#f6f8fa 0 4px,#fff 4px 8px);color:#6e7781}
.cell.unreadable{background:#f6f8fa;color:#8c959f}
.legend .cell{display:inline-block;min-width:1.4em;text-align:center;border:1px solid #d1d9e0;border-radius:3px}
#compliance td.count{text-align:right}#compliance td.count.failed{color:#cf222e;font-weight:600}#compliance td.count.passed{color:#1a7f37}#compliance td.count.zero{color:#8c959f;font-weight:400}
.severity.error{color:#cf222e}.severity.warning{color:#7d4e00}tr.waived{opacity:.7}
.excerpt{margin:.3rem 0 0;padding:.3rem .5rem;background:#f6f8fa;white-space:pre-wrap;font-size:.9rem;font-family:inherit}
.excerpt .ln{color:#8c959f;margin-right:.6rem;user-select:none}mark{background:#fff8c5}
#filters label{margin-right:1rem}.legend{color:#59636e;font-size:.85rem}.justification{color:#57606a;font-style:italic}
tr.hidden,article.hidden{display:none}
@page{size:A4 landscape;margin:12mm}
@media print{
  :root{font-size:9pt}body{max-width:none;padding:0}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  #filters,script{display:none}
  .scroll{overflow:visible}
  #matrix-table{width:100%;table-layout:fixed}
  #matrix-table th,#matrix-table td{padding:.15rem .1rem;font-size:8pt}
  #matrix-table thead th:first-child{width:24%}
  #matrix-table tbody th{word-break:break-all;font-weight:500}
  #matrix-table td.cell{vertical-align:middle}
  #matrix-table th.rule-head{max-height:none;height:11rem;overflow:hidden}
  tr,td,th,.tile,article.file h3{break-inside:avoid}
  thead{display:table-header-group}
  section#findings{break-before:page}
  a{color:inherit;text-decoration:none}
  tr.hidden,article.hidden{display:revert}
}
`;

const SCRIPT = `
(function(){
  var severity=document.getElementById('filter-severity'),rule=document.getElementById('filter-rule'),
      file=document.getElementById('filter-file'),waived=document.getElementById('filter-waived'),
      shown=document.getElementById('visible-count');
  function apply(){
    var count=0,needle=file.value.toLowerCase();
    document.querySelectorAll('article.file').forEach(function(article){
      var fileMatch=article.getAttribute('data-file').toLowerCase().indexOf(needle)!==-1,visibleInFile=0;
      article.querySelectorAll('tr.finding').forEach(function(row){
        var ok=fileMatch&&(!severity.value||row.getAttribute('data-severity')===severity.value)
          &&(!rule.value||row.getAttribute('data-rule')===rule.value)
          &&(waived.checked||row.getAttribute('data-waived')!=='true');
        row.classList.toggle('hidden',!ok);if(ok){visibleInFile++;count++;}
      });
      article.classList.toggle('hidden',!fileMatch);
    });
    document.querySelectorAll('#matrix-table tbody tr').forEach(function(row){
      row.classList.toggle('hidden',row.getAttribute('data-file').toLowerCase().indexOf(needle)===-1);
    });
    shown.textContent=String(count);
  }
  // The generation time in the reader's own time zone and the report's language.
  var time=document.getElementById('generated');
  try{var when=new Date(time.getAttribute('datetime'));
    var vi=document.documentElement.lang==='vi';
    time.textContent=new Intl.DateTimeFormat(vi?'vi-VN':'en-GB',{day:vi?'2-digit':'numeric',month:vi?'2-digit':'short',year:'numeric',hour:'2-digit',minute:'2-digit',hour12:false,timeZoneName:'short'}).format(when);}catch(e){}
  [severity,rule,waived].forEach(function(el){el.addEventListener('change',apply);});
  file.addEventListener('input',apply);
  apply();
})();
`;
