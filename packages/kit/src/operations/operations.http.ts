import type { Router } from 'express';
import { operationsRoutesOf } from '../api/operations/operations.routes';
import { handle, handleIdempotent, routerFor } from '../api/route-handler';
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
  handleIdempotent(router, routes.replayDeadLetter, deps.runInTransaction, ({ params, identity, idempotently }) =>
    idempotently(async (tx) => ({
      status: 200,
      body: await replayDeadLetter(tx, deps, { letterId: params.letterId, adminId: identity.userId }),
    })),
  );
  handleIdempotent(router, routes.replayAllDeadLetters, deps.runInTransaction, ({ identity, idempotently }) =>
    idempotently(async (tx) => ({
      status: 200,
      body: await replayAllDeadLetters(tx, deps, { adminId: identity.userId }),
    })),
  );
  handle(router, routes.outboxBacklog, async () => ({ status: 200, body: await outboxBacklog(deps.db) }));
  return router;
}
