import type { ResolvedConfig } from '../config/types.js';
import type { RuleSet } from '../engine/rule-set.js';
import { flattenPacks } from '../engine/rule-set.js';
import type { PlanFacts } from '../facts/types.js';
import type { DirectiveComment, Position } from '../parse/ast.js';
import type { Diagnostic, Locale } from '../report/diagnostic.js';
import type { SuppressedDiagnostic } from '../report/formatters/types.js';
import { judgedSpan } from './dates.js';
import { rulesInForce } from './in-force.js';
import { lockedRules } from './locked.js';
import type { GovernanceRecord, RuleApplication, Waiver } from './types.js';
import { waiversFor } from './waivers.js';

export const WAIVER_EXPIRED_RULE_ID = 'waiver-expired';
export const LOCKED_DISABLE_RULE_ID = 'locked-rule-disable';
const GOVERNANCE_DOCS = 'https://github.com/plan-lint/plan-lint/blob/main/docs/governance.md';

const MESSAGES = {
  waiverExpired: {
    vi: 'Miễn trừ quy tắc "{rule}" ({approvedBy}: {reason}) đã hết hạn ngày {expires}: lỗi của quy tắc này được tính lại; sửa kế hoạch hoặc xin gia hạn trong {register}.',
    en: 'The waiver of rule "{rule}" ({approvedBy}: {reason}) expired on {expires}: its findings count again; fix the plan or ask for a renewal in {register}.',
  },
  lockedDisable: {
    vi: 'Quy tắc "{rule}" bị khoá bởi bộ quy tắc "{pack}": chú thích trong văn bản không tắt được; chỉ cấp trên miễn trừ được trong plan-lint.waivers.json.',
    en: 'Rule "{rule}" is locked by pack "{pack}": an inline comment cannot disable it; only a waiver in plan-lint.waivers.json sets it aside.',
  },
} satisfies Record<string, Record<Locale, string>>;

/** A finding a waiver set aside: still reported, marked waived, never counted. */
export interface WaivedDiagnostic extends SuppressedDiagnostic {
  waived: true;
  waiver: Waiver;
}

export interface GovernedFindings {
  /** Findings inline directives may still disable. */
  open: Diagnostic[];
  /** Findings of locked rules, and the governance notices: never touched by inline directives. */
  kept: Diagnostic[];
  waived: WaivedDiagnostic[];
}

function fill(template: string, data: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => data[key] ?? whole);
}

function notice(ruleId: string, id: keyof typeof MESSAGES, position: Position, locale: Locale, data: Record<string, string>): Diagnostic {
  return {
    ruleId,
    messageId: id,
    severity: 'warning',
    message: fill(MESSAGES[id][locale], data),
    position,
    docsUrl: `${GOVERNANCE_DOCS}#${ruleId}`,
    pack: 'plan-lint',
    data,
  };
}

/**
 * Governance of one lint (docs/governance.md): which rules were in force on the plan's date, which
 * findings waivers set aside, and which findings inline comments may not touch (locked rules).
 */
export class Governance {
  readonly ruleSet: RuleSet;
  readonly record: GovernanceRecord;
  private readonly locked: Map<string, { pack: string }>;

  constructor(
    private readonly config: ResolvedConfig,
    allRules: RuleSet,
    private readonly facts: PlanFacts,
    private readonly filePath: string | undefined,
    private readonly now: Date = new Date(),
  ) {
    const span = judgedSpan(facts.metadata.date, facts.metadata.year, now);
    const { ruleSet, notInForce } = rulesInForce(allRules, config, span);
    this.ruleSet = ruleSet;
    this.locked = lockedRules(config.packs);
    this.record = { judgedOn: span.label, judgedBy: span.by, rules: this.applications(allRules, new Set(notInForce.map((e) => e.rule.id))) };
  }

  /** Every rule of the packs, as it stood for this plan. */
  private applications(allRules: RuleSet, notInForce: Set<string>): RuleApplication[] {
    const inSet = new Map(allRules.rules.map((effective) => [effective.rule.id, effective]));
    const byId = new Map<string, RuleApplication>();
    for (const pack of flattenPacks(this.config.packs)) {
      for (const rule of pack.json.rules ?? []) {
        const effective = inSet.get(rule.id);
        const application: RuleApplication = { ruleId: rule.id, pack: pack.name, severity: effective?.severity ?? 'off', applies: true };
        if (!effective) Object.assign(application, { applies: false, reason: 'off' });
        else if (notInForce.has(rule.id)) Object.assign(application, { applies: false, reason: 'not-in-force' });
        else if (rule.needsParent && !this.facts.parent) Object.assign(application, { applies: false, reason: 'needs-parent' });
        if (rule.locked || this.locked.has(rule.id)) application.locked = true;
        if (rule.legalBasis) application.legalBasis = rule.legalBasis;
        byId.set(rule.id, application);
      }
    }
    return [...byId.values()];
  }

  /** Splits the engine's findings: waived, locked (kept as they are), open to inline directives. */
  settle(found: Diagnostic[], directives: readonly DirectiveComment[], locale: Locale): GovernedFindings {
    const { active, expired } = waiversFor(this.config.waivers, this.filePath, this.now);
    const open: Diagnostic[] = [];
    const kept: Diagnostic[] = [];
    const waived: WaivedDiagnostic[] = [];
    for (const diagnostic of found) {
      const waiver = active.find((candidate) => candidate.rule === diagnostic.ruleId);
      if (waiver) {
        waived.push({ ...diagnostic, waived: true, waiver, justification: `${waiver.reason} (${waiver.approvedBy}, ${waiver.expires})` });
      } else {
        (this.locked.has(diagnostic.ruleId) ? kept : open).push(diagnostic);
      }
    }
    const register = this.config.waivers?.filePath ?? '';
    for (const waiver of expired) {
      kept.push(notice(WAIVER_EXPIRED_RULE_ID, 'waiverExpired', this.facts.anchor, locale, {
        rule: waiver.rule,
        approvedBy: waiver.approvedBy,
        reason: waiver.reason,
        expires: waiver.expires,
        register: register.split(/[\\/]/).pop() ?? register,
      }));
    }
    for (const directive of directives) {
      if (!directive.position || directive.kind === 'enable') continue;
      for (const rule of directive.rules) {
        const lock = this.locked.get(rule);
        if (lock) kept.push(notice(LOCKED_DISABLE_RULE_ID, 'lockedDisable', directive.position, locale, { rule, pack: lock.pack }));
      }
    }
    return { open, kept, waived };
  }
}
