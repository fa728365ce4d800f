import { Client, Pool } from 'pg';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../src/embedded';

// PGlite is a single backend session shared by every connection: these prove the session queue
// gives each connection what a real server would (isolated transactions, its own extended
// queries, notifications for what it listens to).
describe('embedded PostgreSQL (PGlite behind a local port)', () => {
  let pg: EmbeddedPostgres;
  let pool: Pool;

  beforeAll(async () => {
    pg = await startEmbeddedPostgres();
    pool = new Pool({ connectionString: pg.url, max: 8 });
    await pool.query('CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)');
  });
  afterAll(async () => {
    await pool.end();
    await pg.stop();
  });

  it('keeps concurrent read-modify-write transactions from losing updates, and rolls back cleanly', async () => {
    await pool.query('INSERT INTO counter SELECT g, 0 FROM generate_series(1, 5) g');
    await Promise.all(
      Array.from({ length: 120 }, async (_, i) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const id = 1 + (i % 5);
          const { rows } = await client.query('SELECT value FROM counter WHERE id = $1', [id]);
          await new Promise((resolve) => setTimeout(resolve, 1)); // let other connections try to cut in
          await client.query('UPDATE counter SET value = $1 WHERE id = $2', [rows[0].value + 1, id]);
          await client.query(i % 4 === 0 ? 'ROLLBACK' : 'COMMIT');
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query('SELECT sum(value)::int AS total FROM counter');
    expect(rows[0].total).toBe(90);
  });

  it('hides one connection’s uncommitted writes from another', async () => {
    const writer = await pool.connect();
    await writer.query('BEGIN');
    await writer.query('INSERT INTO counter VALUES (100, 1)');
    const reader = pool.query('SELECT count(*)::int AS n FROM counter WHERE id = 100');
    await writer.query('ROLLBACK');
    writer.release();
    expect((await reader).rows[0].n).toBe(0);
  });

  it('answers concurrent parameterized queries each with its own parameters', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => pool.query('SELECT $1::int * 2 AS doubled', [i])),
    );
    expect(results.map((r) => r.rows[0].doubled)).toEqual(Array.from({ length: 100 }, (_, i) => i * 2));
  });

  it('delivers NOTIFY to the connection that listens, from a committed transaction of another', async () => {
    const listener = new Client({ connectionString: pg.url });
    await listener.connect();
    const received: string[] = [];
    listener.on('notification', (n) => received.push(`${n.channel}:${n.payload}`));
    await listener.query('LISTEN wake');
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query("SELECT pg_notify('wake', 'committed')");
    await client.query('COMMIT');
    await client.query('BEGIN');
    await client.query("SELECT pg_notify('wake', 'rolled back')");
    await client.query('ROLLBACK');
    await client.query("SELECT pg_notify('other', 'not listened to')");
    client.release();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await listener.end();
    expect(received).toEqual(['wake:committed']);
  });

  it('rolls back what a connection left open when it went away', async () => {
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO counter VALUES (200, 1)');
    client.end().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM counter WHERE id = 200');
    expect(rows[0].n).toBe(0);
  });
});
