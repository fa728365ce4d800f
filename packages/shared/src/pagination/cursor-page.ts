import { z } from 'zod';
import { AppError } from '../errors';

/**
 * `?limit=&cursor=` for every list endpoint. The cursor is opaque to clients: each list decodes it
 * with `decodeCursor` and the shape of its own position, whose fields are bounded (ids by their
 * format, instants from 1970 to 9999), so any forged one is a 400 invalid-cursor before any query.
 */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional().describe('The nextCursor of the previous page.'),
});

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** The position a cursor holds, checked against `shape`; anything else is a 400 invalid-cursor. */
export function decodeCursor<S extends z.ZodType>(cursor: string, shape: S): z.infer<S> {
  try {
    return shape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('HTTP.INVALID_CURSOR', 400, 'Invalid cursor', {
      detail: 'Use the nextCursor of a previous page.',
    });
  }
}

/** Fetch `limit + 1` rows; this trims the extra one and builds the cursor from the last kept row. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  positionOf: (row: Row) => Record<string, string | number>,
): Page<Item> {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return {
    items: kept.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null,
  };
}
