export * from './access-token';
export * from './auth-errors';
export * from './authenticate';
export * from './current-seller-status';
export * from './identity';
export * from './seller-status-store';
export * from './verify-access-token';
