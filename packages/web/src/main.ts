// The page: picks or takes dropped plans, hands them to the lint worker, and shows each plan's
// text with its findings marked in place, the findings beside it, the compliance matrix (the HTML
// report itself) and the downloads. Nothing here talks to a network.
import type { Finding, FixRequest, FixResponse, InputFile, LintRequest, LintResponse, Locale, PlanResult, ReviewRequest, ReviewResponse } from './protocol.js';
import { STRINGS } from './strings.js';

const PLAN_EXTENSIONS = /\.(docx|pdf|md|markdown|txt)$/i;

interface State {
  locale: Locale;
  plans: File[];
  parent?: File;
  pack?: File;
  response?: LintResponse;
  selected: number;
}

const state: State = { locale: 'vi', plans: [], selected: 0 };
const worker = new Worker('./worker.js', { type: 'module' });
let nextId = 1;
let pending = 0;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const t = () => STRINGS[state.locale];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function applyStrings(): void {
  const s = t();
  document.documentElement.lang = state.locale;
  document.title = s.title;
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const value = s[node.dataset.text as keyof typeof s];
    if (typeof value === 'string') node.textContent = value;
  }
  $<HTMLInputElement>('filter').placeholder = s.filter;
  for (const button of document.querySelectorAll<HTMLButtonElement>('#locale button')) button.setAttribute('aria-pressed', String(button.dataset.locale === state.locale));
  showChosen();
}

function showChosen(): void {
  const s = t();
  $('plans-chosen').textContent = state.plans.length ? state.plans.map((file) => file.name).join(', ') : s.none;
  $('parent-chosen').textContent = state.parent?.name ?? s.none;
  $('pack-chosen').textContent = state.pack?.name ?? s.none;
}

async function asInput(file: File): Promise<InputFile> {
  return { name: file.name, bytes: await file.arrayBuffer() };
}

async function lint(): Promise<void> {
  if (state.plans.length === 0) return;
  const id = nextId++;
  pending = id;
  document.body.dataset.state = 'working';
  $('status').textContent = t().working(state.plans.length);
  const request: LintRequest = {
    type: 'lint',
    id,
    locale: state.locale,
    plans: await Promise.all(state.plans.map(asInput)),
    ...(state.parent ? { parent: await asInput(state.parent) } : {}),
    ...(state.pack ? { pack: await asInput(state.pack) } : {}),
  };
  worker.postMessage(request, [...request.plans, ...(request.parent ? [request.parent] : []), ...(request.pack ? [request.pack] : [])].map((input) => input.bytes));
}

/** Files made on request (fixed texts, review copies), by request id. */
const waiters = new Map<number, (response: FixResponse | ReviewResponse) => void>();

function ask<R extends FixResponse | ReviewResponse>(request: FixRequest | ReviewRequest): Promise<R> {
  return new Promise((resolve) => {
    waiters.set(request.id, resolve as (response: FixResponse | ReviewResponse) => void);
    worker.postMessage(request);
  });
}

worker.onmessage = (event: MessageEvent<LintResponse | FixResponse | ReviewResponse>) => {
  if (event.data.type !== 'linted') {
    waiters.get(event.data.id)?.(event.data);
    waiters.delete(event.data.id);
    return;
  }
  const response = event.data;
  // A newer run (another file, the other language) replaces this one.
  if (response.id !== pending) return;
  // When the worker's answer reached the page: what the page did until then, it did while the worker linted.
  performance.mark('plan-lint:response');
  document.body.dataset.state = 'rendering';
  state.response = response;
  if (state.selected >= response.plans.length) state.selected = 0;
  render();
  performance.measure('plan-lint:render', 'plan-lint:response');
  document.body.dataset.state = 'done';
};

function render(): void {
  const response = state.response;
  if (!response) return;
  const s = t();
  if (response.error) {
    $('status').textContent = `${s.failed}: ${response.error}`;
    $('status').className = 'status failed';
    $('results').hidden = true;
    return;
  }
  const errors = response.plans.reduce((n, plan) => n + plan.errorCount, 0);
  const warnings = response.plans.reduce((n, plan) => n + plan.warningCount, 0);
  $('status').textContent = s.done(response.plans.length, errors, warnings, (response.millis / 1000).toFixed(1));
  $('status').className = 'status';
  $('results').hidden = false;
  renderDownloads(response);
  renderTabs(response);
  showTab(state.selected);
}

