-- AlterTable
ALTER TABLE "idempotency_keys" ALTER COLUMN "response" SET DATA TYPE JSON;
