export * from './catalog';
export * from './coupon';
export * from './order';
export * from './payment';
export * from './user';
