import { PLATFORM_SERVICES, serviceEnv } from '@sneakers/shared';

export const userServiceEnv = serviceEnv(PLATFORM_SERVICES['user-service']);
