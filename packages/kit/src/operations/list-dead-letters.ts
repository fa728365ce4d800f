import { z } from 'zod';
import type { DeadLetterView } from '../api/operations/operations.schemas';
import type { SqlExecutor } from '../db';
import { type Keyset, keysetPage, type Page, type PageRequest } from '../pagination';
import { type DeadLetterRow, findDeadLetters } from './dead-letter-queries';
import { toDeadLetterView } from './dead-letter-view';

// Newest first by seq. At most 18 digits: always within bigint, so a forged cursor never reaches SQL out of range.
const bySeq: Keyset<{ seq: string }, DeadLetterRow> = {
  position: z.object({ seq: z.string().regex(/^\d{1,18}$/) }),
  positionOf: ({ seq }) => ({ seq }),
};

export async function listDeadLetters(
  db: SqlExecutor,
  query: PageRequest & { replayed?: 'true' | 'false' },
): Promise<Page<DeadLetterView>> {
  const replayed = query.replayed === undefined ? undefined : query.replayed === 'true';
  const page = await keysetPage(query, bySeq, (window) => findDeadLetters(db, { ...window, replayed }));
  return { ...page, items: page.items.map(toDeadLetterView) };
}
