export * from './idempotent-request';
export * from './idempotently';
export { IdempotencyErrors } from './with-idempotency';
