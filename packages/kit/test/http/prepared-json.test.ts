import { Router } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createHttpApp, handle, type PlainRoute, PreparedJson, preparedPerValue } from '../../src';

const route = (path: string): PlainRoute => ({
  service: 'catalog-service',
  method: 'get',
  path,
  summary: 'test',
  tag: 'Test',
  access: 'public',
  responses: { 200: { description: 'ok' } },
});

describe('A JSON body prepared once', () => {
  const answer = { items: [{ rank: 1, name: 'Air Max 1 “Anniversary”', unitsSold: 12 }] };
  const routes = Router();
  handle(routes, route('/as-json'), async () => ({ status: 200, body: answer }));
  handle(routes, route('/prepared'), async () => ({ status: 200, body: new PreparedJson(answer) }));
  const app = createHttpApp({ logger: pino({ level: 'silent' }), readiness: [], routes: [routes] });

  it('When a route answers a PreparedJson, then the caller gets what res.json gives: bytes, content type, length and ETag', async () => {
    const json = await request(app).get('/as-json').expect(200);
    const prepared = await request(app).get('/prepared').expect(200);

    expect(prepared.text).toBe(json.text);
    for (const header of ['content-type', 'content-length', 'etag']) {
      expect(prepared.headers[header]).toBe(json.headers[header]);
    }
    expect(prepared.headers.etag).toMatch(/^W\/"/);
  });

  it('When the caller already holds that answer (If-None-Match), then it gets 304 without a body', async () => {
    const first = await request(app).get('/prepared').expect(200);

    const again = await request(app)
      .get('/prepared')
      .set('If-None-Match', first.headers.etag as string);

    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('When the same value is asked for again, then it is not serialized again; a new value is', () => {
    let serialized = 0;
    const bodyOf = preparedPerValue((items: object[]) => {
      serialized++;
      return { items };
    });
    const today = [{ rank: 1 }];

    const first = bodyOf(today);
    const again = bodyOf(today);
    const next = bodyOf([{ rank: 1 }]);

    expect(again).toBe(first);
    expect(next).not.toBe(first);
    expect(serialized).toBe(2);
    expect(JSON.parse(first.bytes.toString())).toEqual({ items: today });
  });
});