/** A button that saves a file made on the computer (a blob: URL, never a request); `content` may be made on click. */
function download(name: string, content: string | Uint8Array | (() => Promise<string | Uint8Array>), type: string): HTMLButtonElement {
  const button = element('button', { type: 'button', class: 'download', 'data-file': name });
  button.addEventListener('click', async () => {
    button.disabled = true;
    let made: string | Uint8Array;
    try {
      made = typeof content === 'function' ? await content() : content;
    } catch (error) {
      $('status').textContent = `${t().failed}: ${error instanceof Error ? error.message : String(error)}`;
      return;
    } finally {
      button.disabled = false;
    }
    const url = URL.createObjectURL(new Blob([made as BlobPart], { type }));
    const link = element('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  return button;
}

function stem(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}

function renderDownloads(response: LintResponse): void {
  const s = t();
  const list = $('download-list');
  list.replaceChildren();
  const report = download(`plan-lint-report.html`, response.reportHtml, 'text/html');
  report.id = 'download-report';
  report.textContent = s.reportHtml;
  list.append(element('li', {}, report));
  response.plans.forEach((plan, index) => {
    if (!plan.fixable) return;
    const extension = /\.[^.]+$/.exec(plan.name)?.[0] ?? '.txt';
    const name = `${stem(plan.name)}.fixed${extension}`;
    // Made when asked: the fix passes lint the plan again, up to ten times.
    const fixed = async () => (await ask<FixResponse>({ type: 'fix', id: nextId++, runId: response.id, index })).fixedText ?? plan.text;
    const button = download(name, fixed, extension === '.md' || extension === '.markdown' ? 'text/markdown' : 'text/plain');
    button.classList.add('download-fixed');
    button.textContent = s.fixed(name);
    list.append(element('li', {}, button));
  });
  response.plans.forEach((plan, index) => {
    if (!plan.reviewable) return;
    const name = `${stem(plan.name)}.review.docx`;
    const copy = async () => {
      const reviewed = await ask<ReviewResponse>({ type: 'review', id: nextId++, runId: response.id, index });
      if (!reviewed.bytes) throw new Error(reviewed.error ?? 'no review copy');
      return new Uint8Array(reviewed.bytes);
    };
    const button = download(name, copy, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    button.classList.add('download-review');
    button.textContent = s.reviewDocx(name);
    list.append(element('li', {}, button));
  });
  const reviewable = response.plans.filter((plan) => plan.reviewable).length;
  if (reviewable >= 2) {
    // One file for all: a browser asks before a page's eleventh download.
    const all = async () => {
      const reviewed = await ask<ReviewResponse>({ type: 'review', id: nextId++, runId: response.id, index: 'all' });
      if (!reviewed.bytes) throw new Error(reviewed.error ?? 'no review copies');
      return new Uint8Array(reviewed.bytes);
    };
    const button = download('plan-lint-review.zip', all, 'application/zip');
    button.id = 'download-reviews-zip';
    button.textContent = s.reviewAll(reviewable);
    list.append(element('li', {}, button));
  }
  if (response.derivedPack) {
    const name = `${stem(state.parent?.name ?? 'parent')}.pack.json`;
    const button = download(name, response.derivedPack, 'application/json');
    button.id = 'download-pack';
    button.textContent = s.derivedPack;
    list.append(element('li', {}, button));
  }
}

function renderTabs(response: LintResponse): void {
  const s = t();
  const tabs = $('tabs');
  tabs.replaceChildren();
  response.plans.forEach((plan, index) => {
    const tab = element('button', { type: 'button', role: 'tab', class: 'tab', 'data-index': String(index) }, plan.name, ' ', element('span', { class: plan.fatal || plan.errorCount ? 'badge error' : plan.warningCount ? 'badge warning' : 'badge ok' }, plan.fatal ? '!' : String(plan.errorCount + plan.warningCount)));
    tab.title = plan.fatal ? s.unreadable : s.counts(plan.errorCount, plan.warningCount);
    tab.addEventListener('click', () => showTab(index));
    tabs.append(tab);
  });
  const matrix = element('button', { type: 'button', role: 'tab', class: 'tab matrix-tab', 'data-index': 'matrix' }, s.matrix);
  matrix.addEventListener('click', () => showTab(-1));
  tabs.append(matrix);
}

function showTab(index: number): void {
  const response = state.response;
  if (!response) return;
  state.selected = index;
  for (const tab of document.querySelectorAll<HTMLElement>('#tabs .tab')) {
    tab.setAttribute('aria-selected', String(tab.dataset.index === (index < 0 ? 'matrix' : String(index))));
  }
  $('plan-view').hidden = index < 0;
  $('matrix').hidden = index >= 0;
  if (index < 0) {
    const frame = $<HTMLIFrameElement>('report-frame');
    if (frame.srcdoc !== response.reportHtml) frame.srcdoc = response.reportHtml;
    return;
  }
  renderPlan(response.plans[index]);
}

const SEVERITY_RANK = { error: 2, warning: 1 } as const;

/**
 * The plan's text with its findings as <mark>s: one pass over the boundaries of all ranges, so
 * overlapping findings split the text where they start and end (a mark shows the strongest).
 */
function markedText(plan: PlanResult): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const text = plan.text;
  const ranges = plan.findings.map((finding, index) => {
    // A finding about a point (an absent item) marks the character there, or the line's end.
    const end = finding.end > finding.start ? finding.end : Math.min(text.length, finding.start + 1);
    return { start: Math.min(finding.start, text.length), end, index };
  });
  const boundaries = [...new Set([0, text.length, ...ranges.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const starting = new Map<number, number[]>();
  for (const range of ranges) starting.set(range.start, [...(starting.get(range.start) ?? []), range.index]);
  const active = new Set<number>();
  for (let i = 0; i < boundaries.length - 1; i++) {
    const from = boundaries[i];
    const to = boundaries[i + 1];
    for (const index of starting.get(from) ?? []) active.add(index);
    for (const index of [...active]) if (ranges[index].end <= from) active.delete(index);
    const piece = text.slice(from, to);
    if (active.size === 0) {
      fragment.append(piece);
      continue;
    }
    const findings = [...active].map((index) => plan.findings[index]);
    const strongest = findings.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
    const mark = element('mark', {
      class: `${strongest.severity}${findings.every((f) => f.waived) ? ' waived' : ''}`,
      'data-findings': [...active].join(' '),
      'aria-label': findings.map((f) => `${f.message} (${f.ruleId})`).join('; '),
    }, piece);
    fragment.append(mark);
  }
  return fragment;
}

/** The messages of the findings under the pointer, beside the marked text. */
function showTooltip(mark: HTMLElement): void {
  const plan = state.response?.plans[state.selected];
  if (!plan) return;
  const s = t();
  const tip = $('tooltip');
  tip.replaceChildren(
    ...(mark.dataset.findings ?? '').split(' ').map((index) => {
      const finding = plan.findings[Number(index)];
      return element('div', { class: `tip ${finding.severity}` }, element('strong', {}, finding.waived ? s.waived : s[finding.severity]), ' ', finding.message, ' ', element('span', { class: 'rule' }, finding.ruleId));
    }),
  );
  const box = mark.getBoundingClientRect();
  tip.hidden = false;
  tip.style.left = `${Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8))}px`;
  // Below the text, or above it where the window ends first.
  const below = box.bottom + 6 + tip.offsetHeight <= document.documentElement.clientHeight;
  tip.style.top = `${(below ? box.bottom + 6 : box.top - 6 - tip.offsetHeight) + window.scrollY}px`;
}

function findingItem(finding: Finding, index: number): HTMLLIElement {
  const s = t();
  const item = element(
    'li',
    {
      class: `finding ${finding.severity}${finding.waived ? ' waived' : ''}`,
      'data-index': String(index),
      'data-rule': finding.ruleId,
      'data-line': String(finding.line),
      'data-column': String(finding.column),
      'data-end-line': String(finding.endLine),
      'data-end-column': String(finding.endColumn),
      'data-severity': finding.severity,
      tabindex: '0',
    },
    element('span', { class: 'place' }, `${finding.line}:${finding.column}`),
    ' ',
    element('span', { class: 'severity' }, finding.waived ? s.waived : s[finding.severity]),
    ' ',
    element('span', { class: 'message' }, finding.message),
    ' ',
    element('a', { class: 'rule', href: finding.docsUrl, target: '_blank', rel: 'noreferrer noopener', title: s.docs }, finding.ruleId),
  );
  if (finding.suggestion) item.append(element('div', { class: 'suggestion' }, `${s.suggestion}: ${finding.suggestion}`));
  else if (finding.fixable) item.append(' ', element('span', { class: 'fixable' }, s.fixable));
  const reveal = () => {
    for (const old of document.querySelectorAll('#plan-text mark.current')) old.classList.remove('current');
    const marks = [...document.querySelectorAll<HTMLElement>('#plan-text mark')].filter((mark) => mark.dataset.findings?.split(' ').includes(String(index)));
    for (const mark of marks) mark.classList.add('current');
    // Scrolled inside the text's own box: the rest of the page stays where the reader left it.
    const text = $('plan-text');
    if (marks[0]) {
      text.scrollTop = marks[0].offsetTop - text.clientHeight / 2;
    }
  };
  item.addEventListener('click', (event) => {
    if (!(event.target instanceof HTMLAnchorElement)) reveal();
  });
  item.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') reveal();
  });
  return item;
}

function renderPlan(plan: PlanResult): void {
  const s = t();
  $('plan-name').textContent = plan.name;
  $('plan-counts').textContent = plan.fatal ? s.unreadable : s.counts(plan.errorCount, plan.warningCount);
  $('plan-note').textContent = plan.converted ? s.converted : '';
  const textView = $('plan-text');
  const list = $('finding-list');
  list.replaceChildren();
  if (plan.fatal) {
    textView.replaceChildren();
    list.append(element('li', { class: 'finding fatal error', 'data-line': String(plan.fatal.line ?? 1), 'data-column': String(plan.fatal.column ?? 1) }, element('span', { class: 'severity' }, s.unreadable), ' ', element('span', { class: 'message' }, plan.fatal.message)));
    return;
  }
  textView.replaceChildren(markedText(plan));
  if (plan.findings.length === 0) list.append(element('li', { class: 'empty' }, s.noFindings));
  plan.findings.forEach((finding, index) => list.append(findingItem(finding, index)));
  applyFilter();
}

function applyFilter(): void {
  const query = $<HTMLInputElement>('filter').value.trim().toLowerCase();
  let shown = 0;
  for (const item of document.querySelectorAll<HTMLElement>('#finding-list li.finding')) {
    const visible = query === '' || (item.textContent ?? '').toLowerCase().includes(query);
    item.hidden = !visible;
    if (visible) shown++;
  }
  $('visible-count').textContent = String(shown);
}

function takeFiles(files: Iterable<File>): void {
  const list = [...files];
  const plans = list.filter((file) => PLAN_EXTENSIONS.test(file.name));
  const pack = list.find((file) => /\.json$/i.test(file.name));
  if (plans.length === 0 && !pack) {
    $('status').textContent = t().noPlans;
    $('status').className = 'status failed';
    return;
  }
  if (plans.length) state.plans = plans;
  if (pack) state.pack = pack;
  state.selected = 0;
  showChosen();
  void lint();
}

function wire(): void {
  const drop = $('drop');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    if (event.dataTransfer?.files.length) takeFiles(event.dataTransfer.files);
  });
  // Files dropped outside the zone open nothing: the browser would otherwise navigate to them.
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());
  $<HTMLInputElement>('plans-input').addEventListener('change', (event) => takeFiles((event.target as HTMLInputElement).files ?? []));
  $<HTMLInputElement>('parent-input').addEventListener('change', (event) => {
    state.parent = (event.target as HTMLInputElement).files?.[0];
    showChosen();
    void lint();
  });
  $<HTMLInputElement>('pack-input').addEventListener('change', (event) => {
    state.pack = (event.target as HTMLInputElement).files?.[0];
    showChosen();
    void lint();
  });
  for (const [button, key] of [['parent-clear', 'parent'], ['pack-clear', 'pack']] as const) {
    $(button).addEventListener('click', () => {
      state[key] = undefined;
      $<HTMLInputElement>(`${key}-input`).value = '';
      showChosen();
      void lint();
    });
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('#locale button')) {
    button.addEventListener('click', () => {
      const locale = button.dataset.locale as Locale;
      if (locale === state.locale) return;
      state.locale = locale;
      applyStrings();
      // Messages come from the rules in the chosen language: lint again.
      if (state.plans.length) void lint();
    });
  }
  $('filter').addEventListener('input', applyFilter);
  const text = $('plan-text');
  text.addEventListener('mouseover', (event) => {
    const mark = (event.target as HTMLElement).closest('mark');
    if (mark) showTooltip(mark);
  });
  text.addEventListener('mouseout', (event) => {
    if ((event.target as HTMLElement).closest('mark')) $('tooltip').hidden = true;
  });
}

wire();
applyStrings();
document.body.dataset.state = 'ready';
