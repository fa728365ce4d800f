import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { useGateway } from './support/gateway-fixture';

const P = 'https://sneakers.example/problems/';

describe('Gateway HTTP basics', () => {
  const gateway = useGateway({ fixture: {} });

  it('When asked if it is alive, then it answers 200 with a request id', async () => {
    const res = await request(gateway.fixture().app).get('/health/live');
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('When a route is not public (or does not exist), then it answers a 404 problem+json', async () => {
    const res = await request(gateway.fixture().app).get('/internal/anything');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: `${P}http/not-found`, status: 404 });
  });

  it('When the body is not JSON, then it answers 415 problem+json', async () => {
    const res = await request(gateway.fixture().app)
      .post('/wallet/things')
      .set('content-type', 'text/plain')
      .send('hello');
    expect(res.status).toBe(415);
    expect(res.body.type).toBe(`${P}http/unsupported-media-type`);
  });

  it('When the JSON is malformed, then the service reading it answers 400 problem+json, never a 500', async () => {
    const token = await gateway.fixture().tokens.sign({ userId: randomUUID(), role: 'BUYER' });
    const res = await request(gateway.fixture().app)
      .post('/wallet/things')
      .set('authorization', `Bearer ${token}`)
      .set('content-type', 'application/json')
      .send('{"a":');
    expect(res.status).toBe(400);
    expect(res.body.type).toBe(`${P}http/malformed-json`);
  });

  describe('Bodies pass through as bytes, never re-serialised', () => {
    // A supertest request runs when awaited, so the token is signed before it is built.
    const buyerPost = (token: string) =>
      request(gateway.fixture().app)
        .post('/wallet/things')
        .set('authorization', `Bearer ${token}`)
        .set('content-type', 'application/json');
    const buyer = () => gateway.fixture().tokens.sign({ userId: randomUUID(), role: 'BUYER' });

    it('When JSON is nested 6,000 deep, then the service refuses it with 400 json-too-deep (no 500 here)', async () => {
      const res = await buyerPost(await buyer()).send(`{"amount":${'['.repeat(6000)}${']'.repeat(6000)}}`);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe(`${P}http/json-too-deep`);
    });

    it('When a body is gzip-compressed, then the service gets it decompressed', async () => {
      const res = await buyerPost(await buyer())
        .set('content-encoding', 'gzip')
        .serialize((bytes) => bytes) // as they are: superagent would write a Buffer out as JSON
        .send(gzipSync('{"amount":1000}'));
      expect(res.status).toBe(201);
      expect(res.body.body).toEqual({ amount: 1000 });
    });

    it('When a body says gzip but is not, then the gateway answers 400 undecodable-body', async () => {
      const res = await buyerPost(await buyer())
        .set('content-encoding', 'gzip')
        .send('{"amount":1000}');
      expect(res.status).toBe(400);
      expect(res.body.type).toBe(`${P}http/undecodable-body`);
    });
  });

  it('When the body is over the limit, then it answers 413 problem+json', async () => {
    const res = await request(gateway.fixture().app)
      .post('/wallet/things')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ blob: 'x'.repeat(100_000) }));
    expect(res.status).toBe(413);
    expect(res.body.type).toBe(`${P}http/payload-too-large`);
  });

  it('When a public route is called, then the request reaches its service with the same request id', async () => {
    const res = await request(gateway.fixture().app)
      .get('/things?limit=5')
      .set('x-request-id', 'req-42')
      .set('cookie', 'a=b');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      method: 'GET',
      url: '/things?limit=5',
      headers: { requestId: 'req-42', cookie: null },
    });
    expect(res.headers['x-request-id']).toBe('req-42');
  });

  it('When a client sends back the ETag it holds, then the service sees If-None-Match and its 304 comes through', async () => {
    // The stub echoes the request id, so the same id makes the same body (and ETag) twice.
    const get = () => request(gateway.fixture().app).get('/things').set('x-request-id', 'req-etag');
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBeDefined();

    const again = await get().set('if-none-match', first.headers.etag as string);

    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it('When a buyer posts with an Idempotency-Key, then body, token and key are forwarded', async () => {
    const token = await gateway.fixture().tokens.sign({ userId: randomUUID(), role: 'BUYER' });
    const res = await request(gateway.fixture().app)
      .post('/wallet/things')
      .set('authorization', `Bearer ${token}`)
      .set('idempotency-key', 'k-1')
      .send({ amount: 1000 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      method: 'POST',
      body: { amount: 1000 },
      headers: { authorization: `Bearer ${token}`, idempotencyKey: 'k-1' },
    });
  });
});
