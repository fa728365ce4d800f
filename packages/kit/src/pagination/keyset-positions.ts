import { z } from 'zod';
import { instant } from '../api/fields';
import type { Keyset } from './keyset-page';

/** An instant in a position: ISO 8601 text in the cursor, a Date for the query. */
export const positionInstant = () =>
  z.codec(instant(), z.date(), { decode: (text) => new Date(text), encode: (date) => date.toISOString() });

/** A row's instant under `Key`, and its id. */
export type InstantPosition<Key extends string> = Record<Key, Date> & { id: string };

/**
 * The order of most lists: newest first by the instant under `key`, the id breaking ties so the
 * order is total. The cursor holds exactly those two fields; `id` bounds the id (a uuid unless said).
 */
export function newestFirst<Key extends string>(
  key: Key,
  id: z.ZodType<string> = z.uuid(),
): Keyset<InstantPosition<Key>, InstantPosition<Key>> {
  // A computed key loses its name in zod's inferred type; the shape is exactly InstantPosition<Key>.
  const position = z.strictObject({ [key]: positionInstant(), id }) as z.ZodType as z.ZodType<InstantPosition<Key>>;
  return { position, positionOf: (row) => ({ [key]: row[key], id: row.id }) as InstantPosition<Key> };
}
