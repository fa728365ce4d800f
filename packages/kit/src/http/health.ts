import { Router } from 'express';
import { withTimeout } from '../timing';

/** A dependency the service cannot serve without (database, broker, cache). */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

const CHECK_TIMEOUT_MS = 2000;

/** live = the process runs; ready = every dependency answers, so a balancer may send traffic. */
export function healthRouter(checks: ReadinessCheck[]): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'up' });
  });
  router.get('/health/ready', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), CHECK_TIMEOUT_MS, `no answer in ${CHECK_TIMEOUT_MS} ms`);
          return { name, status: 'up' as const };
        } catch (error) {
          return { name, status: 'down' as const, error: (error as Error).message };
        }
      }),
    );
    const ready = results.every((r) => r.status === 'up');
    res.status(ready ? 200 : 503).json({ status: ready ? 'up' : 'down', checks: results });
  });
  return router;
}
