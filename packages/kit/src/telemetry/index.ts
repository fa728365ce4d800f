export * from './continue-stored-trace';
export * from './propagation';
export * from './start-telemetry';
