import { GATEWAY_PORT, PLATFORM_SERVICES, type PlatformService } from '@sneakers/contracts';
import { redisUrl } from '@sneakers/kit';
import { z } from 'zod';

const serviceUrl = (service: PlatformService) => z.url().default(`http://127.0.0.1:${PLATFORM_SERVICES[service].port}`);

export const gatewayEnv = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65535).default(GATEWAY_PORT),
  HTTP_BODY_LIMIT: z.string().default('64kb'),
  JWKS_URL: z.url().default(`http://127.0.0.1:${PLATFORM_SERVICES['user-service'].port}/.well-known/jwks.json`),
  REDIS_URL: redisUrl,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Above the longest `Prefer: wait` a service honours (10 s), so a waiting request is not cut off. */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  USER_SERVICE_URL: serviceUrl('user-service'),
  CATALOG_SERVICE_URL: serviceUrl('catalog-service'),
  COUPON_SERVICE_URL: serviceUrl('coupon-service'),
  ORDER_SERVICE_URL: serviceUrl('order-service'),
  PAYMENT_SERVICE_URL: serviceUrl('payment-service'),
});

export type GatewayConfig = z.infer<typeof gatewayEnv>;

export function upstreamsOf(config: GatewayConfig): Record<PlatformService, string> {
  return {
    'user-service': config.USER_SERVICE_URL,
    'catalog-service': config.CATALOG_SERVICE_URL,
    'coupon-service': config.COUPON_SERVICE_URL,
    'order-service': config.ORDER_SERVICE_URL,
    'payment-service': config.PAYMENT_SERVICE_URL,
  };
}
