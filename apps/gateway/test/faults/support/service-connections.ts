import { testEnv } from '@sneakers/kit/testing';
import { Client } from 'pg';
import { PLATFORM_SERVICE_NAMES, type Platform, type ServiceName } from '../../support/platform';
import { SUITE_APPLICATION_NAME } from './shop-invariants';

export type ConnectionCounts = Record<ServiceName, { total: number; listening: number }>;

/** The server's view of each service's database: what an operator (or a reaper) sees and can cut. */
export class ServiceConnections {
  private constructor(
    private readonly platform: Platform,
    private readonly admin: Client,
  ) {}

  static async open(platform: Platform): Promise<ServiceConnections> {
    const admin = new Client({ connectionString: testEnv.databaseAdminUrl, application_name: SUITE_APPLICATION_NAME });
    await admin.connect();
    return new ServiceConnections(platform, admin);
  }

  /** Connections per service database, and how many of them are dedicated LISTEN connections. */
  async counts(): Promise<ConnectionCounts> {
    const { rows } = await this.admin.query<{ datname: string; total: number; listening: number }>(
      `SELECT datname, count(*)::int AS total, count(*) FILTER (WHERE query ILIKE 'LISTEN %')::int AS listening
         FROM pg_stat_activity WHERE datname = ANY($1) AND application_name <> $2 GROUP BY datname`,
      [PLATFORM_SERVICE_NAMES.map((s) => this.databaseOf(s)), SUITE_APPLICATION_NAME],
    );
    const byName = new Map(rows.map((row) => [row.datname, row]));
    return Object.fromEntries(
      PLATFORM_SERVICE_NAMES.map((service) => {
        const row = byName.get(this.databaseOf(service));
        return [service, { total: row?.total ?? 0, listening: row?.listening ?? 0 }];
      }),
    ) as ConnectionCounts;
  }

  /** pg_terminate_backend on every connection to the service's database; returns how many. */
  async terminateAll(service: ServiceName): Promise<number> {
    const { rows } = await this.admin.query<{ n: number }>(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1`,
      [this.databaseOf(service)],
    );
    return rows[0]?.n ?? 0;
  }

  close(): Promise<void> {
    return this.admin.end();
  }

  private databaseOf(service: ServiceName): string {
    return new URL(this.platform.databaseUrls[service]).pathname.slice(1);
  }
}
