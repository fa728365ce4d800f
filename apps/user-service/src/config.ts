import { serviceEnv } from '@sneakers/shared';

export const userServiceEnv = serviceEnv({ port: 3001, database: 'sneakers_user' });
