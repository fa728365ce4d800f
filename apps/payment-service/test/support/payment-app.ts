import path from 'node:path';
import { createLogger } from '@sneakers/kit';
import { startTestService } from '@sneakers/kit/testing';
import { startPaymentService } from '../../src/service';

export type { Caller } from '@sneakers/kit/testing';

export const logger = createLogger('payment-test', process.env.TEST_LOG_LEVEL ?? 'silent');

export type PaymentApp = Awaited<ReturnType<typeof startPaymentApp>>;

/**
 * payment-service as its main starts it, in-process on a fresh database and a free port, with
 * `env` parsed exactly as the service parses its environment.
 */
export function startPaymentApp(env: Record<string, string> = {}) {
  return startTestService(path.resolve(__dirname, '../..'), startPaymentService, env);
}
