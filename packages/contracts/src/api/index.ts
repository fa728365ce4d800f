export * from './catalog';
export * from './coupon';
export * from './operations-routes';
export * from './order';
export * from './payment';
export * from './platform-route';
export * from './public-routes';
export * from './user';
