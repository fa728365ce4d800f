export * from './exit-on-start-failure';
export * from './run-service';
export * from './stop-redis';
