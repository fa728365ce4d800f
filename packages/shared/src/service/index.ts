export * from './exit-on-start-failure';
export * from './platform-services';
export * from './run-service';
export * from './stop-redis';
