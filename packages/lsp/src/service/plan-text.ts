import type { DateValue, DeadlineKind, Locale } from '@plan-lint/core';

/** `2021-12-28` → `28/12/2021`; Nghị định 30/2020 (Phụ lục I, II.4): day below 10 and months 1, 2 take a leading zero. */
export function formatVietnameseDate(iso: string | undefined): string | undefined {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return iso;
  const [, year, month, day] = match;
  const monthNumber = Number(month);
  return `${day}/${monthNumber <= 2 ? month : String(monthNumber)}/${year}`;
}

/** The day a date stands for, as a UTC epoch day; a month without a day counts as its last day. */
export function epochDay(date: DateValue | undefined, fallbackYear?: number): number | undefined {
  if (!date?.month) return undefined;
  const year = date.year ?? fallbackYear;
  if (year === undefined) return undefined;
  const day = date.day ?? new Date(Date.UTC(year, date.month, 0)).getUTCDate();
  return Math.round(Date.UTC(year, date.month - 1, day) / 86_400_000);
}

export function deadlineKindLabel(kind: DeadlineKind, locale: Locale): string {
  const labels: Record<DeadlineKind, [string, string]> = {
    'plan-submission': ['hạn nộp kế hoạch', 'plan submission deadline'],
    'six-month-report': ['hạn báo cáo 6 tháng', 'six-month report deadline'],
    'annual-report': ['hạn báo cáo năm', 'annual report deadline'],
    'action-month-report': ['hạn báo cáo Tháng hành động', 'action month report deadline'],
    other: ['thời hạn', 'deadline'],
  };
  return labels[kind][locale === 'en' ? 1 : 0];
}

export function describeDate(date: DateValue | undefined): string | undefined {
  if (!date) return undefined;
  if (date.day && date.month && date.year) return formatVietnameseDate(date.iso);
  return date.raw || date.iso;
}
