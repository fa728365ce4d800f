import { pageQuery, pageSchema } from '@sneakers/kit';
import { z } from 'zod';
import type { PlatformRoute } from '../platform-route';

/** Whole won: KRW has no minor unit, so money is an integer everywhere. */
const krw = z.number().int();

export const walletSchema = z.object({
  balance: krw.nonnegative(),
  currency: z.literal('KRW'),
});

export const ledgerEntrySchema = z.object({
  id: z.string(),
  type: z.enum(['CHARGE', 'PAYMENT', 'REFUND']),
  amount: krw.positive().describe('Always positive; the type says which way the balance moved.'),
  balanceAfter: krw.nonnegative(),
  createdAt: z.iso.datetime(),
});

export const chargeWalletRoute = {
  service: 'payment-service',
  method: 'post',
  path: '/wallet/charges',
  summary: 'Top up my prepaid balance',
  tag: 'wallet',
  access: ['BUYER'],
  idempotent: true,
  body: z.strictObject({ amount: krw.positive().describe('KRW to add; at most the per-charge maximum.') }),
  responses: {
    201: { description: 'Charged', schema: z.object({ charge: ledgerEntrySchema, wallet: walletSchema }) },
    400: { description: 'Invalid body or Idempotency-Key' },
    401: { description: 'No valid access token' },
    403: { description: 'Not a buyer' },
    409: { description: 'WALLET.BALANCE_CAP_EXCEEDED: the balance would pass its cap' },
    422: { description: 'WALLET.CHARGE_TOO_LARGE, or IDEMPOTENCY.KEY_REUSED with another body' },
  },
} satisfies PlatformRoute;

export const getWalletRoute = {
  service: 'payment-service',
  method: 'get',
  path: '/wallet',
  summary: 'My prepaid balance',
  tag: 'wallet',
  access: ['BUYER'],
  responses: {
    200: { description: 'The balance (0 until the first charge)', schema: walletSchema },
    401: { description: 'No valid access token' },
    403: { description: 'Not a buyer' },
  },
} satisfies PlatformRoute;

export const listWalletTransactionsRoute = {
  service: 'payment-service',
  method: 'get',
  path: '/wallet/transactions',
  summary: 'My balance history, newest first',
  tag: 'wallet',
  access: ['BUYER'],
  query: pageQuery,
  responses: {
    200: { description: 'One page of the ledger', schema: pageSchema(ledgerEntrySchema) },
    400: { description: 'Invalid limit or cursor' },
    401: { description: 'No valid access token' },
    403: { description: 'Not a buyer' },
  },
} satisfies PlatformRoute;
