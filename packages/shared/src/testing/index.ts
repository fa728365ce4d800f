export * from './child-service';
export * from './expect-no-drift';
export * from './kafka-broker';
export * from './reaction-harness';
export * from './test-database';
export * from './test-env';
export * from './test-kafka';
export * from './test-tokens';
