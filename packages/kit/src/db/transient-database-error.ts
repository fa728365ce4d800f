/**
 * Whether a failed transaction failed because of the database's infrastructure (a connection
 * refused, dropped or unavailable, a server shutting down or full, a pool with no free connection
 * in time, a serialization failure or deadlock) rather than because of the work itself. Such a
 * failure says nothing about the work: the same work succeeds once the database is back.
 *
 * It looks through everything the layers wrap around the cause: the kit's 503 (`cause`), Prisma's
 * error (`meta.driverAdapterError`), the driver adapter's mapped cause (`kind`, `originalCode`),
 * pg's own error (SQLSTATE `code`) and Node's socket error (`code`).
 */
export function isTransientDatabaseError(error: unknown): boolean {
  return layersOf(error).some(isTransientLayer);
}

// SQLSTATE: class 08 (connection exception) by prefix, and these single codes.
const TRANSIENT_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the backend was terminated
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting or shutting down
  '53300', // too_many_connections
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

const TRANSIENT_PRISMA_CODES = new Set([
  'P1001', // can't reach the database server
  'P1002', // the server was reached but timed out
  'P1008', // operation timed out
  'P1017', // the server closed the connection
  'P2024', // timed out fetching a connection from the pool
  'P2034', // write conflict or deadlock: retry the transaction
  'P2037', // too many database connections
]);

// What the driver adapter calls the same causes, when Prisma passes its error on unmapped.
const TRANSIENT_ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TransactionWriteConflict',
]);

const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

// pg reports a connection lost mid-query, or a client used after its connection broke, with no code.
const CONNECTION_LOST_MESSAGE =
  /Connection terminated|encountered a connection error and is not queryable|timeout exceeded when trying to connect/;

interface Layer {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
}

function isTransientLayer({ code, originalCode, kind, message }: Layer): boolean {
  const codes = [code, originalCode].filter((c): c is string => typeof c === 'string');
  if (codes.some((c) => TRANSIENT_SQLSTATES.has(c) || /^08[0-9A-Z]{3}$/.test(c))) return true;
  if (codes.some((c) => TRANSIENT_PRISMA_CODES.has(c) || TRANSIENT_SOCKET_CODES.has(c))) return true;
  // P2028 covers every misuse of the transaction API; only this message means "no connection in time".
  if (code === 'P2028' && typeof message === 'string' && message.includes('Unable to start a transaction')) return true;
  if (typeof kind === 'string' && TRANSIENT_ADAPTER_KINDS.has(kind)) return true;
  return typeof message === 'string' && CONNECTION_LOST_MESSAGE.test(message);
}

/** The error and everything wrapped inside it, outermost first (bounded, in case of a cycle). */
function layersOf(error: unknown): Layer[] {
  const layers: Layer[] = [];
  const pending: unknown[] = [error];
  while (pending.length > 0 && layers.length < 10) {
    const layer = pending.shift();
    if (typeof layer !== 'object' || layer === null) continue;
    layers.push(layer as Layer);
    const { cause, meta } = layer as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    pending.push(cause, meta?.driverAdapterError);
  }
  return layers;
}
