import { serviceEnv } from '@sneakers/shared';

export const catalogServiceEnv = serviceEnv({ port: 3002, database: 'sneakers_catalog' });
