import { z } from 'zod';
import type { DeadLetterView } from '../api/operations/operations.schemas';
import type { SqlExecutor } from '../db';
import { decodeCursor, type Page, toPage } from '../pagination';
import { findDeadLetters } from './dead-letter-queries';
import { toDeadLetterView } from './dead-letter-view';

// At most 18 digits: always within bigint, so a forged cursor never reaches SQL out of range.
const cursorShape = z.object({ seq: z.string().regex(/^\d{1,18}$/) });

export async function listDeadLetters(
  db: SqlExecutor,
  query: { limit: number; cursor?: string; replayed?: 'true' | 'false' },
): Promise<Page<DeadLetterView>> {
  const rows = await findDeadLetters(db, {
    limit: query.limit,
    beforeSeq: query.cursor === undefined ? undefined : decodeCursor(query.cursor, cursorShape).seq,
    replayed: query.replayed === undefined ? undefined : query.replayed === 'true',
  });
  return toPage(rows, query.limit, toDeadLetterView, (row) => ({ seq: row.seq }));
}
