import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { useGateway } from './support/gateway-fixture';

const P = 'https://sneakers.example/problems/';

describe('Gateway when services fail', () => {
  const gateway = useGateway({ fixture: { upstreamTimeoutMs: 500 }, strict: { rateLimitPerMinute: 3 } });

  it('When a service is stopped, then the gateway answers 503 problem with Retry-After, and it recovers when the service is back', async () => {
    const port = gateway.upstream.port;
    await gateway.upstream.stop();
    const down = await request(gateway.fixture().app).get('/things');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ type: `${P}gateway/service-unavailable`, service: 'catalog-service' });
    expect(down.headers['retry-after']).toBe('1');

    await gateway.upstream.start(port);
    const back = await request(gateway.fixture().app).get('/things');
    expect(back.status).toBe(200);
  });

  it('When a service drops a kept-alive connection as the gateway reuses it, then the request goes again on a new one', async () => {
    expect((await request(gateway.fixture().app).get('/things')).status).toBe(200);
    gateway.upstream.dropNextOnReusedConnection();
    const dropped = gateway.upstream.dropped;

    const res = await request(gateway.fixture().app).get('/things');

    expect(res.status).toBe(200);
    expect(gateway.upstream.dropped).toBe(dropped + 1);
  });

  it('When a service does not answer in time, then the gateway answers 504 problem with Retry-After', async () => {
    const res = await request(gateway.fixture().app).get('/slow');
    expect(res.status).toBe(504);
    expect(res.body.type).toBe(`${P}gateway/upstream-timeout`);
    expect(res.headers['retry-after']).toBe('1');
  });

  it('When a caller exceeds its rate, then it gets 429 problem with Retry-After, and others are not affected', async () => {
    const token = await gateway.strict().tokens.sign({ userId: randomUUID(), role: 'ADMIN' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await request(gateway.strict().app).get('/admin/things').set('authorization', `Bearer ${token}`)).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await request(gateway.strict().app).get('/admin/things').set('authorization', `Bearer ${token}`);
    expect(limited.body.type).toBe(`${P}gateway/too-many-requests`);
    expect(limited.headers['retry-after']).toBe('60');

    const other = await gateway.strict().tokens.sign({ userId: randomUUID(), role: 'ADMIN' });
    expect(
      (await request(gateway.strict().app).get('/admin/things').set('authorization', `Bearer ${other}`)).status,
    ).toBe(200);
  });
});
