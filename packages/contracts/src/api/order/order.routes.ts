import { pageQuery, pageSchema } from '@sneakers/kit';
import { z } from 'zod';
import type { PlatformRoute } from '../platform-route';
import { ORDER_STATUSES, orderIdParams, orderSchema, orderTimelineSchema, placeOrderBody } from './order.schemas';

const PREFER_WAIT = ' `Prefer: wait=N` (N ≤ 10) holds the answer until the order leaves PENDING or N seconds passed.';

export const placeOrderRoute = {
  service: 'order-service',
  method: 'post',
  path: '/orders',
  summary: `Place an order (answers at once with the PENDING order and its Location).${PREFER_WAIT}`,
  tag: 'orders',
  access: ['BUYER'],
  idempotent: true,
  body: placeOrderBody,
  responses: {
    202: { description: 'Accepted: stock and coupon are being reserved', schema: orderSchema },
    400: { description: 'Invalid body (1–20 lines, quantity 1–10, each SKU once) or Idempotency-Key' },
    401: { description: 'No valid access token' },
    403: { description: 'Not a buyer' },
    422: { description: 'IDEMPOTENCY.KEY_REUSED with another body' },
  },
} satisfies PlatformRoute;

export const getOrderRoute = {
  service: 'order-service',
  method: 'get',
  path: '/orders/{orderId}',
  summary:
    'One order (its buyer or an admin), with its ETag. `Prefer: wait=N` (N ≤ 10) holds the answer until ' +
    'the order leaves PENDING or N seconds passed; with `If-None-Match`, until the order is no longer ' +
    'the one that tag names (any change, PAID included), then 304 if it still is.',
  tag: 'orders',
  access: ['BUYER', 'ADMIN'],
  params: orderIdParams,
  responses: {
    200: { description: 'The order', schema: orderSchema },
    304: { description: 'Not modified: still the order `If-None-Match` names' },
    400: { description: 'Invalid order id' },
    401: { description: 'No valid access token' },
    403: { description: 'Not a buyer or admin' },
    404: { description: 'No such order of yours' },
  },
} satisfies PlatformRoute;

export const listMyOrdersRoute = {
  service: 'order-service',
  method: 'get',
  path: '/orders',
  summary: 'My orders, newest first',
  tag: 'orders',
  access: ['BUYER'],
  query: pageQuery.extend({ status: z.enum(ORDER_STATUSES).optional() }),
  responses: {
    200: { description: 'One page of orders', schema: pageSchema(orderSchema) },
    400: { description: 'Invalid limit, cursor or status' },
    401: { description: 'No valid access token' },
    403: { description: 'Not a buyer' },
  },
} satisfies PlatformRoute;

export const cancelOrderRoute = {
  service: 'order-service',
  method: 'post',
  path: '/orders/{orderId}/cancel',
  summary: 'Cancel my order before it is paid (stock and coupon are released)',
  tag: 'orders',
  access: ['BUYER'],
  idempotent: true,
  params: orderIdParams,
  responses: {
    200: { description: 'Cancelled (or it already was, by you)', schema: orderSchema },
    400: { description: 'Invalid order id or Idempotency-Key' },
    401: { description: 'No valid access token' },
    403: { description: 'Not a buyer' },
    404: { description: 'No such order of yours' },
    409: { description: 'ORDER.NOT_CANCELLABLE: already paid, expired or cancelled for another reason' },
  },
} satisfies PlatformRoute;

export const getOrderTimelineRoute = {
  service: 'order-service',
  method: 'get',
  path: '/orders/{orderId}/timeline',
  summary: 'Every saga step of an order, with its time and the event that caused it',
  tag: 'orders',
  access: ['BUYER', 'ADMIN'],
  params: orderIdParams,
  responses: {
    200: { description: 'The steps, oldest first', schema: orderTimelineSchema },
    400: { description: 'Invalid order id' },
    401: { description: 'No valid access token' },
    403: { description: 'Not a buyer or admin' },
    404: { description: 'No such order of yours' },
  },
} satisfies PlatformRoute;
