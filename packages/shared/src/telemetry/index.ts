export * from './propagation';
export * from './start-telemetry';
