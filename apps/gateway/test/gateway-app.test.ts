import { createLogger } from '@sneakers/shared';
import request from 'supertest';
import { createGatewayApp } from '../src/app';

const app = createGatewayApp(createLogger('gateway-test', 'silent'));

describe('Gateway HTTP basics', () => {
  it('When asked if it is alive, then it answers 200 with a request id', async () => {
    const res = await request(app).get('/health/live');
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('When a route does not exist, then it answers a 404 problem+json with a stable type', async () => {
    const res = await request(app).get('/nope');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: 'https://sneakers.example/problems/http/not-found', status: 404 });
  });

  it('When the body is not JSON, then it answers 415 problem+json', async () => {
    const res = await request(app).post('/anything').set('content-type', 'text/plain').send('hello');
    expect(res.status).toBe(415);
    expect(res.body.type).toBe('https://sneakers.example/problems/http/unsupported-media-type');
  });

  it('When the JSON is malformed, then it answers 400 problem+json, never a 500', async () => {
    const res = await request(app).post('/anything').set('content-type', 'application/json').send('{"a":');
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('https://sneakers.example/problems/http/malformed-json');
  });

  it('When the body is over the limit, then it answers 413 problem+json', async () => {
    const res = await request(app)
      .post('/anything')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ blob: 'x'.repeat(100_000) }));
    expect(res.status).toBe(413);
    expect(res.body.type).toBe('https://sneakers.example/problems/http/payload-too-large');
  });
});
