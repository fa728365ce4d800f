-- CreateEnum
CREATE TYPE "payable_order_status" AS ENUM ('PAYABLE', 'PAID', 'CANCELLED');

-- CreateEnum
CREATE TYPE "payment_status" AS ENUM ('COMPLETED', 'REFUNDED');

-- CreateTable
CREATE TABLE "payable_orders" (
    "order_id" UUID NOT NULL,
    "buyer_id" UUID NOT NULL,
    "amount" INTEGER,
    "payment_deadline" TIMESTAMPTZ(3),
    "status" "payable_order_status" NOT NULL,
    "cancel_reason" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payable_orders_pkey" PRIMARY KEY ("order_id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "buyer_id" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    "status" "payment_status" NOT NULL DEFAULT 'COMPLETED',
    "paid_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "refunded_at" TIMESTAMPTZ(3),
    "refund_reason" TEXT,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payments_order_id_key" ON "payments"("order_id");


-- Written by hand (Prisma cannot express CHECK constraints), listed in the drift test.
-- A fully discounted order is paid with 0 KRW, so zero is allowed and only negatives are refused.
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_not_negative" CHECK ("amount" >= 0);
