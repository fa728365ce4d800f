/**
 * Work per unit (order, request) counted in what does not depend on the host's speed: transactions
 * and rows written in each database (pg_stat_database), and offsets each Kafka topic moved by
 * (records, and the markers of the producers' transactions). CPU per order of the same code moves by
 * a third between runs on a shared host; these counts do not, so a change of a few statements shows.
 */
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

// A backend that goes idle within a second of publishing its counts publishes the rest 10 s later
// (PostgreSQL's PGSTAT_IDLE_INTERVAL), so a reading waits that long after the work.
const STATS_PUBLISHED_MS = 11_000;

export interface WorkCountsOptions {
  /** Database URLs by the name to print. */
  databases: Record<string, string>;
  brokers: string[];
}

interface Reading {
  transactions: Map<string, number>;
  rowsWritten: Map<string, number>;
  offsets: Map<string, number>;
}

export interface WorkReport {
  /** By database, read-only ones included. */
  transactionsPerUnit: Record<string, number>;
  /** By database and table: inserted, updated and deleted. */
  rowsWrittenPerUnit: Record<string, number>;
  /** By topic, Kafka's internal topics (consumer offsets, transaction state) included. */
  kafkaOffsetsPerUnit: Record<string, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readDatabase(url: string): Promise<{ transactions: number; rowsWritten: Map<string, number> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ transactions: string }>(
      'SELECT xact_commit + xact_rollback AS transactions FROM pg_stat_database WHERE datname = current_database()',
    );
    const tables = await client.query<{ name: string; rows_written: string }>(
      'SELECT relname AS name, n_tup_ins + n_tup_upd + n_tup_del AS rows_written FROM pg_stat_user_tables',
    );
    return {
      transactions: Number(rows[0]?.transactions),
      rowsWritten: new Map(tables.rows.map((table) => [table.name, Number(table.rows_written)])),
    };
  } finally {
    await client.end();
  }
}

async function readOffsets(brokers: string[]): Promise<Map<string, number>> {
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = await admin.listTopics();
    const ends = await Promise.all(
      topics.map(async (topic) => {
        const partitions = await admin.fetchTopicOffsets(topic);
        return [topic, partitions.reduce((sum, { high }) => sum + Number(high), 0)] as const;
      }),
    );
    return new Map(ends);
  } finally {
    await admin.disconnect();
  }
}

async function read({ databases, brokers }: WorkCountsOptions): Promise<Reading> {
  await sleep(STATS_PUBLISHED_MS);
  const reading: Reading = { transactions: new Map(), rowsWritten: new Map(), offsets: await readOffsets(brokers) };
  for (const [name, url] of Object.entries(databases)) {
    const { transactions, rowsWritten } = await readDatabase(url);
    reading.transactions.set(name, transactions);
    for (const [table, rows] of rowsWritten) reading.rowsWritten.set(`${name}.${table}`, rows);
  }
  return reading;
}

function perUnit(before: Map<string, number>, after: Map<string, number>, units: number): Record<string, number> {
  const entries = [...after]
    .map(([name, count]) => [name, Math.round(((count - (before.get(name) ?? 0)) / units) * 100) / 100] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(entries);
}

/** Reads the counts once PostgreSQL has published them; `per(units)` reads them again and divides. */
export async function startWorkCounts(
  options: WorkCountsOptions,
): Promise<{ per: (units: number) => Promise<WorkReport> }> {
  const before = await read(options);
  return {
    per: async (units) => {
      const after = await read(options);
      return {
        transactionsPerUnit: perUnit(before.transactions, after.transactions, units),
        rowsWrittenPerUnit: perUnit(before.rowsWritten, after.rowsWritten, units),
        kafkaOffsetsPerUnit: perUnit(before.offsets, after.offsets, units),
      };
    },
  };
}
