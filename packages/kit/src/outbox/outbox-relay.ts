import { SpanKind, trace } from '@opentelemetry/api';
import type { Kafka, Message, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { PgListener } from '../db/pg-listener';
import { createProducer } from '../kafka/create-producer';
import type { OutboxBacklog, ServiceMetrics } from '../metrics';
import { contextFromHeaders, currentTraceHeaders } from '../telemetry';
import { backoffDelay, WakeSignal } from '../timing';
import { OUTBOX_CHANNEL } from './outbox-channel';
import { deletePublished, lockNextBatch, withoutOvertaking } from './outbox-queries';
import { type OutboxRow, toKafkaMessage } from './outbox-row';

export interface OutboxRelayOptions {
  pool: Pool;
  kafka: Kafka;
  logger: Logger;
  batchSize?: number;
  /**
   * How often the relay looks for rows when no NOTIFY can announce them: its LISTEN connection is
   * down, or another relay holds rows older than its own (they are published once that one is done).
   */
  pollIntervalMs?: number;
  /**
   * How often it looks anyway while it listens: every row written sends a NOTIFY, so this only finds
   * rows another relay held and died with.
   */
  listeningPollIntervalMs?: number;
  /** LISTEN/NOTIFY wake-ups; off only to measure what they are worth. */
  wakeOnNotify?: boolean;
  /** Called after Kafka acknowledged a batch and before its rows are deleted (a test seam). */
  afterPublish?: (rows: OutboxRow[]) => void | Promise<void>;
  /** Where the backlog gauges go (read from the table at scrape time). */
  metrics?: ServiceMetrics;
}

const tracer = trace.getTracer('@sneakers/kit/outbox');

/** What one round did: rows published, and whether another relay held rows older than them. */
export interface PublishedBatch {
  published: number;
  olderRowsHeldElsewhere: boolean;
}

/**
 * Publishes outbox rows to Kafka, at least once, in per-aggregate order. Several relays may run on
 * one database: rows are claimed with FOR UPDATE SKIP LOCKED and deleted only after the broker acked.
 */
export class OutboxRelay {
  private readonly producer: Producer;
  private readonly wakeSignal = new WakeSignal();
  private readonly listener: PgListener | undefined;
  private loopDone: Promise<void> | undefined;
  private stopping = false;
  private unwatch: (() => void) | undefined;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly listeningPollIntervalMs: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.listeningPollIntervalMs = Math.max(this.pollIntervalMs, options.listeningPollIntervalMs ?? 10_000);
    // One request in flight keeps Kafka's retries from reordering messages of one key.
    this.producer = createProducer(options.kafka, { maxInFlightRequests: 1 });
    if (options.wakeOnNotify ?? true)
      this.listener = new PgListener({
        connection: options.pool.options,
        channel: OUTBOX_CHANNEL,
        logger: options.logger,
        onNotification: () => this.wakeSignal.wake(),
        onGap: () => this.wakeSignal.wake(),
      });
  }

  async start(): Promise<void> {
    await this.producer.connect();
    await this.listener?.start();
    this.loopDone = this.loop();
    this.unwatch = this.options.metrics?.outbox().watch(() => this.backlog());
    this.options.logger.info({ batchSize: this.batchSize }, 'outbox relay started');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unwatch?.();
    this.wakeSignal.interrupt();
    await this.loopDone;
    await this.listener?.stop();
    await this.producer.disconnect();
  }

  /** Publishes one batch. */
  async publishBatch(): Promise<PublishedBatch> {
    const client = await this.options.pool.connect();
    // The client idles in its transaction while Kafka acks; a connection dropped meanwhile is
    // reported as an 'error' event, which with no listener would end the process.
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const locked = await lockNextBatch(client, this.batchSize);
      const rows = await withoutOvertaking(client, locked);
      if (rows.length > 0) {
        await this.send(rows);
        await this.options.afterPublish?.(rows);
        await deletePublished(client, rows);
      }
      await client.query('COMMIT');
      return { published: rows.length, olderRowsHeldElsewhere: locked.olderRowsHeldElsewhere };
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken ??= rollbackError;
      });
      throw error;
    } finally {
      client.off('error', onError);
      // Released with the error, the pool destroys the client instead of handing it out again.
      client.release(broken);
    }
  }

  /** What waits to be published: rows are deleted once Kafka acked, so every row is unsent. */
  async backlog(): Promise<OutboxBacklog> {
    const { rows } = await this.options.pool.query<{ rows: string; oldest_age_seconds: number | null }>(
      `SELECT (SELECT count(*) FROM outbox) AS rows,
              (SELECT extract(epoch FROM now() - created_at)::float8 FROM outbox ORDER BY id LIMIT 1) AS oldest_age_seconds`,
    );
    return { rows: Number(rows[0]?.rows ?? 0), oldestAgeSeconds: Math.max(0, rows[0]?.oldest_age_seconds ?? 0) };
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    const spans = rows.map((row) => {
      const writerContext = contextFromHeaders(row.headers);
      const span = tracer.startSpan(
        `publish ${row.type}`,
        { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'kafka', 'messaging.message.id': row.event_id } },
        writerContext,
      );
      const { topic, message } = toKafkaMessage(row, currentTraceHeaders(trace.setSpan(writerContext, span)));
      const messages = byTopic.get(topic) ?? [];
      messages.push(message);
      byTopic.set(topic, messages);
      return span;
    });
    try {
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    } finally {
      for (const span of spans) span.end();
    }
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        const { published, olderRowsHeldElsewhere } = await this.publishBatch();
        if (failures > 0) this.options.logger.info({ afterFailures: failures }, 'outbox relay recovered');
        failures = 0;
        // A full batch means more is waiting: go again without sleeping.
        if (published < this.batchSize)
          await this.wakeSignal.sleep(
            this.listener?.listening && !olderRowsHeldElsewhere ? this.listeningPollIntervalMs : this.pollIntervalMs,
          );
      } catch (error) {
        failures += 1;
        const delay = backoffDelay(failures, { baseMs: 200, maxMs: 5000 });
        this.options.logger.warn(
          { err: error, failures, retryInMs: delay },
          'outbox relay could not publish; retrying',
        );
        if (!this.stopping) await this.wakeSignal.sleep(delay, { wakeable: false });
      }
    }
  }
}
