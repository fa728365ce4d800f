export * from './envelope';
export * from './event-contract';
export * from './user';
