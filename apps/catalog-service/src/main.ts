import './instrumentation';
import { runService } from '@sneakers/shared';
import { catalogServiceEnv } from './config';
import { createPrisma } from './prisma';
import { reactions } from './reactions';

void runService({
  name: 'catalog-service',
  env: catalogServiceEnv,
  createPrisma,
  subscribesTo: ['order'],
  reactions: () => reactions,
});
