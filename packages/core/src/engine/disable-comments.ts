import type { DisableComment, PlanDocument, Position } from '../parse/ast.js';
import type { SourceText } from '../decode/source-text.js';
import type { Diagnostic, Locale } from './diagnostic.js';
import { findComments } from '../shared/comments.js';
import { fillTemplate } from '../shared/template.js';

/** Diagnostics about the inline comments themselves; not a pack rule, so never turned off by one. */
// The rule id of problems with disable comments: a public name (reports, docs page), kept as first published.
export const DISABLE_COMMENT_RULE_ID = 'inline-directive';
const DISABLE_COMMENT_DOCS = 'https://github.com/plan-lint/plan-lint/blob/main/docs/inline-directives.md';

// Applied to one comment at a time (found by findComments), never to the whole text.
const DISABLE_COMMENT_PATTERN = /^<!--\s*plan-lint-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->$/;

const MESSAGES: Record<string, Record<Locale, string>> = {
  missingReason: {
    vi: 'Chú thích "plan-lint-{kind}" cần nêu lý do sau " -- ", ví dụ: <!-- plan-lint-{kind} {rules} -- lý do -->.',
    en: 'The "plan-lint-{kind}" comment needs a reason after " -- ", e.g. <!-- plan-lint-{kind} {rules} -- why -->.',
  },
  unknownRule: {
    vi: 'Không có quy tắc "{rule}" trong các bộ quy tắc đang dùng: kiểm tra tên bằng "plan-lint rules".',
    en: 'No rule "{rule}" in the packs in use: check the name with "plan-lint rules".',
  },
  unusedDisable: {
    vi: 'Chú thích "plan-lint-{kind}" không tắt báo lỗi nào ({rules}): hãy xoá nó.',
    en: 'The "plan-lint-{kind}" comment suppresses nothing ({rules}): remove it.',
  },
};

interface Disable {
  comment: DisableComment;
  rules: string[];
  fromLine: number;
  toLine: number;
  used: boolean;
}

/** The parser's disable comments, or (for documents it gave none) the comments found in the text. */
export function findDisableComments(document: PlanDocument, source: SourceText): DisableComment[] {
  if (document.disableComments.length > 0) return document.disableComments;
  if (!source.text.includes('plan-lint-')) return [];
  const found: DisableComment[] = [];
  for (const comment of findComments(source.text)) {
    const match = DISABLE_COMMENT_PATTERN.exec(source.text.slice(comment.start, comment.end));
    if (!match) continue;
    const start = comment.start;
    const body = match[2];
    const separator = body.indexOf('--');
    const rulesText = separator === -1 ? body : body.slice(0, separator);
    const reason = separator === -1 ? undefined : body.slice(separator + 2).trim() || undefined;
    found.push({
      type: 'disableComment',
      kind: match[1],
      rules: rulesText.split(/[\s,]+/).filter(Boolean),
      reason,
      raw: match[0],
      position: source.positionOf(start, start + match[0].length),
    });
  }
  return found;
}

function message(id: string, locale: Locale, data: Record<string, string>): string {
  return fillTemplate(MESSAGES[id][locale], data);
}

function disableCommentDiagnostic(id: string, position: Position, locale: Locale, data: Record<string, string>): Diagnostic {
  return {
    ruleId: DISABLE_COMMENT_RULE_ID,
    messageId: id,
    severity: 'warning',
    message: message(id, locale, data),
    position,
    docsUrl: DISABLE_COMMENT_DOCS,
    pack: 'plan-lint',
    data,
  };
}

/**
 * Drops the diagnostics that inline comments disable, and reports comments without a reason
 * and disables that suppressed nothing (as ESLint's --report-unused-disable-directives does).
 */
export function applyDisableComments(
  diagnostics: Diagnostic[],
  disableComments: DisableComment[],
  lastLine: number,
  locale: Locale,
  knownIds?: ReadonlySet<string>,
): Diagnostic[] {
  if (disableComments.length === 0) return diagnostics;
  const disables: Disable[] = [];
  const open: Disable[] = [];
  const extra: Diagnostic[] = [];
  for (const comment of disableComments) {
    if (!comment.position) continue;
    const line = comment.position.start.line;
    const endLine = comment.position.end.line;
    const rulesText = comment.rules.join(' ') || '*';
    if (comment.kind !== 'enable' && !comment.reason) {
      extra.push(disableCommentDiagnostic('missingReason', comment.position, locale, { kind: comment.kind, rules: rulesText }));
    }
    const unknown = knownIds ? comment.rules.filter((rule) => !knownIds.has(rule) && rule !== DISABLE_COMMENT_RULE_ID) : [];
    for (const rule of unknown) extra.push(disableCommentDiagnostic('unknownRule', comment.position, locale, { rule }));
    if (unknown.length > 0 && unknown.length === comment.rules.length) continue;
    if (comment.kind === 'disable-next-line') {
      disables.push({ comment, rules: comment.rules, fromLine: endLine + 1, toLine: endLine + 1, used: false });
    } else if (comment.kind === 'disable-line') {
      disables.push({ comment, rules: comment.rules, fromLine: line, toLine: endLine, used: false });
    } else if (comment.kind === 'disable') {
      const block: Disable = { comment, rules: comment.rules, fromLine: line, toLine: lastLine, used: false };
      disables.push(block);
      open.push(block);
    } else if (comment.kind === 'enable') {
      for (const block of open) {
        if (block.toLine !== lastLine) continue;
        const closes = comment.rules.length === 0 || block.rules.every((rule) => comment.rules.includes(rule));
        if (closes) block.toLine = line;
      }
    }
  }
  const kept = diagnostics.filter((diagnostic) => {
    const line = diagnostic.position.start.line;
    let suppressed = false;
    for (const disable of disables) {
      if (line < disable.fromLine || line > disable.toLine) continue;
      if (disable.rules.length > 0 && !disable.rules.includes(diagnostic.ruleId)) continue;
      disable.used = true;
      suppressed = true;
    }
    return !suppressed;
  });
  for (const disable of disables) {
    if (!disable.used && disable.comment.position) {
      extra.push(disableCommentDiagnostic('unusedDisable', disable.comment.position, locale, {
        kind: disable.comment.kind,
        rules: disable.rules.join(' ') || '*',
      }));
    }
  }
  return kept.concat(extra);
}
