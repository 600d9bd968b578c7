import type { EffectivePeriod } from '../engine/pack-types.js';

/** Today as an ISO date in UTC. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The day span a plan is judged at: its date, else its whole year, else the lint date. */
export interface JudgedSpan {
  from: string;
  to: string;
  label: string;
  by: 'plan-date' | 'plan-year' | 'lint-date';
}

export function judgedSpan(planDate: string | undefined, planYear: number | undefined, now: Date = new Date()): JudgedSpan {
  if (planDate && /^\d{4}-\d{2}-\d{2}$/.test(planDate)) return { from: planDate, to: planDate, label: planDate, by: 'plan-date' };
  if (planYear && planYear > 999 && planYear < 10000) {
    return { from: `${planYear}-01-01`, to: `${planYear}-12-31`, label: String(planYear), by: 'plan-year' };
  }
  const today = isoToday(now);
  return { from: today, to: today, label: today, by: 'lint-date' };
}

/**
 * Whether a period overlaps the span. With only a year known, a rule in force for any part of that
 * year judges the plan: a plan of 2023 is not judged by a rule from 2025, nor by one repealed in 2022.
 */
export function inForce(period: EffectivePeriod | undefined, span: { from: string; to: string }): boolean {
  if (!period) return true;
  if (period.from && span.to < period.from) return false;
  if (period.to && span.from > period.to) return false;
  return true;
}

/** A date given on the command line (`--at 2024-03-10` or `--at 2024`) as a span. */
export function spanFromArgument(value: string): JudgedSpan | undefined {
  if (isCalendarDay(value)) {
    return { from: value, to: value, label: value, by: 'plan-date' };
  }
  if (/^\d{4}$/.test(value)) return { from: `${value}-01-01`, to: `${value}-12-31`, label: value, by: 'plan-year' };
  return undefined;
}

/** A real day written YYYY-MM-DD (Date.parse accepts 2023-02-29 as 1 March). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
