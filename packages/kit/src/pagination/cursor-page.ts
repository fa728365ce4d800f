import { z } from 'zod';

/**
 * `?limit=&cursor=` for every list endpoint. The cursor is opaque to clients: each list walks its
 * rows with `keysetPage`, which checks the cursor against the shape of that list's own position.
 */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional().describe('The nextCursor of the previous page.'),
});

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
