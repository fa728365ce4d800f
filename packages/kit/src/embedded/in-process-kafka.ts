import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Admin,
  Consumer,
  ConsumerRunConfig,
  EachBatchPayload,
  EachMessagePayload,
  Kafka,
  KafkaMessage,
  Message,
  Producer,
} from 'kafkajs';

interface StoredMessage {
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | Buffer[]>;
  timestamp: string;
}

type HeaderValue = string | Buffer | Array<string | Buffer>;

interface ConsumerGroup {
  /** Next offset to deliver, per `topic:partition`. */
  offsets: Map<string, number>;
  /** Members in join order; the first one that runs consumes, the others stand by. */
  members: InProcessConsumer[];
}

const GROUP_JOIN = 'consumer.group_join';
// Never emitted: one process, no rebalance. Declared so code written for kafkajs can listen for it.
const REBALANCING = 'consumer.rebalancing';
const RETRY_AFTER_FAILURE_MS = 1000;
// Appends and departures wake consumers at once; this only bounds a wait nothing would end.
const IDLE_WAIT_MS = 1000;
/** Most messages handed to `eachBatch` at once, as a fetch from a broker is bounded in size. */
const MAX_BATCH = 500;

/**
 * Kafka's contract for one process, for the embedded mode: topics with partitions, a message's
 * partition chosen by its key (so per-key order holds), consumer groups that resume from their
 * committed offsets, and at-least-once delivery (a handler that throws gets the message again).
 * It implements the part of kafkajs's API the platform uses, so the outbox relay, the consumers and
 * the dead-letter topics run unchanged on it. With `dir`, the log and the committed offsets are
 * kept in files there, so a restart loses nothing a broker would have kept.
 */
export class InProcessKafka {
  private readonly topics = new Map<string, StoredMessage[][]>();
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly waiting = new Set<() => void>();

  constructor(private readonly dir?: string) {
    if (dir) this.load(dir);
  }

  /** The same object typed as the kafkajs client the services are written against. */
  asKafka(): Kafka {
    return this as unknown as Kafka;
  }

  producer(): Producer {
    const send = async ({ topic, messages }: { topic: string; messages: Message[] }) =>
      messages.map((message) => this.append(topic, message));
    return {
      connect: async () => undefined,
      disconnect: async () => undefined,
      send,
      sendBatch: async ({ topicMessages = [] }: { topicMessages?: Array<{ topic: string; messages: Message[] }> }) =>
        (await Promise.all(topicMessages.map(send))).flat(),
    } as unknown as Producer;
  }

  consumer({ groupId }: { groupId: string }): Consumer {
    return new InProcessConsumer(this, groupId, this.group(groupId)) as unknown as Consumer;
  }

  admin(): Admin {
    return {
      connect: async () => undefined,
      disconnect: async () => undefined,
      listTopics: async () => [...this.topics.keys()],
      createTopics: async ({ topics }: { topics: Array<{ topic: string; numPartitions?: number }> }) => {
        const created = topics.filter((t) => !this.topics.has(t.topic));
        for (const t of created) this.createTopic(t.topic, t.numPartitions ?? 1);
        return created.length > 0;
      },
      describeCluster: async () => ({
        brokers: [{ nodeId: 0, host: 'in-process', port: 0 }],
        controller: 0,
        clusterId: 'in-process',
      }),
      fetchTopicMetadata: async ({ topics }: { topics: string[] }) => ({
        topics: topics.map((name) => ({
          name,
          partitions: this.partitionsOf(name).map((_, partitionId) => ({ partitionId, leader: 0 })),
        })),
      }),
      fetchTopicOffsets: async (topic: string) =>
        this.partitionsOf(topic).map((log, partition) => ({
          partition,
          offset: String(log.length),
          high: String(log.length),
          low: '0',
        })),
      fetchOffsets: async ({ groupId, topics }: { groupId: string; topics: string[] }) =>
        topics.map((topic) => ({
          topic,
          partitions: this.partitionsOf(topic).map((_, partition) => ({
            partition,
            offset: String(this.group(groupId).offsets.get(`${topic}:${partition}`) ?? -1),
          })),
        })),
    } as unknown as Admin;
  }

  /** @internal */
  partitionsOf(topic: string): StoredMessage[][] {
    const partitions = this.topics.get(topic);
    // The broker's answer when a topic was never created (auto-creation is off on ours too).
    if (!partitions) throw new Error(`This server does not host this topic-partition: ${topic}`);
    return partitions;
  }

