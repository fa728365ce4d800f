export * from './consumer-lag';
export * from './consumer-metrics';
export * from './outbox-metrics';
export * from './service-metrics';
