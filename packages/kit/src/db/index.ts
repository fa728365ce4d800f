export * from './change-waiter';
export * from './create-prisma-client';
export * from './guarded-pool';
export * from './pg-sql-executor';
export * from './pg-transaction-runner';
export * from './sql-executor';
export * from './transaction-runner';
export * from './transient-database-error';
