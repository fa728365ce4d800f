export * from './catalog';
export * from './coupon';
export * from './order';
export * from './payment';
export * from './public-routes';
export * from './route-contract';
export * from './route-handler';
export * from './user';
