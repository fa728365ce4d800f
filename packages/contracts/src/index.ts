export * from './api';
export * from './consumer-contracts';
export * from './discount';
export * from './events';
export * from './keep-seller-statuses';
export * from './order-log-fields';
export * from './platform-services';
export * from './platform-topics';
