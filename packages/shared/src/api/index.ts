export * from './public-routes';
export * from './route-contract';
export * from './route-handler';
