import { randomUUID } from 'node:crypto';
import { defineEvent } from '@sneakers/kit';
import { z } from 'zod';
import { defineConsumerContract, findContractBreaks, type Provider } from '../../src';

// A consumer that reads two fields of one event, and versions of its provider that break it.
const consumerContract = defineConsumerContract({
  consumer: 'order-service',
  provider: 'catalog-service',
  events: [
    {
      type: 'stock.reserved',
      version: 1,
      reads: { orderId: 'string', subtotal: 'integer', 'lines[].skuId': 'string' },
    },
  ],
});

const providerWith = (payload: z.ZodObject): Provider => ({
  name: 'catalog-service',
  events: [defineEvent({ type: 'stock.reserved', version: 1, aggregateType: 'stock', payload })],
});

const lines = z.array(z.object({ skuId: z.uuid() }));
const today = providerWith(z.object({ orderId: z.uuid(), lines, subtotal: z.number().int() }));
const realPayload = { orderId: randomUUID(), lines: [{ skuId: randomUUID() }], subtotal: 20_000 };
const produced = (payload: unknown) => ({ events: [{ type: 'stock.reserved', version: 1, payload }], responses: [] });

describe('Consumer contracts verified by the provider', () => {
  it('When the provider produces what the consumer reads, then nothing breaks', () => {
    expect(findContractBreaks(today, [consumerContract], produced(realPayload))).toEqual([]);
  });

  it('When the provider renames a field the consumer reads, then the break names the consumer and the field', () => {
    const renamed = providerWith(z.object({ orderId: z.uuid(), lines, total: z.number().int() }));
    const { subtotal, ...rest } = realPayload;

    expect(findContractBreaks(renamed, [consumerContract], produced({ ...rest, total: subtotal }))).toEqual([
      'order-service reads stock.reserved v1 payload.subtotal (integer) but catalog-service no longer produces it',
      'order-service reads stock.reserved v1 payload.subtotal (integer) but catalog-service left it out of a real payload its code produced',
    ]);
  });

  it('When the provider changes a field type, then the break says what it produces now', () => {
    const retyped = providerWith(z.object({ orderId: z.uuid(), lines, subtotal: z.string() }));

    expect(findContractBreaks(retyped, [consumerContract], produced({ ...realPayload, subtotal: '20000' }))).toEqual([
      "order-service reads stock.reserved v1 payload.subtotal (integer) but catalog-service's schema types it as string",
      'order-service reads stock.reserved v1 payload.subtotal (integer) but catalog-service produced it as string in a real payload',
    ]);
  });

  it('When the provider removes a field inside array elements, then the break names the element path', () => {
    const removed = providerWith(
      z.object({ orderId: z.uuid(), lines: z.array(z.object({})), subtotal: z.number().int() }),
    );

    expect(findContractBreaks(removed, [consumerContract], produced({ ...realPayload, lines: [{}] }))).toEqual([
      'order-service reads stock.reserved v1 payload.lines[].skuId (string) but catalog-service no longer produces it',
      'order-service reads stock.reserved v1 payload.lines[].skuId (string) but catalog-service left it out of a real payload its code produced',
    ]);
  });

  it('When a field the consumer needs becomes optional, then the break says the provider may leave it out', () => {
    const optional = providerWith(z.object({ orderId: z.uuid(), lines, subtotal: z.number().int().optional() }));

    expect(findContractBreaks(optional, [consumerContract], produced(realPayload))).toEqual([
      'order-service reads stock.reserved v1 payload.subtotal (integer) but catalog-service may leave it out (optional in its schema)',
    ]);
  });

  it('When the producing code drifts from an unchanged schema, then the real payload still catches it', () => {
    expect(findContractBreaks(today, [consumerContract], produced({ ...realPayload, subtotal: 199.5 }))).toEqual([
      'order-service reads stock.reserved v1 payload.subtotal (integer) but catalog-service produced it as number in a real payload',
    ]);
  });

  it('When the provider drops the event version, or its test produced none, then the consumer is named', () => {
    const none = { events: [], responses: [] };

    expect(findContractBreaks({ name: 'catalog-service', events: [] }, [consumerContract], none)).toEqual([
      'order-service consumes stock.reserved v1 but catalog-service no longer defines it',
    ]);
    expect(findContractBreaks(today, [consumerContract], none)).toEqual([
      "order-service reads stock.reserved v1 payload but catalog-service's contract test produced none to check: add one to its scenario",
    ]);
  });

  it('When a consumer reads a response field the route does not produce, then the break names the route', () => {
    const reader = defineConsumerContract({
      consumer: 'demo',
      provider: 'order-service',
      responses: [{ route: 'GET /orders/{orderId}', status: 200, reads: { status: 'string', grandTotal: 'integer' } }],
    });
    const body = { status: 'PAID' };

    expect(
      findContractBreaks({ name: 'order-service', events: [] }, [reader], {
        events: [],
        responses: [{ route: 'GET /orders/{orderId}', status: 200, body }],
      }),
    ).toEqual([
      'demo reads GET /orders/{orderId} 200 body.grandTotal (integer) but order-service no longer produces it',
      'demo reads GET /orders/{orderId} 200 body.grandTotal (integer) but order-service left it out of a real payload its code produced',
    ]);
  });

  it('When a consumer declares a field type that does not exist, then the declaration itself is refused', () => {
    expect(() =>
      defineConsumerContract({
        consumer: 'order-service',
        provider: 'catalog-service',
        events: [{ type: 'stock.reserved', version: 1, reads: { subtotal: 'int' } }],
      }),
    ).toThrow('"int" is not a field type');
  });

  it('When a consumer misspells a key of its declaration, then it is refused rather than silently unchecked', () => {
    const misspelt = { consumer: 'order-service', provider: 'catalog-service', event: [] };

    expect(() => defineConsumerContract(misspelt as Parameters<typeof defineConsumerContract>[0])).toThrow(
      'Unrecognized key: "event"',
    );
  });
});
