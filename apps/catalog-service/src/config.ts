import { PLATFORM_SERVICES, serviceEnv } from '@sneakers/shared';

export const catalogServiceEnv = serviceEnv(PLATFORM_SERVICES['catalog-service']);
