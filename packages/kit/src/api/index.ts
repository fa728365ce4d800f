export * from './conditional-get';
export * from './fields';
export * from './operations';
export * from './prepared-json';
export * from './route-contract';
export * from './route-handler';
export * from './route-result';
