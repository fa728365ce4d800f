import './instrumentation';
import { runService } from '@sneakers/shared';
import { couponServiceEnv } from './config';
import { createPrisma } from './prisma';
import { reactions } from './reactions';

void runService({
  name: 'coupon-service',
  env: couponServiceEnv,
  createPrisma,
  subscribesTo: ['order'],
  reactions: () => reactions,
});
