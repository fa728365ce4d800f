import { Router } from 'express';
import { handle, handleIdempotent, idempotentRequest, type RouteContract } from '../../src';

type Route = Pick<RouteContract, 'method' | 'path'>;
const route: Route = { method: 'post', path: '/things/{thingId}' };
const ask = {
  principal: 'user-1',
  params: { thingId: 't-1' },
  body: { name: 'a', sizes: [{ mm: 270, stock: 2 }] },
};
const fingerprintOf = (changed: Partial<typeof ask>, to: Route = route) =>
  idempotentRequest(to, { ...ask, ...changed }, 'k').fingerprint;

describe('The one idempotency rule', () => {
  it('When a repeat sends its fields in another order, then it is the same ask', () => {
    const reordered = { sizes: [{ stock: 2, mm: 270 }], name: 'a' };

    expect(fingerprintOf({ body: reordered })).toBe(fingerprintOf({}));
  });

  it.each([
    ['another body', { body: { ...ask.body, name: 'b' } }, route],
    ['another path parameter', { params: { thingId: 't-2' } }, route],
    ['another principal', { principal: 'user-2' }, route],
    ['another route', {}, { method: 'post', path: '/things/{thingId}/copies' }],
    ['another method', {}, { method: 'put', path: route.path }],
  ] satisfies Array<[string, Partial<typeof ask>, Route]>)(
    'When a repeat asks with %s, then it is another ask',
    (_, changed, to) => {
      expect(fingerprintOf(changed, to)).not.toBe(fingerprintOf({}));
    },
  );

  it('When a request is keyed, then the key space is its principal', () => {
    expect(idempotentRequest(route, ask, 'k')).toMatchObject({ scope: 'user-1', key: 'k' });
  });
});

describe('Registering an idempotent contract', () => {
  const contract = {
    service: 'order-service',
    method: 'post',
    path: '/things',
    summary: 'test',
    tag: 'Test',
    access: 'public',
    idempotent: true,
    responses: { 201: { description: 'made' } },
  } as const satisfies RouteContract;
  const unused = () => Promise.reject(new Error('not called'));

  it('When it is registered with handle, then the registration is refused', () => {
    expect(() => handle(Router(), contract as never, unused)).toThrow('POST /things is idempotent');
  });

  it('When a public one names no principal, then the registration is refused', () => {
    expect(() => handleIdempotent(Router(), contract, unused, unused, {} as never)).toThrow(
      'POST /things is public: name its principal',
    );
  });
});
