/**
 * The calendar day `at` falls on in `timeZone`, as a UTC-midnight Date (how Prisma carries a DATE).
 * Sales are bucketed by the shop's local day, not UTC: a sneaker bought at 08:00 in Seoul on the
 * 3rd counts for the 3rd, although it is still the 2nd in UTC.
 */
export function salesDay(at: Date, timeZone: string): Date {
  const minute = Math.floor(at.getTime() / 60_000);
  let last = lastDays.get(timeZone);
  if (last?.minute !== minute) {
    const format = last?.format ?? dayFormatIn(timeZone);
    last = { format, minute, day: new Date(`${format.format(at)}T00:00:00.000Z`).getTime() };
    lastDays.set(timeZone, last);
  }
  return new Date(last.day);
}

// GET /products/popular asks for today's day on every request. Building a DateTimeFormat costs
// ~0.2 ms (it was 40 % of that request's CPU at 2k req/s, measured) and formatting one ~10 µs, and
// every time zone's day starts on a whole minute: so one format per zone, one answer per minute.
const lastDays = new Map<string, { format: Intl.DateTimeFormat; minute: number; day: number }>();
const dayFormatIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** `day` and the `count - 1` days before it, newest first. */
export function daysEndingAt(day: Date, count: number): Date[] {
  return Array.from({ length: count }, (_, i) => new Date(day.getTime() - i * 86_400_000));
}

export const isoDay = (day: Date): string => day.toISOString().slice(0, 10);
