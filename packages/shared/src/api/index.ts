export * from './route-contract';
export * from './route-handler';
