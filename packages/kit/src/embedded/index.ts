export * from './embedded-postgres';
export * from './in-process-kafka';
export * from './process-bus';
