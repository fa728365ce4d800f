export * from './platform-services';
export * from './run-service';
