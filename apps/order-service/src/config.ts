import { PLATFORM_SERVICES, serviceEnv } from '@sneakers/shared';

export const orderServiceEnv = serviceEnv(PLATFORM_SERVICES['order-service']);
