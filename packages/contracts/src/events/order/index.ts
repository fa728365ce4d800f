export * from './order-awaiting-payment.event';
export * from './order-cancelled.event';
export * from './order-paid.event';
export * from './order-placed.event';
