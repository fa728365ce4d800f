export * from './change-waiter';
export * from './create-prisma-client';
export * from './sql-executor';
export * from './transaction-runner';
