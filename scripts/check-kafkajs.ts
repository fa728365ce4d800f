/**
 * Smoke test: kafkajs 2.2.4 against the local Kafka 3.9 broker (scripts/kafka.sh start).
 *
 *   npx tsx scripts/check-kafkajs.ts            # broker at 127.0.0.1:9092
 *   KAFKA_BROKERS=127.0.0.1:19092 npx tsx scripts/check-kafkajs.ts
 *
 * Checks: explicit topic creation (auto-create is off), acks=-1 producing with and without the
 * idempotent producer, a transactional producer, a consumer group (join, commit, fetchOffsets),
 * consumer.seek to offset 0, a second member joining (rebalance) and topic deletion. Fails if
 * kafkajs logs a coordinator or protocol error. Prints group-join timings for the default kafkajs
 * consumer settings and for FAST_CONSUMER (the settings tests should use against a single broker).
 */
import { randomUUID } from 'node:crypto';
import {
  type Consumer,
  type ConsumerConfig,
  type EachMessagePayload,
  Kafka,
  type LogEntry,
  logLevel,
  Partitioners,
} from 'kafkajs';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** Consumer settings that make group joins/rebalances fast on a single local broker. */
export const FAST_CONSUMER = {
  sessionTimeout: 6_000, // broker allows >= group.min.session.timeout.ms (1000 in infra/kafka/server.properties)
  rebalanceTimeout: 5_000, // how long the coordinator waits for existing members to rejoin
  heartbeatInterval: 500, // members learn about a rebalance on their next heartbeat
  maxWaitTimeInMs: 100, // fetch long-poll; kafkajs only heartbeats between fetches
} satisfies Partial<ConsumerConfig>;

const LEVEL_NAMES: Record<number, string> = { 1: 'ERROR', 2: 'WARN', 4: 'INFO', 5: 'DEBUG' };
const problems: string[] = [];
const logs: string[] = [];
const logCreator =
  () =>
  ({ namespace, level, log }: LogEntry) => {
    const { message, error, ...rest } = log as { message: string; error?: string };
    const line = `${LEVEL_NAMES[level] ?? level} [${namespace}] ${message} ${error ?? ''} ${JSON.stringify(rest)}`;
    logs.push(line);
    if (level <= logLevel.WARN && /coordinator|UNSUPPORTED_VERSION|protocol|not supported/i.test(line)) {
      problems.push(line);
    }
  };

const kafka = new Kafka({ clientId: 'check-kafkajs', brokers, logLevel: logLevel.WARN, logCreator });
const admin = kafka.admin();

const ok = (msg: string) => {
  console.log(`  ok  ${msg}`);
  logs.push(`---- ok ${msg}`);
};
function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`ASSERTION FAILED: ${msg}`);
}
const ms = (t0: number) => Math.round(performance.now() - t0);

