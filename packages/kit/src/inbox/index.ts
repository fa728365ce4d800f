export * from './apply-once';
export * from './dead-letter';
export * from './decode-message';
export * from './event-consumer';
export * from './reaction';