  /** @internal Resolves at the next append or departure anywhere, or after `ms`. */
  nextChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiting.add(done);
    });
  }

  /** @internal */
  wakeConsumers(): void {
    for (const wake of [...this.waiting]) wake();
  }

  /** @internal */
  commit(group: ConsumerGroup, groupId: string, topic: string, partition: number, next: number): void {
    group.offsets.set(`${topic}:${partition}`, next);
    if (this.dir) writeFileSync(join(this.dir, `${groupId}.offsets.json`), JSON.stringify([...group.offsets]));
  }

  private group(groupId: string): ConsumerGroup {
    let group = this.groups.get(groupId);
    if (!group) {
      group = { offsets: new Map(), members: [] };
      this.groups.set(groupId, group);
    }
    return group;
  }

  private createTopic(topic: string, numPartitions: number): void {
    this.topics.set(
      topic,
      Array.from({ length: numPartitions }, () => []),
    );
    if (this.dir) writeFileSync(join(this.dir, `${topic}.topic.json`), JSON.stringify({ numPartitions }));
  }

  private append(topic: string, message: Message) {
    const partitions = this.partitionsOf(topic);
    const key = toBuffer(message.key);
    const partition = message.partition ?? (key ? hash(key) % partitions.length : 0);
    const stored: StoredMessage = {
      key,
      value: toBuffer(message.value),
      headers: Object.fromEntries(
        Object.entries(message.headers ?? {}).flatMap(([name, value]) =>
          value === undefined ? [] : [[name, mapHeader(value as HeaderValue, (v) => toBuffer(v) as Buffer)]],
        ),
      ),
      timestamp: message.timestamp ?? String(Date.now()),
    };
    const log = partitions[partition] as StoredMessage[];
    log.push(stored);
    if (this.dir) appendFileSync(join(this.dir, `${topic}.log`), `${JSON.stringify(serialize(partition, stored))}\n`);
    this.wakeConsumers();
    return { topicName: topic, partition, errorCode: 0, baseOffset: String(log.length - 1) };
  }

  private load(dir: string): void {
    mkdirSync(dir, { recursive: true });
    for (const file of readdirSync(dir)) {
      if (file.endsWith('.topic.json')) {
        const topic = file.slice(0, -'.topic.json'.length);
        const { numPartitions } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { numPartitions: number };
        const partitions: StoredMessage[][] = Array.from({ length: numPartitions }, () => []);
        const logFile = join(dir, `${topic}.log`);
        if (existsSync(logFile))
          for (const line of readFileSync(logFile, 'utf8').split('\n'))
            if (line) {
              const { partition, message } = deserialize(line);
              partitions[partition]?.push(message);
            }
        this.topics.set(topic, partitions);
      } else if (file.endsWith('.offsets.json')) {
        const groupId = file.slice(0, -'.offsets.json'.length);
        const entries = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Array<[string, number]>;
        this.group(groupId).offsets = new Map(entries);
      }
    }
  }
}

class InProcessConsumer {
  readonly events = { GROUP_JOIN, REBALANCING };
  private topics: string[] = [];
  private fromBeginning = false;
  private readonly listeners = new Set<(event: unknown) => void>();
  private running: Promise<void>[] = [];
  private stopped = false;

  constructor(
    private readonly bus: InProcessKafka,
    private readonly groupId: string,
    private readonly group: ConsumerGroup,
  ) {}

  async connect(): Promise<void> {}

  async subscribe({ topics, topic, fromBeginning }: { topics?: string[]; topic?: string; fromBeginning?: boolean }) {
    for (const t of topics ?? (topic ? [topic] : [])) this.bus.partitionsOf(t);
    this.topics.push(...(topics ?? (topic ? [topic] : [])));
    this.fromBeginning = fromBeginning ?? false;
  }

