import { trace } from '@opentelemetry/api';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  createKafka,
  createLogger,
  deadLetterTopic,
  defineEvent,
  EventConsumer,
  type EventEnvelope,
  ensureTopics,
  eventTopic,
  OutboxRelay,
  type OutboxRelayOptions,
  react,
  reactInBatches,
  type ServiceMetrics,
  writeOutboxEvent,
} from '../../src';
import { createPrismaClient } from '../../src/db';
import { PrismaClient } from '../../src/generated/prisma/client';
import { eventually, testEnv, uniqueName } from '../../src/testing';

/**
 * A tiny domain for proving the kit: counters whose events carry a per-key sequence number.
 * The reaction records every effect and counts out-of-order arrivals, so tests can assert
 * "every effect once, in order per key" straight from the database.
 */
export function counterContracts(aggregateType: string) {
  return {
    incremented: defineEvent({
      type: `${aggregateType}.incremented`,
      version: 1,
      aggregateType,
      payload: z.object({ seq: z.number().int().positive(), poison: z.boolean().optional() }),
    }),
  };
}

export type Prisma = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export const logger = createLogger('shared-test', process.env.TEST_LOG_LEVEL ?? 'silent');

export class CounterWorld {
  readonly aggregateType = uniqueName('c');
  readonly groupId = uniqueName('g');
  readonly contracts = counterContracts(this.aggregateType);
  readonly topic = eventTopic(this.aggregateType);
  readonly dlqTopic = deadLetterTopic(this.groupId);
  readonly kafka: Kafka;
  readonly prisma: Prisma;
  private readonly stoppables: Array<{ stop: () => Promise<void> }> = [];
  private readonly lastSeq = new Map<string, number>();

  constructor(
    readonly databaseUrl: string,
    readonly pool: Pool,
    brokers = testEnv.kafkaBrokers,
  ) {
    this.kafka = createKafka({ clientId: 'shared-test', brokers, logger });
    this.prisma = createPrismaClient(PrismaClient, databaseUrl);
  }

  async setUp(): Promise<void> {
    await ensureTopics(this.kafka, [
      { topic: this.topic, numPartitions: 6 },
      { topic: this.dlqTopic, numPartitions: 1 },
    ]);
    await this.prisma.$executeRawUnsafe(
      `CREATE TABLE IF NOT EXISTS counter_effects (event_id uuid, key text, seq int, consumer text, tx bigint, trace_id text)`,
    );
    await this.prisma.$executeRawUnsafe(
      `CREATE TABLE IF NOT EXISTS counter_state (key text PRIMARY KEY, last_seq int NOT NULL, out_of_order int NOT NULL DEFAULT 0)`,
    );
  }

  /** Writes `count` more events for each key, continuing its sequence, `perTransaction` at a time. */
  async writeEvents(keys: string[], count: number, perTransaction = 100): Promise<string[]> {
    const pending: Array<{ key: string; seq: number }> = [];
    for (let n = 1; n <= count; n++) {
      for (const key of keys) {
        const seq = (this.lastSeq.get(key) ?? 0) + 1;
        this.lastSeq.set(key, seq);
        pending.push({ key, seq });
      }
    }
    const ids: string[] = [];
    for (let i = 0; i < pending.length; i += perTransaction) {
      const chunk = pending.slice(i, i + perTransaction);
      await this.prisma.$transaction(async (tx) => {
        for (const { key, seq } of chunk) {
          ids.push(await writeOutboxEvent(tx, this.contracts.incremented, { aggregateId: key, payload: { seq } }));
        }
      });
    }
    return ids;
  }

  relay(options: Partial<OutboxRelayOptions> = {}): OutboxRelay {
    const relay = new OutboxRelay({ pool: this.pool, kafka: this.kafka, logger, pollIntervalMs: 200, ...options });
    this.stoppables.push(relay);
    return relay;
  }

