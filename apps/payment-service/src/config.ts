import { PLATFORM_SERVICES, serviceEnv } from '@sneakers/shared';

export const paymentServiceEnv = serviceEnv(PLATFORM_SERVICES['payment-service']);
