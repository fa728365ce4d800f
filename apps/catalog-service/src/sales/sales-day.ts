/**
 * The calendar day `at` falls on in `timeZone`, as a UTC-midnight Date (how Prisma carries a DATE).
 * Sales are bucketed by the shop's local day, not UTC: a sneaker bought at 08:00 in Seoul on the
 * 3rd counts for the 3rd, although it is still the 2nd in UTC.
 */
export function salesDay(at: Date, timeZone: string): Date {
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );
  return new Date(`${ymd}T00:00:00.000Z`);
}

/** `day` and the `count - 1` days before it, newest first. */
export function daysEndingAt(day: Date, count: number): Date[] {
  return Array.from({ length: count }, (_, i) => new Date(day.getTime() - i * 86_400_000));
}

export const isoDay = (day: Date): string => day.toISOString().slice(0, 10);
