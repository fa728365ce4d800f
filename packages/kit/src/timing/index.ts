export * from './backoff';
export * from './wake-signal';
export * from './with-timeout';
