import type { Almanac } from 'json-rules-engine';

/**
 * The `date` fact: another fact's date moved by whole days, for comparisons with an offset
 * ("due at least 3 days before the parent's": `{ "fact": "date", "params": { "fact": "item",
 * "path": "$.parentDue", "days": -3 } }`). A json-rules-engine fact with params, added through
 * `Engine.addFact`; the compiled fast path computes the same with `shiftDate`.
 */
export const DATE_FACT = 'date';

const FULL = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEARLESS = /^--(\d{2})-(\d{2})$/;
const DAY = 86_400_000;

function iso(date: Date, yearless: boolean): string {
  const text = date.toISOString().slice(0, 10);
  return yearless ? `--${text.slice(5)}` : text;
}

/** `2024-03-25` − 3 days = `2024-03-22`; `--12-30` + 3 = `--01-02`. Anything else: undefined. */
export function shiftDate(value: unknown, days: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const full = FULL.exec(value);
  // A day of any year is shifted within a non-leap year; 29 February stays itself plus the days.
  const yearless = full ? undefined : YEARLESS.exec(value);
  const parts = full ? [full[1], full[2], full[3]] : yearless ? ['2001', yearless[1], yearless[2]] : undefined;
  if (!parts) return undefined;
  const [year, month, day] = parts.map(Number);
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return iso(new Date(time + days * DAY), !full);
}

interface DateParams {
  fact?: unknown;
  path?: unknown;
  days?: unknown;
}

/** The engine's side of the `date` fact. */
export async function dateFact(params: DateParams, almanac: Almanac): Promise<string | undefined> {
  if (typeof params.fact !== 'string') return undefined;
  const base = await almanac.factValue(params.fact, {}, typeof params.path === 'string' ? params.path : '');
  return shiftDate(base, typeof params.days === 'number' ? params.days : 0);
}
