/**
 * The period a text names: a school year (`năm học 2026-2027` → `2026-2027`) or a calendar year
 * (`năm 2026`, `6 tháng đầu năm 2027` → `2026`, `2027`), else undefined. A plan's title names its own
 * period; a report's subject the period it reports on.
 */
export function periodNamed(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const schoolYear = SCHOOL_YEAR.exec(text);
  if (schoolYear && Number(schoolYear[2]) === Number(schoolYear[1]) + 1) return `${schoolYear[1]}-${schoolYear[2]}`;
  return CALENDAR_YEAR.exec(text)?.[1];
}

/**
 * The period a report reports on: the one its wording names, else the plan's own school year when it
 * says "năm học" alone (`báo cáo tổng kết năm học` in a plan for năm học 2026-2027).
 */
export function reportPeriod(subject: string | undefined, planPeriod: string | undefined): string | undefined {
  const named = periodNamed(subject);
  if (named || !subject || !planPeriod?.includes('-')) return named;
  return namesSchoolYear(subject) ? planPeriod : undefined;
}

/** The words `năm học`, with or without the years: a school year is meant. */
export function namesSchoolYear(text: string): boolean {
  return SCHOOL_YEAR_WORDS.test(text);
}

const SCHOOL_YEAR_WORDS = /(?<!\p{L})năm\s+học(?!\p{L})/iu;

/**
 * Whether two periods are both known and differ: then what falls due in one is no measure of the other
 * (a calendar year and a school year are two periods, as two years are).
 */
export function otherPeriod(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b;
}

const SCHOOL_YEAR = /(?<!\p{L})năm\s+học\s+((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})(?!\d)/iu;
const CALENDAR_YEAR = /(?<!\p{L})năm\s+((?:19|20)\d{2})(?![\d/.-]\d)/iu;
