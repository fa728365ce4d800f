export * from './access-token';
export * from './auth-errors';
export * from './authenticate';
export * from './identity';
export * from './verify-access-token';
