export * from './with-idempotency';
