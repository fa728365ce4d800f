import { z } from 'zod';
import { AppError } from '../errors';
import type { Page, PageRequest } from './cursor-page';

/** How a list is walked: what its cursor holds, and where a row stands in the list's order. */
export interface Keyset<Position, Row> {
  /**
   * The position a cursor holds. Its fields are bounded (ids by their format, instants by
   * `positionInstant`), so a forged cursor is a 400 invalid-cursor before any query.
   */
  position: z.ZodType<Position>;
  positionOf: (row: Row) => Position;
}

/** What a list's query reads: the rows strictly after `after` in the list's order, `take` at most. */
export interface KeysetWindow<Position> {
  /** Where the previous page ended; absent on the first page. */
  after?: Position;
  /** One more than the page holds: the extra row only tells that another page follows. */
  take: number;
}

/**
 * One page of a keyset walk: the cursor's position, the rows after it, and the next page's cursor
 * from the last row kept. A cursor is the position as JSON in base64url.
 */
export async function keysetPage<Position, Row>(
  { limit, cursor }: PageRequest,
  { position, positionOf }: Keyset<Position, Row>,
  fetch: (window: KeysetWindow<Position>) => PromiseLike<Row[]>,
): Promise<Page<Row>> {
  const after = cursor === undefined ? undefined : decode(position, cursor);
  const rows = await fetch({ after, take: limit + 1 });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const more = rows.length > limit && last !== undefined;
  return { items, nextCursor: more ? encode(position, positionOf(last)) : null };
}

function encode<Position>(shape: z.ZodType<Position>, position: Position): string {
  return Buffer.from(JSON.stringify(z.encode(shape, position)), 'utf8').toString('base64url');
}

function decode<Position>(shape: z.ZodType<Position>, cursor: string): Position {
  try {
    return shape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('HTTP.INVALID_CURSOR', 400, 'Invalid cursor', {
      detail: 'Use the nextCursor of a previous page.',
    });
  }
}
