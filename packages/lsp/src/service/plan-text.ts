import { formatDate, type DateValue, type DeadlineKind, type Locale } from '@plan-lint/core';

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
  if (date.day && date.month && date.year) return formatDate(date.iso);
  return date.raw || date.iso;
}
