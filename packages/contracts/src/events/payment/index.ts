export * from './payment-completed.event';
export * from './payment-refunded.event';
