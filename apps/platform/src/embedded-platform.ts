import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startCatalogService } from '@sneakers/catalog-service/src/service';
import { GATEWAY_PORT, type PlatformService } from '@sneakers/contracts';
import { startCouponService } from '@sneakers/coupon-service/src/service';
import { startGateway } from '@sneakers/gateway/src/service';
import { IN_MEMORY_REDIS, type Logger, type RunningServer, type ServiceStartOptions } from '@sneakers/kit';
import {
  type EmbeddedPostgres,
  IN_PROCESS_BROKER,
  keepProcessBusIn,
  startEmbeddedPostgres,
} from '@sneakers/kit/embedded';
import { applyMigrations, prismaPaths } from '@sneakers/kit/prisma-migrate';
import { startOrderService } from '@sneakers/order-service/src/service';
import { startPaymentService } from '@sneakers/payment-service/src/service';
import { startUserService } from '@sneakers/user-service/src/service';
import { servicePortOf, serviceUrlsNextTo } from './gateway-address';

export interface EmbeddedPlatformOptions {
  /** Keeps every database and the event log here across restarts; in memory when absent. */
  dataDir?: string;
  /** The gateway's port; the services take the next five, as on a developer machine. */
  gatewayPort?: number;
  /** Variables every service gets (LOG_LEVEL, OTEL_*, …); the adapters' own are set here. */
  env?: NodeJS.ProcessEnv;
  /** Variables for one service only (e.g. where order-service delivers paid orders). */
  serviceEnv?: Partial<Record<PlatformService, NodeJS.ProcessEnv>>;
}

export interface EmbeddedPlatform {
  gatewayUrl: string;
  serviceUrls: Record<PlatformService, string>;
  /** The gateway's logger, whose level the launcher may change once start-up is over. */
  gatewayLogger: Logger;
  /** Stops the gateway, then the services in reverse start order, then their databases. */
  stop: (progress?: (step: string) => void) => Promise<void>;
}

// user-service first: every other service fetches its signing keys from it.
const START_ORDER: Array<[PlatformService, (options: ServiceStartOptions) => Promise<RunningServer>]> = [
  ['user-service', startUserService],
  ['catalog-service', startCatalogService],
  ['coupon-service', startCouponService],
  ['order-service', startOrderService],
  ['payment-service', startPaymentService],
];
const APPS_DIR = path.resolve(__dirname, '../..');

/**
 * The gateway and the five services in this process, each with its OWN PostgreSQL (PGlite) and
 * migrations, talking through the in-process bus, with in-memory stand-ins where Redis would be.
 * Everything else (outbox relay, inbox, saga reactions, HTTP APIs, gateway) is the production code:
 * only the adapters differ, and they are chosen by the variables set below.
 */
export async function startEmbeddedPlatform(options: EmbeddedPlatformOptions = {}): Promise<EmbeddedPlatform> {
  const { dataDir, gatewayPort = GATEWAY_PORT, env = {}, serviceEnv = {} } = options;
  const serviceUrls = serviceUrlsNextTo(gatewayPort);
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    keepProcessBusIn(path.join(dataDir, 'event-bus'));
  }

  const databases: EmbeddedPostgres[] = [];
  const running: Array<[string, RunningServer]> = [];
  const stop = async (progress: (step: string) => void = () => undefined) => {
    for (const [name, server] of running.reverse()) {
      progress(`stopping ${name}`);
      await server.shutdown('platform stopping');
    }
    progress('closing the databases');
    for (const database of databases) await database.stop();
  };
  let gateway: RunningServer;
  try {
    for (const [service, start] of START_ORDER) {
      const database = await startEmbeddedPostgres({ dataDir: dataDir && path.join(dataDir, service) });
      databases.push(database);
      const { migrationsDir } = prismaPaths(path.join(APPS_DIR, service));
      await applyMigrations({ databaseUrl: database.url, migrationsDir });
      running.push([
        service,
        await start({
          ownsProcess: false,
          env: {
            ...env,
            PORT: String(servicePortOf(gatewayPort, service)),
            DATABASE_URL: database.url,
            KAFKA_BROKERS: IN_PROCESS_BROKER,
            REDIS_URL: IN_MEMORY_REDIS,
            JWKS_URL: `${serviceUrls['user-service']}/.well-known/jwks.json`,
            ...serviceEnv[service],
          },
        }),
      ]);
    }
    gateway = await startGateway({
      ownsProcess: false,
      env: {
        ...env,
        PORT: String(gatewayPort),
        REDIS_URL: IN_MEMORY_REDIS,
        JWKS_URL: `${serviceUrls['user-service']}/.well-known/jwks.json`,
        USER_SERVICE_URL: serviceUrls['user-service'],
        CATALOG_SERVICE_URL: serviceUrls['catalog-service'],
        COUPON_SERVICE_URL: serviceUrls['coupon-service'],
        ORDER_SERVICE_URL: serviceUrls['order-service'],
        PAYMENT_SERVICE_URL: serviceUrls['payment-service'],
      },
    });
    running.push(['gateway', gateway]);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { gatewayUrl: `http://127.0.0.1:${gatewayPort}`, serviceUrls, gatewayLogger: gateway.logger, stop };
}
