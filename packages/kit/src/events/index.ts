export * from './envelope';
export * from './event-contract';
