import { serviceEnv } from '@sneakers/shared';

export const couponServiceEnv = serviceEnv({ port: 3003, database: 'sneakers_coupon' });
