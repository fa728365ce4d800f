export * from './consumer-groups';
export * from './start-operations';
