import { serviceEnv } from '@sneakers/shared';

export const paymentServiceEnv = serviceEnv({ port: 3005, database: 'sneakers_payment' });
