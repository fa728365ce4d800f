export * from './create-prisma-client';
export * from './sql-executor';
