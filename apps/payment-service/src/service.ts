import { runService, type ServiceStartOptions } from '@sneakers/shared';
import { paymentRoutes } from './app';
import { paymentServiceEnv } from './config';
import { createPrisma } from './prisma';
import { reactions } from './reactions';

export function startPaymentService(options: ServiceStartOptions = {}) {
  return runService(
    {
      name: 'payment-service',
      env: paymentServiceEnv,
      createPrisma,
      subscribesTo: ['user', 'order'],
      reactions: () => reactions,
      routes: paymentRoutes,
    },
    options,
  );
}
