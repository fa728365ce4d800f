import './instrumentation';
import { runService } from '@sneakers/shared';
import { orderServiceEnv } from './config';
import { createPrisma } from './prisma';
import { reactions } from './reactions';

void runService({
  name: 'order-service',
  env: orderServiceEnv,
  createPrisma,
  subscribesTo: ['stock', 'coupon', 'payment'],
  reactions: () => reactions,
});
