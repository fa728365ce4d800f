/**
 * The platform's services with their default port and database, in one place: configs, the topic
 * list, `npm run db:setup` and `npm start` all read it.
 */
export const PLATFORM_SERVICES = {
  'user-service': { port: 3001, database: 'sneakers_user' },
  'catalog-service': { port: 3002, database: 'sneakers_catalog' },
  'coupon-service': { port: 3003, database: 'sneakers_coupon' },
  'order-service': { port: 3004, database: 'sneakers_order' },
  'payment-service': { port: 3005, database: 'sneakers_payment' },
} as const;

export type PlatformService = keyof typeof PLATFORM_SERVICES;

export const GATEWAY_PORT = 3000;
