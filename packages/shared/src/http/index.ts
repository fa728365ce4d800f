export * from './create-http-app';
export * from './health';
export * from './route-params';
export * from './serve';
