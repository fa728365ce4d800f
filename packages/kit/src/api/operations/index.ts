export * from './operations.routes';
export * from './operations.schemas';
