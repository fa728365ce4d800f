import './instrumentation';
import { runService } from '@sneakers/shared';
import { userServiceEnv } from './config';
import { createPrisma } from './prisma';
import { reactions } from './reactions';

void runService({
  name: 'user-service',
  env: userServiceEnv,
  createPrisma,
  subscribesTo: [],
  reactions: () => reactions,
});
