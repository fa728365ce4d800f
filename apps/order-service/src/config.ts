import { serviceEnv } from '@sneakers/shared';

export const orderServiceEnv = serviceEnv({ port: 3004, database: 'sneakers_order' });
