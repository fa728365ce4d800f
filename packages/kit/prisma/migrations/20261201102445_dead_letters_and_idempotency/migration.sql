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
CREATE TABLE "dead_letters" (
    "id" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "consumer_group" TEXT NOT NULL,
    "original_topic" TEXT NOT NULL,
    "original_partition" INTEGER NOT NULL,
    "original_offset" BIGINT NOT NULL,
    "event_type" TEXT,
    "event_id" TEXT,
    "key" BYTEA,
    "value" BYTEA,
    "headers" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "dead_lettered_at" TIMESTAMPTZ(3) NOT NULL,
    "replay_count" INTEGER NOT NULL DEFAULT 0,
    "last_replayed_at" TIMESTAMPTZ(3),

    CONSTRAINT "dead_letters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "dead_letters_seq_key" ON "dead_letters"("seq");
