import path from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../src/testing';
import { CounterWorld } from './counter-fixture';

const SHARED_DIR = path.resolve(__dirname, '../..');

/** A fresh database (shared kit migrations applied), a pool, and a counter world on unique topics. */
export async function createWorld(brokers?: string[]): Promise<{ world: CounterWorld; cleanUp: () => Promise<void> }> {
  const database: TestDatabase = await createTestDatabase(SHARED_DIR);
  const pool = new Pool({ connectionString: database.url, max: 8 });
  const world = new CounterWorld(database.url, pool, brokers);
  await world.setUp();
  return {
    world,
    cleanUp: async () => {
      await world.tearDown();
      await pool.end();
      await database.drop();
    },
  };
}
