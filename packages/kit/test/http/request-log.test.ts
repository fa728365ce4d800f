import { Writable } from 'node:stream';
import { Router } from 'express';
import pino from 'pino';
import request from 'supertest';
import { z } from 'zod';
import { AppError, createHttpApp, createServiceMetrics, handle, type RouteContract } from '../../src';

describe('The request log', () => {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const orders = Router();
  const route = {
    service: 'order-service',
    method: 'get',
    path: '/orders',
    summary: 'test',
    tag: 'Test',
    access: 'public',
    responses: { 200: { description: 'ok' } },
  } satisfies RouteContract;
  const orderRoute = { ...route, path: '/orders/{orderId}', params: z.object({ orderId: z.string() }) };
  handle(orders, orderRoute, async ({ params }) => {
    if (params.orderId === 'missing') throw new AppError('ORDER.NOT_FOUND', 404, 'Order not found');
    if (params.orderId === 'busy') throw new AppError('HTTP.SERVICE_BUSY', 503, 'Service busy');
    if (params.orderId === 'bug') throw new Error('a bug');
    return { status: 200, body: { ok: true } };
  });
  handle(orders, route, async () => ({ status: 200, body: { items: [] } }));
  const app = createHttpApp({
    logger: pino({ level: 'debug' }, sink),
    readiness: [],
    routes: [orders],
    metrics: createServiceMetrics('order-service'),
    // What a service that follows orders through its logs passes.
    requestLogFields: ({ orderId }) => (orderId ? { orderId } : undefined),
  });
  const finished = async (requestId: string) => {
    await new Promise((resolve) => setImmediate(resolve));
    return lines.filter((line) => (line.req as { id?: string } | undefined)?.id === requestId);
  };

  it('When a request names an order, then its one line carries the request id, the fields the service asked for and the status', async () => {
    await request(app).get('/orders/o-1').set('x-request-id', 'req-1').expect(200);

    const logged = await finished('req-1');

    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      orderId: 'o-1',
      level: 30,
      res: { statusCode: 200 },
      msg: 'GET /orders/o-1 200',
    });
  });

  it('When a client asks for what is not there (4xx), then its line is routine: debug, with the order id', async () => {
    await request(app).get('/orders/missing').set('x-request-id', 'req-2').expect(404);

    const logged = await finished('req-2');

    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ orderId: 'missing', level: 20, res: { statusCode: 404 } });
  });

  it('When a dependency is busy (503), then its line is a warning; when our code fails (500), an error', async () => {
    await request(app).get('/orders/busy').set('x-request-id', 'req-4').expect(503);
    await request(app).get('/orders/bug').set('x-request-id', 'req-5').expect(500);

    expect(await finished('req-4')).toEqual([expect.objectContaining({ level: 40, msg: 'GET /orders/busy 503' })]);
    expect(await finished('req-5')).toEqual([expect.objectContaining({ level: 50, msg: 'GET /orders/bug 500' })]);
  });

  it('When the fields the service asked for are not there, then its line has none', async () => {
    await request(app).get('/orders').set('x-request-id', 'req-3').expect(200);

    const logged = await finished('req-3');

    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toHaveProperty('orderId');
  });

  it('When probes and scrapes arrive, then they are not logged', async () => {
    const before = lines.length;

    await request(app).get('/metrics').expect(200);
    await request(app).get('/health/live').expect(200);
    await new Promise((resolve) => setImmediate(resolve));

    expect(lines.length).toBe(before);
  });
});
