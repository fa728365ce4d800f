import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceName } from '../support/platform';
import { checkOutThrough, type FaultyShop, openFaultyShop } from './support/fault-round';

// Checkouts and coupon claims through the gateway while PostgreSQL drops every connection of one
// service's database, again and again, and while a service is killed with SIGKILL and started
// again. Five service processes, a private Kafka broker, one platform for every round.
const KAFKA_PORT = 19292;
const PORTS = { user: 3901, catalog: 3902, coupon: 3903, order: 3904, payment: 3905 } as const;
const TERMINATE_EVERY_MS = 2_000;
const TERMINATE_FOR_MS = 6_000;
/** Then every connection is cut as soon as it is made: the database is gone, as while a server restarts. */
const OUTAGE_MS = 4_000;
const OUTAGE_TERMINATE_EVERY_MS = 50;
const KILLED_FOR_MS = 3_000;

describe('Faults under checkout load: database connections dropped, a service killed', () => {
  let shop: FaultyShop;

  beforeAll(async () => {
    shop = await openFaultyShop({ kafkaPort: KAFKA_PORT, ports: PORTS });
  }, 240_000);

  afterAll(() => shop?.stop(), 120_000);

  it.each<ServiceName>(['catalog', 'order', 'payment'])(
    'When every connection to the %s database is terminated every 2 s and then the database is gone for 4 s, under load, then the invariants hold, nothing died and the connections are back to baseline',
    async (service) => {
      const terminateRepeatedly = async () => {
        for (let at = 0; at < TERMINATE_FOR_MS; at += TERMINATE_EVERY_MS) {
          await shop.connections.terminateAll(service);
          await sleep(TERMINATE_EVERY_MS);
        }
        const outageEndsAt = Date.now() + OUTAGE_MS;
        while (Date.now() < outageEndsAt) {
          await shop.connections.terminateAll(service);
          await sleep(OUTAGE_TERMINATE_EVERY_MS);
        }
      };
      await checkOutThrough(shop, { name: `postgres-${service}`, inject: terminateRepeatedly });
    },
    300_000,
  );

  it('When order-service is killed with SIGKILL under load and started again, then the invariants hold and the connections are back to baseline', async () => {
    await checkOutThrough(shop, {
      name: 'kill-9-order-service',
      inject: async () => {
        process.kill(shop.platform.pids.order, 'SIGKILL');
        await sleep(KILLED_FOR_MS);
      },
      recover: () => shop.platform.restart('order'),
    });
  }, 300_000);
});
