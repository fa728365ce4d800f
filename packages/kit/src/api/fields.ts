import { z } from 'zod';

// Free text refuses control characters (PostgreSQL cannot store NUL; the rest only hide or garble
// what a person reads) and lone surrogates (UTF-8 cannot carry them: stored, they turn into U+FFFD).
const ONE_LINE = /^[^\p{Cc}\p{Cs}]*$/u;
const LINES = /^(?:[\t\n\r]|[^\p{Cc}\p{Cs}])*$/u;
const NO_CONTROLS = 'must not contain control characters';

/**
 * Free text from a client: `min`–`max` characters, no control characters (tab and line breaks
 * allowed when `multiline`), no lone surrogates. One-line text is trimmed first.
 */
export function text({ max, min = 1, multiline = false }: { max: number; min?: number; multiline?: boolean }) {
  if (multiline) return z.string().min(min).max(max).regex(LINES, `${NO_CONTROLS} but tab and line breaks`);
  return z.string().trim().min(min).max(max).regex(ONE_LINE, NO_CONTROLS);
}

/** A secret a person types (a new password): one line of text, kept exactly as typed. */
export const typedSecret = ({ min, max }: { min: number; max: number }) =>
  z.string().min(min).max(max).regex(ONE_LINE, NO_CONTROLS);

// Wide enough for any instant this shop records or plans, narrow enough for every database column.
const EARLIEST = Date.parse('1970-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/** An ISO 8601 date-time (any offset) from 1970 to 9999: a year-0 date would reach SQL out of range. */
export const instant = () =>
  z.iso.datetime({ offset: true }).refine((value) => {
    const at = Date.parse(value);
    return at >= EARLIEST && at <= LATEST;
  }, 'must be between 1970-01-01 and 9999-12-31');

/** A calendar date (YYYY-MM-DD) from 1900 on. */
export const calendarDate = () => z.iso.date().refine((value) => value >= '1900-01-01', 'must not be before 1900');
