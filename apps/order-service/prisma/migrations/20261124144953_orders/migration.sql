-- CreateEnum
CREATE TYPE "order_status" AS ENUM ('PENDING', 'AWAITING_PAYMENT', 'PAID', 'CANCELLED', 'EXPIRED');

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" INTEGER,
    "response" JSON,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("scope","key")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" UUID NOT NULL,
    "buyer_id" UUID NOT NULL,
    "status" "order_status" NOT NULL DEFAULT 'PENDING',
    "user_coupon_id" UUID,
    "stock_outcome" TEXT,
    "stock_reject_reason" TEXT,
    "coupon_outcome" TEXT,
    "coupon_rule" JSONB,
    "subtotal" INTEGER,
    "discount" INTEGER,
    "amount" INTEGER,
    "payment_deadline" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "payment_id" UUID,
    "placed_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_lines" (
    "order_id" UUID NOT NULL,
    "line_no" INTEGER NOT NULL,
    "sku_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "product_id" UUID,
    "seller_id" UUID,
    "unit_price" INTEGER,

    CONSTRAINT "order_lines_pkey" PRIMARY KEY ("order_id","line_no")
);

-- CreateTable
CREATE TABLE "order_steps" (
    "id" BIGSERIAL NOT NULL,
    "order_id" UUID NOT NULL,
    "step" TEXT NOT NULL,
    "status" "order_status" NOT NULL,
    "caused_by_type" TEXT NOT NULL,
    "caused_by_id" TEXT,
    "emitted_type" TEXT,
    "detail" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),

    CONSTRAINT "order_steps_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

-- CreateIndex
CREATE INDEX "orders_buyer_id_placed_at_id_idx" ON "orders"("buyer_id", "placed_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "orders_status_payment_deadline_idx" ON "orders"("status", "payment_deadline");

-- CreateIndex
CREATE INDEX "order_steps_order_id_id_idx" ON "order_steps"("order_id", "id");

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_steps" ADD CONSTRAINT "order_steps_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
