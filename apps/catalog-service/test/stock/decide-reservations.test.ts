import {
  decideReservations,
  mergeLines,
  type OrderToReserve,
  type SkuOffer,
} from '../../src/reservation/domain/decide-reservations';
import { unitsPerProduct } from '../../src/reservation/domain/units-per-product';

// The SKU reservation decision, without PostgreSQL: all lines of an order or none, first come first served.

const SELLER = 'seller-1';
const offer = (skuId: string, over: Partial<SkuOffer> = {}): SkuOffer => ({
  skuId,
  productId: `product-of-${skuId}`,
  sellerId: SELLER,
  price: 100_000,
  status: 'ON_SALE',
  ...over,
});
const OFFERS = new Map(
  [
    offer('a'),
    offer('b', { price: 50_000 }),
    offer('draft', { status: 'DRAFT' }),
    offer('gone', { status: 'SOLD_OUT' }),
  ].map((o) => [o.skuId, o]),
);
const order = (orderId: string, ...moves: Array<[string, number]>): OrderToReserve => ({
  orderId,
  moves: moves.map(([skuId, quantity]) => ({ skuId, quantity })),
});
const outcomes = (orders: OrderToReserve[], available: Record<string, number>) =>
  decideReservations(orders, OFFERS, new Map(Object.entries(available))).map((d) =>
    d.outcome === 'reserved' ? `${d.orderId}: reserved ${d.subtotal}` : `${d.orderId}: ${d.reason} ${d.skuId}`,
  );

describe('decideReservations', () => {
  it.each<[string, OrderToReserve[], Record<string, number>, string[]]>([
    ['one order, enough of each line', [order('o1', ['a', 1], ['b', 2])], { a: 1, b: 2 }, ['o1: reserved 200000']],
    ['one line short: nothing of the order', [order('o1', ['a', 1], ['b', 3])], { a: 5, b: 2 }, ['o1: OUT_OF_STOCK b']],
    ['an unknown SKU', [order('o1', ['a', 1], ['nope', 1])], { a: 5 }, ['o1: UNKNOWN_SKU nope']],
    ['a SKU of a draft product', [order('o1', ['draft', 1])], { draft: 5 }, ['o1: NOT_ON_SALE draft']],
    ['a SKU of a sold-out product', [order('o1', ['gone', 1])], { gone: 0 }, ['o1: OUT_OF_STOCK gone']],
    // A refusal by status comes before any count: the first line it names is the one reported.
    ['a short line, then an unknown one', [order('o1', ['a', 9], ['nope', 1])], { a: 1 }, ['o1: UNKNOWN_SKU nope']],
    [
      'two orders for the last unit: the first gets it',
      [order('o1', ['a', 1]), order('o2', ['a', 1])],
      { a: 1 },
      ['o1: reserved 100000', 'o2: OUT_OF_STOCK a'],
    ],
    [
      'a rejected order takes nothing from the next',
      [order('o1', ['a', 1], ['b', 9]), order('o2', ['a', 1])],
      { a: 1, b: 1 },
      ['o1: OUT_OF_STOCK b', 'o2: reserved 100000'],
    ],
    [
      'a crowd on one SKU: exactly what is available is reserved',
      [order('o1', ['a', 2]), order('o2', ['a', 2]), order('o3', ['a', 1]), order('o4', ['a', 1])],
      { a: 3 },
      ['o1: reserved 200000', 'o2: OUT_OF_STOCK a', 'o3: reserved 100000', 'o4: OUT_OF_STOCK a'],
    ],
  ])('When %s, then the decisions are as expected', (_, orders, available, expected) => {
    expect(outcomes(orders, available)).toEqual(expected);
  });

  it('When an order is reserved, then its lines are priced from the offers and taken from what is available', () => {
    const available = new Map([['a', 3]]);

    const [decision] = decideReservations([order('o1', ['a', 2])], OFFERS, available);

    expect(decision).toEqual({
      orderId: 'o1',
      outcome: 'reserved',
      lines: [{ skuId: 'a', quantity: 2, productId: 'product-of-a', sellerId: SELLER, unitPrice: 100_000 }],
      subtotal: 200_000,
    });
    expect(available.get('a')).toBe(1);
  });
});

describe('mergeLines', () => {
  it.each<[string, Array<{ skuId: string; quantity: number }>, Array<{ skuId: string; quantity: number }>]>([
    ['one line', [{ skuId: 'a', quantity: 1 }], [{ skuId: 'a', quantity: 1 }]],
    [
      'a size named twice, in any case',
      [
        { skuId: 'B', quantity: 1 },
        { skuId: 'a', quantity: 2 },
        { skuId: 'b', quantity: 3 },
      ],
      [
        { skuId: 'a', quantity: 2 },
        { skuId: 'b', quantity: 4 },
      ],
    ],
  ])('When an order has %s, then there is one move per SKU, lower-cased, in id order', (_, lines, moves) => {
    expect(mergeLines(lines)).toEqual(moves);
  });
});

describe('unitsPerProduct', () => {
  const lines = [
    { productId: 'p1', quantity: 2 },
    { productId: 'p2', quantity: 1 },
    { productId: 'p1', quantity: 3 },
  ];

  it.each<[1 | -1, Array<{ productId: string; units: number }>]>([
    [
      1,
      [
        { productId: 'p1', units: 5 },
        { productId: 'p2', units: 1 },
      ],
    ],
    [
      -1,
      [
        { productId: 'p1', units: -5 },
        { productId: 'p2', units: -1 },
      ],
    ],
  ])('When the lines count with sign %i, then the units are summed per product', (sign, units) => {
    expect(unitsPerProduct(lines, sign)).toEqual(units);
  });
});
