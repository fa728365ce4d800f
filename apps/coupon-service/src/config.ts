import { PLATFORM_SERVICES, serviceEnv } from '@sneakers/shared';

export const couponServiceEnv = serviceEnv(PLATFORM_SERVICES['coupon-service']);
