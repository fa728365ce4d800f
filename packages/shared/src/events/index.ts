export * from './catalog';
export * from './coupon';
export * from './envelope';
export * from './event-contract';
export * from './order';
export * from './payment';
export * from './user';
