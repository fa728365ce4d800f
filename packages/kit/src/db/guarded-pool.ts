import { Pool, type PoolConfig } from 'pg';

/**
 * A pg Pool whose every client keeps an 'error' listener for its whole life. pg-pool removes its
 * own listener when it hands a client out, and the borrower adds one only a moment later: a
 * terminated backend whose message arrives in between (a new connection's "ready" and the server's
 * "terminating connection" in one read) was an unhandled 'error' that killed the process (seen with
 * every connection of a database cut every 50 ms). The pool still destroys a broken client when it
 * comes back; this listener only keeps the process alive meanwhile.
 */
export function guardedPool(config: PoolConfig, onError: (error: Error) => void): Pool {
  const pool = new Pool(config);
  pool.on('connect', (client) => client.on('error', onError));
  // An idle client's error reaches the pool; without a listener it too would end the process.
  pool.on('error', onError);
  return pool;
}