async function waitFor<T>(what: string, fn: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts a consumer and resolves with how long connect+subscribe+run took until GROUP_JOIN. */
async function startConsumer(
  consumer: Consumer,
  topic: string,
  onMessage: (p: EachMessagePayload) => void,
): Promise<{ joinMs: number; brokerJoinMs: number }> {
  const t0 = performance.now();
  let joined: { joinMs: number; brokerJoinMs: number } | undefined;
  const off = consumer.on(consumer.events.GROUP_JOIN, (e) => {
    joined = { joinMs: ms(t0), brokerJoinMs: e.payload.duration };
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({ eachMessage: async (p) => onMessage(p) });
  const r = await waitFor('GROUP_JOIN', () => joined);
  off();
  return r;
}

async function main() {
  const t0 = performance.now();
  await admin.connect();
  const cluster = await admin.describeCluster();
  ok(`connected to ${brokers.join(',')}: ${cluster.brokers.length} broker(s), controller ${cluster.controller}`);

  const topic = `check-kafkajs-${randomUUID().slice(0, 8)}`;

  // --- auto-create must be off -------------------------------------------------------------
  const probeProducer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: 1, initialRetryTime: 100 },
  });
  await probeProducer.connect();
  const autoCreate = await probeProducer.send({ topic: `${topic}-nope`, messages: [{ value: 'x' }] }).then(
    () => 'created',
    (e: Error) => e.message,
  );
  await probeProducer.disconnect();
  assert(autoCreate !== 'created', 'producing to a missing topic must not auto-create it');
  const existing = await admin.listTopics();
  assert(!existing.includes(`${topic}-nope`), 'missing topic was auto-created');
  ok(`auto.create.topics.enable=false holds (${autoCreate})`);
  // the expected UNKNOWN_TOPIC_OR_PARTITION noise above is not a problem

  // --- create topic ------------------------------------------------------------------------
  let t = performance.now();
  const created = await admin.createTopics({
    topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  assert(created, 'createTopics returned false');
  const meta = await admin.fetchTopicMetadata({ topics: [topic] });
  assert(meta.topics[0]?.partitions.length === 3, 'topic should have 3 partitions');
  ok(`created ${topic} with 3 partitions in ${ms(t)} ms`);

  // --- produce, acks=-1, idempotent off and on, then transactional --------------------------
  const plain = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: false });
  const idem = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  const txn = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: true,
    maxInFlightRequests: 1,
    transactionalId: `check-kafkajs-${randomUUID()}`,
  });
  const batch = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `${prefix}-${i}`, partition: i % 3 }));
  for (const [name, p] of [
    ['idempotent=false', plain],
    ['idempotent=true', idem],
  ] as const) {
    t = performance.now();
    await p.connect();
    const res = await p.send({ topic, acks: -1, messages: batch(name, 30) });
    assert(
      res.every((r) => r.errorCode === 0),
      `${name}: produce errors ${JSON.stringify(res)}`,
    );
    ok(`produced 30 messages, acks=-1, ${name} in ${ms(t)} ms (incl. connect)`);
  }
  t = performance.now();
  await txn.connect();
  const tx = await txn.transaction();
  await tx.send({ topic, acks: -1, messages: batch('txn', 3) });
  await tx.commit();
  ok(`transactional producer: init + send + commit in ${ms(t)} ms`);
  const TOTAL = 63;
  await Promise.all([plain.disconnect(), idem.disconnect(), txn.disconnect()]);

  // Commit markers (one per partition the transaction touched) are written asynchronously after
  // EndTxn returns; kafkajs' ListOffsets is READ_COMMITTED, so poll until the LSO moves past them.
  let offsets = await admin.fetchTopicOffsets(topic);
  for (let i = 0; i < 100 && offsets.reduce((s, o) => s + Number(o.high), 0) < TOTAL + 3; i++) {
    await new Promise((r) => setTimeout(r, 50));
    offsets = await admin.fetchTopicOffsets(topic);
  }
  const high = offsets.reduce((s, o) => s + Number(o.high), 0);
  assert(high === TOTAL + 3, `high watermarks sum ${high}, expected ${TOTAL + 3}`);
  ok(`fetchTopicOffsets: high watermarks ${offsets.map((o) => `p${o.partition}=${o.high}`).join(' ')}`);

  // --- consumer group: join, consume, commit ------------------------------------------------
  const joinTimings: Record<string, unknown> = {};
  for (const [label, settings] of [
    ['kafkajs defaults', {}],
    ['FAST_CONSUMER', FAST_CONSUMER],
  ] as const) {
    const groupId = `check-kafkajs-${label.replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}`;
    const seen = new Map<string, number>();
    const c1 = kafka.consumer({ groupId, ...settings });
    const j1 = await startConsumer(c1, topic, ({ partition, message }) => {
      seen.set(`${partition}:${message.offset}`, (seen.get(`${partition}:${message.offset}`) ?? 0) + 1);
    });
    t = performance.now();
    await waitFor('all messages', () => seen.size >= TOTAL);
    const consumeMs = ms(t);

    // second member joins -> rebalance; both must get GROUP_JOIN again
    const c2 = kafka.consumer({ groupId, ...settings });
    t = performance.now();
    let c1Rejoined = 0;
    const off = c1.on(c1.events.GROUP_JOIN, () => {
      c1Rejoined = ms(t);
    });
    const j2 = await startConsumer(c2, topic, () => {});
    await waitFor('c1 rejoin', () => c1Rejoined, 70_000);
    off();
    const rebalanceMs = ms(t);
    const groupDesc = await admin.describeGroups([groupId]);
    const members = groupDesc.groups[0]?.members.length;

    await c2.disconnect(); // LeaveGroup -> rebalance back to one member
    await c1.disconnect(); // commits on disconnect
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    assert(committed, 'fetchOffsets returned nothing');
    const committedSum = committed.partitions.reduce((s, p) => s + Number(p.offset), 0);
    assert(committedSum === TOTAL + 3, `committed offsets sum ${committedSum}, expected ${TOTAL + 3}`);
    assert(members === 2, `expected 2 group members, got ${members}`);
    joinTimings[label] = {
      firstJoinMs: j1.joinMs,
      firstJoinBrokerMs: j1.brokerJoinMs,
      consumeAllMs: consumeMs,
      secondMemberJoinMs: j2.joinMs,
      rebalanceUntilBothJoinedMs: rebalanceMs,
    };
    ok(
      `group (${label}): first join ${j1.joinMs} ms, consumed ${seen.size} in ${consumeMs} ms, ` +
        `2nd member + rebalance ${rebalanceMs} ms, committed offsets ${committed.partitions
          .map((p) => `p${p.partition}=${p.offset}`)
          .join(' ')}`,
    );
    await admin.deleteGroups([groupId]);
  }

  // --- seek to offset 0 ----------------------------------------------------------------------
  {
    const groupId = `check-kafkajs-seek-${randomUUID().slice(0, 8)}`;
    const c = kafka.consumer({ groupId, ...FAST_CONSUMER });
    const p0: string[] = [];
    await startConsumer(c, topic, ({ partition, message }) => {
      if (partition === 0) p0.push(message.offset);
    });
    const firstPass = await waitFor('partition 0 drained', () => p0.length >= 21 && p0.length);
    t = performance.now();
    c.seek({ topic, partition: 0, offset: '0' });
    await waitFor('re-delivery after seek', () => p0.length >= firstPass * 2 && p0.length);
    assert(p0[firstPass] === '0', `first offset after seek was ${p0[firstPass]}`);
    ok(`consumer.seek(p0 -> 0): re-delivered ${p0.length - firstPass} messages from offset 0 in ${ms(t)} ms`);
    await c.disconnect();
    await admin.deleteGroups([groupId]);
  }

  // --- delete topic --------------------------------------------------------------------------
  t = performance.now();
  await admin.deleteTopics({ topics: [topic], timeout: 10_000 });
  await waitFor('topic gone', () => true);
  const after = await admin.listTopics();
  assert(!after.includes(topic), 'topic still listed after delete');
  ok(`deleted ${topic} in ${ms(t)} ms`);
  await admin.disconnect();

  if (problems.length) {
    console.error(`kafkajs reported coordinator/protocol problems:\n${problems.join('\n')}`);
    process.exitCode = 1;
  } else {
    ok('no coordinator-not-available or protocol errors logged by kafkajs');
  }
  if (process.env.VERBOSE && logs.length) console.log(logs.join('\n'));
  console.log(`\ngroup join timings (ms): ${JSON.stringify(joinTimings, null, 2)}`);
  console.log(`FAST_CONSUMER = ${JSON.stringify(FAST_CONSUMER)}`);
  console.log(`total ${ms(t0)} ms`);
}

main().catch(async (e) => {
  console.error(e);
  if (logs.length) console.error(logs.slice(-30).join('\n'));
  await admin.disconnect().catch(() => {});
  process.exit(1);
});
