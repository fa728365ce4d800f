import { type Context, context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Admin, Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { isTransientDatabaseError, type SqlExecutor, type TransactionRunner } from '../db';
import type { EventEnvelope } from '../events';
import { createProducer, deadLetterTopic, FETCH_WAIT_MS } from '../kafka';
import { type HandlerResult, readConsumerLag, type ServiceMetrics } from '../metrics';
import { contextFromHeaders } from '../telemetry';
import { backoffDelay, WakeSignal, withTimeout } from '../timing';
import { applyOnce, applyRunOnce } from './apply-once';
import { applyRunInOrder, consecutiveRuns } from './apply-run-in-order';
import { sendToDeadLetterTopic } from './dead-letter';
import { decodeMessage } from './decode-message';
import { OffsetCommits } from './offset-commits';
import type { Reaction } from './reaction';

export interface EventConsumerOptions<Tx extends SqlExecutor> {
  kafka: Kafka;
  /** The consumer group; also names the inbox rows and the dead-letter topic. */
  groupId: string;
  topics: string[];
  reactions: Reaction<Tx>[];
  runInTransaction: TransactionRunner<Tx>;
  logger: Logger;
  /**
   * Tries of one message before it goes to the dead-letter topic. A try the database's
   * infrastructure failed (see `isTransientDatabaseError`) is not counted: it is retried until the
   * database is back, however long that takes, because the event is not at fault.
   */
  maxAttempts?: number;
  retryBaseMs?: number;
  partitionsConsumedConcurrently?: number;
  /** Where handler latency, dead letters and the group's lag (read at scrape time) go. */
  metrics?: ServiceMetrics;
  /**
   * Consecutive events of one fetch (any type) may share a transaction, each applied in turn with
   * its own span. Only for reactions that do nothing outside the database: a failed run is applied
   * again event by event, so any other side effect would happen twice.
   */
  shareTransactions?: boolean;
  /** Most events applied in one transaction. */
  maxBatchSize?: number;
  /**
   * Takes, before a run of events is applied in one transaction, every row lock the run will need,
   * in the one global order the service's transactions follow. Applied event by event, a run would
   * lock rows in the order of its events, and two runs over overlapping rows could deadlock.
   */
  lockRun?: (events: EventEnvelope<unknown>[], tx: Tx) => Promise<void>;
  /** What the log lines about an event add to its id, type and key. */
  logFields?: EventLogFields;
}

/**
 * Fields every log line about an event carries, taken from the event (say, the id of the process
 * it belongs to, so that one thread can be followed across services); undefined adds none.
 */
export type EventLogFields = (event: EventEnvelope<unknown>) => object | undefined;

/** One fetched message, and what it will take to handle it. */
type Delivery<Tx extends SqlExecutor> = { topic: string; partition: number; message: KafkaMessage } & (
  | { kind: 'ignore' }
  | { kind: 'dead'; reason: string }
  | { kind: 'event'; reaction: Reaction<Tx>; event: EventEnvelope<unknown>; headers: Record<string, string> }
);
type Handled<Tx extends SqlExecutor> = Exclude<Delivery<Tx>, { kind: 'ignore' }>;
type EventDelivery<Tx extends SqlExecutor> = Extract<Delivery<Tx>, { kind: 'event' }>;

const tracer = trace.getTracer('@sneakers/kit/inbox');

/**
 * Consumes events and applies each at most once in effect (inbox), in order per key (one partition
 * is handled by one message at a time). A message that keeps failing goes to the dead-letter topic
 * after bounded retries so the messages behind it keep flowing. Consecutive events of a reaction
 * that takes batches (or, with `shareTransactions`, any consecutive events) are applied in one
 * transaction, which under a crowd saves a commit per event; if that fails, one by one as above.
 */
export class EventConsumer<Tx extends SqlExecutor> {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly commits: OffsetCommits;
  private readonly admin: Admin | undefined;
  private unwatchLag: (() => void) | undefined;
  private readonly reactions: Map<string, Reaction<Tx>>;
  private readonly stopSignal = new WakeSignal();
  private readonly joined: Promise<void>;
  private stopping = false;

  constructor(private readonly options: EventConsumerOptions<Tx>) {
    this.reactions = new Map(options.reactions.map((r) => [r.contract.type, r]));
    if (this.reactions.size !== options.reactions.length) throw new Error('Two reactions for one event type');
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: FETCH_WAIT_MS,
      // kafkajs's default. Every second, the heartbeats of an idle platform cost it and the broker
      // 0.8–1.5 % of a core more (measured); the price is that a member learns of a rebalance up to
      // 3 s late, well inside the 10 s a rebalance may take.
      heartbeatInterval: 3000,
      sessionTimeout: 10_000,
      rebalanceTimeout: 10_000,
    });
    this.commits = new OffsetCommits(this.consumer, options.logger);
    // Commit what is applied while this member still owns its partitions; the new owners go on from there.
    this.consumer.on(this.consumer.events.REBALANCING, () => void this.commits.commit());
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => this.commits.forget());
    this.producer = createProducer(options.kafka);
    this.admin = options.metrics ? options.kafka.admin() : undefined;
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => this.crashed(payload.error, payload.restart));
    // Listen before start() so a fast join is not missed.
    this.joined = new Promise((resolve) => {
      const remove = this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        remove();
        resolve();
      });
    });
  }

  async start(): Promise<void> {
    await this.producer.connect();
    await this.admin?.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await this.run();
    this.watchLag();
    this.options.logger.info({ groupId: this.options.groupId, topics: this.options.topics }, 'consumer started');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unwatchLag?.();
    this.stopSignal.interrupt();
    await this.commits.commit();
    await this.consumer.disconnect();
    await this.producer.disconnect();
    await this.admin?.disconnect();
  }

  /** Resolves once the group has partitions assigned (tests wait on it before producing). */
  waitUntilJoined(timeoutMs = 30_000): Promise<void> {
    return withTimeout(this.joined, timeoutMs, 'consumer did not join its group in time');
  }

  /** Handles a fetched batch in order, consecutive events together where they may share a transaction. */
  private async handleFetched({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
    uncommittedOffsets,
  }: EachBatchPayload) {
    try {
      // Types this consumer does not react to are skipped, and do not split runs.
      const deliveries = batch.messages
        .map((message) => this.prepare(batch.topic, batch.partition, message))
        .filter((delivery): delivery is Handled<Tx> => delivery.kind !== 'ignore');
      const together = (run: Handled<Tx>[], next: Handled<Tx>) => {
        const first = run[0] as Handled<Tx>;
        if (first.kind !== 'event' || next.kind !== 'event') return false;
        return this.options.shareTransactions || (next.reaction === first.reaction && !!next.reaction.handleBatch);
      };
      for (const run of consecutiveRuns(deliveries, together, this.options.maxBatchSize ?? 100)) {
        // After a rebalance or at shutdown the rest is redelivered, to whoever owns the partition then.
        if (!isRunning() || isStale()) return;
        if (run.length > 1) await this.applyRun(run as EventDelivery<Tx>[], heartbeat);
        else await this.handle(run[0] as Handled<Tx>, heartbeat);
        resolveOffset((run[run.length - 1] as Handled<Tx>).message.offset);
        await heartbeat();
      }
      const last = batch.messages.at(-1);
      if (last && isRunning() && !isStale()) resolveOffset(last.offset);
    } finally {
      this.commits.applied(uncommittedOffsets());
      // kafkajs leaves the group once this batch is done: commit before it does.
      if (this.stopping) await this.commits.commit();
    }
  }

  private prepare(topic: string, partition: number, message: KafkaMessage): Delivery<Tx> {
    const at = { topic, partition, message };
    const decoded = decodeMessage(message);
    if (!decoded.ok) return { ...at, kind: 'dead', reason: decoded.reason };
    const { envelope, headers } = decoded;
    const reaction = this.reactions.get(envelope.type);
    if (!reaction) return { ...at, kind: 'ignore' }; // consumers ignore event types they do not react to
    if (reaction.contract.version !== envelope.version) {
      const reason = `no reaction for ${envelope.type} v${envelope.version} (handles v${reaction.contract.version})`;
      return { ...at, kind: 'dead', reason };
    }
    const payload = reaction.contract.payload.safeParse(envelope.payload);
    if (!payload.success)
      return { ...at, kind: 'dead', reason: `invalid ${envelope.type} payload: ${payload.error.message}` };
    if (reaction.concerns && !reaction.concerns(payload.data as never)) return { ...at, kind: 'ignore' };
    return { ...at, kind: 'event', reaction, event: { ...envelope, payload: payload.data }, headers };
  }

  private async handle(delivery: Handled<Tx>, heartbeat: () => Promise<void>): Promise<void> {
    if (delivery.kind === 'dead') {
      const { topic, partition, message, reason } = delivery;
      return this.deadLetter({ topic, partition, message, reason, attempts: 0 });
    }
    const { topic, event, headers } = delivery;
    const timer = this.options.metrics?.consumer().handlerDuration.startTimer({ group: this.options.groupId, topic });
    const span = tracer.startSpan(
      `process ${event.type}`,
      { kind: SpanKind.CONSUMER, attributes: this.spanAttributes(topic, { 'messaging.message.id': event.eventId }) },
      contextFromHeaders(headers),
    );
    try {
      // Inside the span's context, so every line logged for this event (retries too) has its trace id.
      const result = await context.with(trace.setSpan(context.active(), span), () =>
        this.applyWithRetries(delivery, heartbeat, span),
      );
      timer?.({ result });
    } finally {
      span.end();
    }
  }

  /** Events in one transaction, in order; a failed run is applied again event by event. */
  private async applyRun(run: EventDelivery<Tx>[], heartbeat: () => Promise<void>): Promise<void> {
    const { topic } = run[0] as EventDelivery<Tx>;
    const started = performance.now();
    try {
      const outcomes = await applyRunOnce(
        this.options.runInTransaction,
        this.options.groupId,
        run,
        (delivery) => delivery.event.eventId,
        (fresh, tx) => this.applyInOrder(fresh, tx),
      );
      const seconds = (performance.now() - started) / 1000;
      for (const result of outcomes)
        this.options.metrics
          ?.consumer()
          .handlerDuration.observe({ group: this.options.groupId, topic, result }, seconds);
    } catch (error) {
      if (this.stopping) throw error;
      this.options.logger.warn({ err: error, events: run.length }, 'batch failed; applying its events one by one');
      for (const delivery of run) await this.handle(delivery, heartbeat);
    }
  }

  /**
   * Each event in its own span (a child of its producer's, so the events it writes continue that
   * trace), except runs of a reaction that takes batches: one span linking every event's trace,
   * whose context the events written by the batch carry.
   */
  private applyInOrder(deliveries: EventDelivery<Tx>[], tx: Tx): Promise<void> {
    return applyRunInOrder(deliveries, tx, {
      lockRun: this.options.lockRun,
      around: (run, call) => {
        const { topic, reaction, event, headers } = run[0] as EventDelivery<Tx>;
        if (run.length > 1) {
          const links = run.flatMap((delivery) => {
            const linked = trace.getSpanContext(contextFromHeaders(delivery.headers));
            return linked ? [{ context: linked }] : [];
          });
          const attributes = this.spanAttributes(topic, { 'messaging.batch.message_count': run.length });
          const span = tracer.startSpan(`process ${reaction.contract.type} ×${run.length}`, {
            kind: SpanKind.CONSUMER,
            attributes,
            links,
          });
          return inSpan(span, trace.setSpan(context.active(), span), call);
        }
        const parent = contextFromHeaders(headers);
        const attributes = this.spanAttributes(topic, { 'messaging.message.id': event.eventId });
        const span = tracer.startSpan(`process ${event.type}`, { kind: SpanKind.CONSUMER, attributes }, parent);
        return inSpan(span, trace.setSpan(parent, span), call);
      },
    });
  }

  private spanAttributes(topic: string, extra: Record<string, string | number>) {
    return {
      'messaging.system': 'kafka',
      'messaging.destination.name': topic,
      'messaging.consumer.group.name': this.options.groupId,
      ...extra,
    };
  }

  /**
   * Applies the event, retrying with back-off; after its last attempt it goes to the dead-letter
   * topic. Only failures of the event itself use up attempts: while the database is unreachable,
   * every event would fail the same way, and dead-lettering them would stall whatever waits on them.
   */
  private async applyWithRetries(
    { topic, partition, message, reaction, event }: EventDelivery<Tx>,
    heartbeat: () => Promise<void>,
    span: Span,
  ): Promise<HandlerResult> {
    const log = this.options.logger.child({
      eventId: event.eventId,
      type: event.type,
      key: event.aggregateId,
      ...this.options.logFields?.(event),
    });
    const maxAttempts = this.options.maxAttempts ?? 5;
    let attempt = 0;
    for (let tries = 1; ; tries++) {
      try {
        const outcome = await applyOnce(this.options.runInTransaction, this.options.groupId, reaction, event);
        span.setAttribute('sneakers.outcome', outcome);
        return outcome;
      } catch (error) {
        if (this.stopping) throw error; // not applied and not dead-lettered: redelivered after restart
        const transient = isTransientDatabaseError(error);
        if (!transient) attempt++;
        if (attempt >= maxAttempts) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          log.error({ err: error, attempt }, 'event failed for good; sending it to the dead-letter topic');
          await this.deadLetter({ topic, partition, message, reason: String(error), attempts: attempt });
          return 'dead_lettered';
        }
        const delay = backoffDelay(tries, { baseMs: this.options.retryBaseMs ?? 100, maxMs: 5000 });
        log.warn(
          { err: error, attempt, retryInMs: delay },
          transient ? 'event failed on the database; retrying, not counted as an attempt' : 'event failed; retrying',
        );
        await this.stopSignal.sleep(delay, { wakeable: false });
        await heartbeat();
      }
    }
  }

  private run(): Promise<void> {
    return this.consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatchAutoResolve: false,
      // Committed by `commits`, once per interval, not by kafkajs after every batch.
      autoCommit: false,
      eachBatch: (payload) => this.handleFetched(payload),
    });
  }

  /**
   * kafkajs restarts a crashed consumer by itself only when the cause is retriable (a broker gone
   * longer than its retries is: measured, three crashes in a 30 s outage, each restarted). Any other
   * crash would leave the service running and consuming nothing, so it is restarted here, with back-off.
   */
  private crashed(error: Error, restarting: boolean, attempt = 1): void {
    this.options.logger.error({ err: error, restarting, groupId: this.options.groupId }, 'consumer crashed');
    if (restarting || this.stopping) return;
    const timer = setTimeout(
      () => {
        if (this.stopping) return;
        this.consumer
          .connect()
          .then(() => this.run())
          .then(
            () => this.options.logger.info({ groupId: this.options.groupId }, 'consumer restarted after a crash'),
            (restartError: Error) => this.crashed(restartError, false, attempt + 1),
          );
      },
      backoffDelay(attempt, { baseMs: 1000, maxMs: 30_000 }),
    );
    timer.unref();
  }

  private watchLag(): void {
    const { metrics, groupId, topics } = this.options;
    const admin = this.admin;
    if (!metrics || !admin) return;
    this.unwatchLag = metrics.consumer().watchLag(groupId, () => readConsumerLag(admin, groupId, topics));
  }

  private async deadLetter(letter: Omit<Parameters<typeof sendToDeadLetterTopic>[2], 'groupId'>): Promise<void> {
    const dlqTopic = deadLetterTopic(this.options.groupId);
    await sendToDeadLetterTopic(this.producer, dlqTopic, { ...letter, groupId: this.options.groupId });
    this.options.metrics?.consumer().deadLetters.inc({ group: this.options.groupId, topic: letter.topic });
    this.options.logger.warn(
      { topic: letter.topic, offset: letter.message.offset, reason: letter.reason, dlqTopic },
      'dead-lettered',
    );
  }
}

/** Runs `work` in `activeContext` and ends `span` after it, marking it failed if `work` threw. */
async function inSpan(span: Span, activeContext: Context, work: () => Promise<unknown>): Promise<void> {
  try {
    await context.with(activeContext, work);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}
