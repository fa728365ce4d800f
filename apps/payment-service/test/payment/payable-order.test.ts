import { amountToPay, type PayableOrder, refundReasonFor } from '../../src/payment/domain/payable-order';

// The pure payment decisions, without PostgreSQL: what may be taken for an order, and why money goes back.

const NOW = new Date('2026-12-06T12:00:00Z');
const BUYER = 'buyer-1';
const ORDER = 'order-1';

const order = (over: Partial<PayableOrder> = {}): PayableOrder => ({
  orderId: ORDER,
  buyerId: BUYER,
  amount: 19_000,
  paymentDeadline: new Date(NOW.getTime() + 60_000),
  status: 'PAYABLE',
  cancelReason: null,
  ...over,
});

describe('amountToPay', () => {
  it('When the buyer pays their payable order before its deadline, then the amount to take is its amount', () => {
    expect(amountToPay(order(), BUYER, ORDER, NOW)).toBe(19_000);
  });

  it.each<[string, PayableOrder | undefined, string, Record<string, unknown>]>([
    [
      'the order was never heard of (still PENDING)',
      undefined,
      BUYER,
      { code: 'PAYMENT.ORDER_NOT_PAYABLE', extensions: { orderStatus: 'PENDING' } },
    ],
    ["it is someone else's order", order(), 'buyer-2', { code: 'PAYMENT.ORDER_NOT_FOUND', status: 404 }],
    ['it is already PAID', order({ status: 'PAID' }), BUYER, { code: 'PAYMENT.ORDER_NOT_PAYABLE', status: 409 }],
    [
      'it was cancelled',
      order({ status: 'CANCELLED', cancelReason: 'OUT_OF_STOCK' }),
      BUYER,
      { code: 'PAYMENT.ORDER_CANCELLED', extensions: { orderStatus: 'CANCELLED', reason: 'OUT_OF_STOCK' } },
    ],
    [
      'it expired',
      order({ status: 'CANCELLED', cancelReason: 'EXPIRED' }),
      BUYER,
      { code: 'PAYMENT.ORDER_CANCELLED', extensions: { orderStatus: 'EXPIRED', reason: 'EXPIRED' } },
    ],
    [
      'its deadline is now (order-service is about to expire it)',
      order({ paymentDeadline: NOW }),
      BUYER,
      { code: 'PAYMENT.ORDER_CANCELLED', extensions: { orderStatus: 'EXPIRED', reason: 'EXPIRED' } },
    ],
    [
      'it has no amount yet',
      order({ amount: null }),
      BUYER,
      { code: 'PAYMENT.ORDER_NOT_PAYABLE', extensions: { orderStatus: 'PAYABLE' } },
    ],
  ])('When %s, then nothing is taken and the problem says why', (_, payable, buyerId, problem) => {
    expect(() => amountToPay(payable, buyerId, ORDER, NOW)).toThrow(expect.objectContaining(problem));
  });
});

describe('refundReasonFor', () => {
  it.each([
    ['EXPIRED', 'EXPIRED_AFTER_PAYMENT'],
    ['EXPIRED_AFTER_PAYMENT', 'EXPIRED_AFTER_PAYMENT'],
    ['CANCELLED_BY_BUYER', 'CANCELLED_BY_BUYER'],
    ['OUT_OF_STOCK', 'ORDER_CANCELLED'],
    ['COUPON_REJECTED', 'ORDER_CANCELLED'],
  ])('When a paid order is cancelled for %s, then the refund reason is %s', (cancelReason, refundReason) => {
    expect(refundReasonFor(cancelReason)).toBe(refundReason);
  });
});
