export * from './coupon-rejected.event';
export * from './coupon-reserved.event';
