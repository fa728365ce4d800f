export * from './client-errors';
export * from './create-http-app';
export * from './enter-route';
export * from './health';
export * from './json-body';
export type { RequestLogFields } from './request-logger';
export * from './serve';
