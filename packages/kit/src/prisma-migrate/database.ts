// Throw-away databases for migration checks. Plain pg, because the engine has no
// create/drop-database command in its Wasm build.
import { Client } from 'pg';

/** The server's maintenance database, used to create and drop others. Overridable per machine. */
export const defaultAdminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** `baseUrl` pointing at database `name` instead (credentials, host and query kept). */
export function databaseUrl(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
}

/** Drops `name` even if connections are still open (a failed test must not leave it behind). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** A name unlikely to collide with a parallel run: `<prefix>_<random>`, lower case for SQL. */
export function throwAwayDatabaseName(prefix = 't'): string {
  return `${prefix}_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Identifiers cannot be bound as query parameters, so quote them ourselves.
function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
