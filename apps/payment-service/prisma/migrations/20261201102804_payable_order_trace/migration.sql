-- AlterTable
ALTER TABLE "payable_orders" ADD COLUMN     "trace_headers" JSONB NOT NULL DEFAULT '{}';
