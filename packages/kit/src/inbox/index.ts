export * from './apply-once';
export { applyRunInOrder, type RunInOrder } from './apply-run-in-order';
export * from './dead-letter';
export * from './decode-message';
export * from './event-consumer';
export * from './reaction';
