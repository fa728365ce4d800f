export * from './client-errors';
export * from './create-http-app';
export * from './health';
export * from './json-body';
export * from './route-params';
export * from './serve';
