-- CreateEnum
CREATE TYPE "discount_type" AS ENUM ('FIXED', 'PERCENT');

-- CreateEnum
CREATE TYPE "coupon_policy_status" AS ENUM ('ACTIVE', 'PAUSED', 'ENDED');

-- CreateEnum
CREATE TYPE "user_coupon_status" AS ENUM ('AVAILABLE', 'RESERVED', 'USED');

-- CreateEnum
CREATE TYPE "settled_order_outcome" AS ENUM ('CANCELLED', 'PAID');

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
CREATE TABLE "coupon_policies" (
    "id" UUID NOT NULL,
    "seller_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "discount_type" "discount_type" NOT NULL,
    "discount_value" INTEGER NOT NULL,
    "max_discount" INTEGER,
    "min_order_amount" INTEGER NOT NULL DEFAULT 0,
    "total_quantity" INTEGER NOT NULL,
    "issued_count" INTEGER NOT NULL DEFAULT 0,
    "claim_starts_at" TIMESTAMPTZ(3) NOT NULL,
    "claim_ends_at" TIMESTAMPTZ(3) NOT NULL,
    "valid_until" TIMESTAMPTZ(3),
    "valid_days" INTEGER,
    "status" "coupon_policy_status" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),

    CONSTRAINT "coupon_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_coupons" (
    "id" UUID NOT NULL,
    "policy_id" UUID NOT NULL,
    "buyer_id" UUID NOT NULL,
    "status" "user_coupon_status" NOT NULL DEFAULT 'AVAILABLE',
    "order_id" UUID,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_coupons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settled_orders" (
    "order_id" UUID NOT NULL,
    "outcome" "settled_order_outcome" NOT NULL,
    "settled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settled_orders_pkey" PRIMARY KEY ("order_id")
);

-- CreateIndex
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

-- CreateIndex
CREATE INDEX "coupon_policies_seller_id_created_at_id_idx" ON "coupon_policies"("seller_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "coupon_policies_created_at_id_idx" ON "coupon_policies"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "user_coupons_buyer_id_issued_at_id_idx" ON "user_coupons"("buyer_id", "issued_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "user_coupons_policy_id_buyer_id_key" ON "user_coupons"("policy_id", "buyer_id");

-- AddForeignKey
ALTER TABLE "user_coupons" ADD CONSTRAINT "user_coupons_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "coupon_policies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: Prisma's schema language cannot express CHECK constraints. The first is the
-- durable half of "never over-issue" (the claim's guarded UPDATE is the other), and the drift test
-- lists all five as the only expected difference from schema.prisma.
-- (No semicolons in comments here: the Wasm engine's pg adapter splits the script on them.)
ALTER TABLE "coupon_policies" ADD CONSTRAINT "coupon_policies_issued_within_quantity" CHECK ("issued_count" >= 0 AND "issued_count" <= "total_quantity");
ALTER TABLE "coupon_policies" ADD CONSTRAINT "coupon_policies_discount_value_positive" CHECK ("discount_value" > 0);
ALTER TABLE "coupon_policies" ADD CONSTRAINT "coupon_policies_percent_at_most_100" CHECK ("discount_type" <> 'PERCENT' OR "discount_value" <= 100);
ALTER TABLE "coupon_policies" ADD CONSTRAINT "coupon_policies_window_ordered" CHECK ("claim_ends_at" > "claim_starts_at");
ALTER TABLE "coupon_policies" ADD CONSTRAINT "coupon_policies_one_validity" CHECK (("valid_until" IS NULL) <> ("valid_days" IS NULL));
