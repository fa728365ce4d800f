-- CreateTable
CREATE TABLE "seller_statuses" (
    "seller_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "seller_statuses_pkey" PRIMARY KEY ("seller_id")
);