  on(event: string, listener: (event: unknown) => void): () => void {
    if (event !== GROUP_JOIN) return () => undefined;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async run({ eachMessage, eachBatch }: ConsumerRunConfig): Promise<void> {
    const handle = eachBatch ? this.batchesTo(eachBatch) : eachMessage ? this.messagesTo(eachMessage) : undefined;
    if (!handle) throw new Error('run() needs eachMessage or eachBatch');
    this.group.members.push(this);
    for (const topic of this.topics)
      this.bus.partitionsOf(topic).forEach((_, partition) => {
        const key = `${topic}:${partition}`;
        if (!this.group.offsets.has(key))
          this.group.offsets.set(key, this.fromBeginning ? 0 : (this.bus.partitionsOf(topic)[partition]?.length ?? 0));
        this.running.push(this.consume(topic, partition, handle, eachBatch ? MAX_BATCH : 1));
      });
    setImmediate(() => {
      for (const listener of this.listeners) listener({ type: GROUP_JOIN });
    });
  }

  async disconnect(): Promise<void> {
    this.stopped = true;
    this.bus.wakeConsumers();
    await Promise.all(this.running);
    this.group.members.splice(this.group.members.indexOf(this), 1);
    this.bus.wakeConsumers(); // a standby member of the group takes over now
  }

  async stop(): Promise<void> {
    await this.disconnect();
  }

  /**
   * Hands messages of one partition to the handler, committing each offset it resolves (with
   * `eachMessage`, each message it returns from). A handler that throws leaves the rest for
   * redelivery, as with kafkajs.
   */
  private messagesTo(eachMessage: (payload: EachMessagePayload) => Promise<void>): PartitionHandler {
    return async (topic, partition, [message], commit) => {
      await eachMessage({
        topic,
        partition,
        message: message as KafkaMessage,
        heartbeat: async () => undefined,
        pause: () => () => undefined,
      });
      commit((message as KafkaMessage).offset);
    };
  }

  private batchesTo(eachBatch: (payload: EachBatchPayload) => Promise<void>): PartitionHandler {
    return (topic, partition, messages, commit) =>
      eachBatch({
        batch: { topic, partition, messages },
        resolveOffset: commit,
        heartbeat: async () => undefined,
        isRunning: () => !this.stopped,
        isStale: () => this.group.members[0] !== this,
        commitOffsetsIfNecessary: async () => undefined,
        uncommittedOffsets: () => ({ topics: [] }),
        pause: () => () => undefined,
      } as unknown as EachBatchPayload);
  }

  private async consume(topic: string, partition: number, handle: PartitionHandler, maxMessages: number) {
    const key = `${topic}:${partition}`;
    const commit = (offset: string) => this.bus.commit(this.group, this.groupId, topic, partition, Number(offset) + 1);
    while (!this.stopped) {
      const log = this.bus.partitionsOf(topic)[partition] as StoredMessage[];
      const offset = this.group.offsets.get(key) ?? 0;
      if (offset >= log.length || this.group.members[0] !== this) {
        await this.bus.nextChange(IDLE_WAIT_MS);
        continue;
      }
      const end = Math.min(log.length, offset + maxMessages);
      const messages = log
        .slice(offset, end)
        .map(
          (stored, i) => ({ ...stored, offset: String(offset + i), attributes: 0, size: 0 }) as unknown as KafkaMessage,
        );
      try {
        await handle(topic, partition, messages, commit);
      } catch {
        // What was not committed comes again after a pause.
        await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_FAILURE_MS));
      }
    }
  }
}

/** Handles messages of one partition in order, calling `commit` with each offset done. */
type PartitionHandler = (
  topic: string,
  partition: number,
  messages: KafkaMessage[],
  commit: (offset: string) => void,
) => Promise<void>;

function mapHeader<From, To>(value: From | From[], map: (v: From) => To): To | To[] {
  return Array.isArray(value) ? value.map(map) : map(value);
}

function toBuffer(value: string | Buffer | null | undefined): Buffer | null {
  if (value === null || value === undefined) return null;
  return Buffer.isBuffer(value) ? value : Buffer.from(value);
}

/** FNV-1a: any stable hash keeps a key on one partition; the broker's murmur2 is not needed here. */
function hash(key: Buffer): number {
  let h = 0x811c9dc5;
  for (const byte of key) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

function serialize(partition: number, m: StoredMessage) {
  return {
    partition,
    key: m.key?.toString('base64') ?? null,
    value: m.value?.toString('base64') ?? null,
    headers: Object.fromEntries(
      Object.entries(m.headers).map(([k, v]) => [k, mapHeader(v, (b) => b.toString('base64'))]),
    ),
    timestamp: m.timestamp,
  };
}

function deserialize(line: string): { partition: number; message: StoredMessage } {
  const raw = JSON.parse(line) as ReturnType<typeof serialize>;
  const fromBase64 = (v: string | null) => (v === null ? null : Buffer.from(v, 'base64'));
  return {
    partition: raw.partition,
    message: {
      key: fromBase64(raw.key),
      value: fromBase64(raw.value),
      headers: Object.fromEntries(
        Object.entries(raw.headers).map(([k, v]) => [k, mapHeader(v, (b) => Buffer.from(b, 'base64'))]),
      ),
      timestamp: raw.timestamp,
    },
  };
}
