import type { Router } from 'express';
import { operationsRoutesOf } from '../api/operations/operations.routes';
import { handle, routerFor } from '../api/route-handler';
import type { SqlExecutor } from '../db';
import { listDeadLetters } from './list-dead-letters';
import type { OperationsDeps } from './operations-deps';
import { outboxBacklog } from './outbox-backlog';
import { replayAllDeadLetters, replayDeadLetter } from './replay-dead-letters';

/** The service's own operations routes (admin only; the role is checked by `handle`). */
export function operationsRouter<Tx extends SqlExecutor>(deps: OperationsDeps<Tx>): Router {
  const routes = operationsRoutesOf(deps.service);
  const router = routerFor();
  handle(router, routes.listDeadLetters, async ({ query }) => ({
    status: 200,
    body: await listDeadLetters(deps.db, query),
  }));
  handle(router, routes.replayDeadLetter, ({ params, identity, idempotencyKey }) =>
    replayDeadLetter(deps, { letterId: params.letterId, adminId: identity.userId, idempotencyKey }),
  );
  handle(router, routes.replayAllDeadLetters, ({ identity, idempotencyKey }) =>
    replayAllDeadLetters(deps, { adminId: identity.userId, idempotencyKey }),
  );
  handle(router, routes.outboxBacklog, async () => ({ status: 200, body: await outboxBacklog(deps.db) }));
  return router;
}
