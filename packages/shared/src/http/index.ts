export * from './create-http-app';
export * from './health';
export * from './serve';
