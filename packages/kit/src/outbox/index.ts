export * from './outbox-channel';
export * from './outbox-queries';
export * from './outbox-relay';
export * from './outbox-row';
export * from './write-outbox-event';