  /**
   * A consumer of the counters; `batched` takes runs of events in one call, `shareTransactions`
   * lets consecutive events share a transaction. Each effect records its transaction and the trace
   * it ran in.
   */
  consumer(
    options: {
      maxAttempts?: number;
      failWhen?: (seq: number) => boolean;
      metrics?: ServiceMetrics;
      batched?: boolean;
      shareTransactions?: boolean;
      /** Which events the reaction has anything to do with (see `Reaction.concerns`). */
      concerns?: (payload: { seq: number }) => boolean;
    } = {},
  ): EventConsumer<Tx> {
    type Incremented = EventEnvelope<{ seq: number; poison?: boolean }>;
    const apply = async (event: Incremented, tx: Tx) => {
      if (event.payload.poison || options.failWhen?.(event.payload.seq))
        throw new Error(`poison seq ${event.payload.seq}`);
      await tx.$executeRawUnsafe(
        `INSERT INTO counter_effects (event_id, key, seq, consumer, tx, trace_id)
         VALUES ($1::uuid, $2, $3, $4, txid_current(), $5)`,
        event.eventId,
        event.aggregateId,
        event.payload.seq,
        this.groupId,
        trace.getActiveSpan()?.spanContext().traceId ?? null,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO counter_state (key, last_seq) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET last_seq = EXCLUDED.last_seq,
           out_of_order = counter_state.out_of_order + (CASE WHEN counter_state.last_seq = EXCLUDED.last_seq - 1 THEN 0 ELSE 1 END)`,
        event.aggregateId,
        event.payload.seq,
      );
    };
    const consumer = new EventConsumer<Tx>({
      kafka: this.kafka,
      groupId: this.groupId,
      topics: [this.topic],
      logger,
      maxAttempts: options.maxAttempts ?? 3,
      retryBaseMs: 10,
      metrics: options.metrics,
      shareTransactions: options.shareTransactions,
      runInTransaction: (work) => this.prisma.$transaction(work, { timeout: 30_000 }),
      reactions: [
        options.batched
          ? reactInBatches(this.contracts.incremented, async (events, tx: Tx) => {
              for (const event of events) await apply(event, tx);
            })
          : react(this.contracts.incremented, apply, { concerns: options.concerns }),
      ],
    });
    this.stoppables.push(consumer);
    return consumer;
  }

  /** The largest number of events applied in one transaction. */
  async largestBatch(): Promise<number> {
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ n: number | null }>>(
      'SELECT max(n)::int AS n FROM (SELECT count(*) AS n FROM counter_effects GROUP BY tx) per_tx',
    );
    return row?.n ?? 0;
  }

  /** The trace each effect ran in, by the event's sequence number on `key`. */
  async traceIdsBySeq(key: string): Promise<Map<number, string | null>> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ seq: number; trace_id: string | null }>>(
      'SELECT seq, trace_id FROM counter_effects WHERE key = $1',
      key,
    );
    return new Map(rows.map((row) => [row.seq, row.trace_id]));
  }

  async effects(): Promise<{ total: number; distinct: number; outOfOrder: number }> {
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ total: bigint; distinct: bigint }>>(
      'SELECT count(*) AS total, count(DISTINCT event_id) AS distinct FROM counter_effects',
    );
    const [state] = await this.prisma.$queryRawUnsafe<Array<{ out_of_order: bigint | null }>>(
      'SELECT sum(out_of_order) AS out_of_order FROM counter_state',
    );
    return {
      total: Number(row?.total ?? 0),
      distinct: Number(row?.distinct ?? 0),
      outOfOrder: Number(state?.out_of_order ?? 0),
    };
  }

  /** Events this consumer recorded in its inbox. */
  async inboxRows(): Promise<number> {
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ n: bigint }>>(
      'SELECT count(*) AS n FROM processed_events WHERE consumer = $1',
      this.groupId,
    );
    return Number(row?.n ?? 0);
  }

  async unpublished(): Promise<number> {
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ n: bigint }>>('SELECT count(*) AS n FROM outbox');
    return Number(row?.n ?? 0);
  }

  /**
   * Starts a relay and resolves once everything written so far is on the topic: a backlog waiting
   * for the consumer, as after a crowd or a restart, so it arrives in few fetches.
   */
  async publishBacklog(): Promise<void> {
    await this.relay().start();
    await eventually(
      'the backlog published',
      () => this.unpublished(),
      (n) => n === 0,
    );
  }

  /** Stops every relay and consumer started so far (as a crash-free shutdown would). */
  async stopRunning(): Promise<void> {
    const running = this.stoppables.splice(0).reverse();
    for (const part of running) await part.stop().catch(() => undefined);
  }

  async tearDown(): Promise<void> {
    await this.stopRunning();
    await this.prisma.$disconnect();
  }
}
