import { setTimeout as sleep } from 'node:timers/promises';
import { type Platform, type ServiceName, startPlatform } from '../support/platform';
import { checkOutThrough, openStorefront, type Storefront } from './support/fault-round';
import { type ConnectionCounts, ServiceConnections } from './support/service-connections';

// Checkouts and coupon claims through the gateway while PostgreSQL drops every connection of one
// service's database, again and again, and while a service is killed with SIGKILL and started
// again. Five service processes, a private Kafka broker, one platform for every round.
const KAFKA_PORT = 19292;
const PORTS = { user: 3901, catalog: 3902, coupon: 3903, order: 3904, payment: 3905 } as const;
const BUYERS = 20;
const PRICE = 10_000;
const SIZES = [
  { sizeMm: 260, stock: 2_000 },
  { sizeMm: 270, stock: 2_000 },
  { sizeMm: 280, stock: 12 },
];
/** order-service's default: an unpaid order may stay AWAITING_PAYMENT this long past its deadline. */
const GRACE_MS = 60_000;
const TERMINATE_EVERY_MS = 2_000;
const TERMINATE_FOR_MS = 6_000;
/** Then every connection is cut as soon as it is made: the database is gone, as while a server restarts. */
const OUTAGE_MS = 4_000;
const OUTAGE_TERMINATE_EVERY_MS = 50;
const KILLED_FOR_MS = 3_000;

describe('Faults under checkout load: database connections dropped, a service killed', () => {
  let platform: Platform;
  let storefront: Storefront;
  let connections: ServiceConnections;
  let baseline: ConnectionCounts;

  beforeAll(async () => {
    platform = await startPlatform({ kafkaPort: KAFKA_PORT, ports: PORTS });
    storefront = await openStorefront(platform, { buyers: BUYERS, price: PRICE, sizes: SIZES });
    connections = await ServiceConnections.open(platform);
    baseline = await connections.counts();
  }, 240_000);

  afterAll(async () => {
    await connections?.close();
    await platform?.stop();
  }, 120_000);

  it.each<ServiceName>(['catalog', 'order', 'payment'])(
    'When every connection to the %s database is terminated every 2 s and then the database is gone for 4 s, under load, then the invariants hold, nothing died and the connections are back to baseline',
    async (service) => {
      const terminateRepeatedly = async () => {
        for (let at = 0; at < TERMINATE_FOR_MS; at += TERMINATE_EVERY_MS) {
          await connections.terminateAll(service);
          await sleep(TERMINATE_EVERY_MS);
        }
        const outageEndsAt = Date.now() + OUTAGE_MS;
        while (Date.now() < outageEndsAt) {
          await connections.terminateAll(service);
          await sleep(OUTAGE_TERMINATE_EVERY_MS);
        }
      };
      await checkOutThrough(
        platform,
        storefront,
        { name: `postgres-${service}`, inject: terminateRepeatedly },
        { connections, baseline, graceMs: GRACE_MS },
      );
    },
    300_000,
  );

  it('When order-service is killed with SIGKILL under load and started again, then the invariants hold and the connections are back to baseline', async () => {
    await checkOutThrough(
      platform,
      storefront,
      {
        name: 'kill-9-order-service',
        inject: async () => {
          process.kill(platform.pids.order, 'SIGKILL');
          await sleep(KILLED_FOR_MS);
        },
        recover: () => platform.restart('order'),
      },
      { connections, baseline, graceMs: GRACE_MS },
    );
  }, 300_000);
});
