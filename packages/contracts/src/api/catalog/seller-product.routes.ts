import { z } from 'zod';
import type { PlatformRoute } from '../platform-route';
import { productParams } from './product.routes';
import { productDetailSchema, productFields, productSchema, sizeMm, skuStockSchema } from './product.schemas';

const sellers = ['SELLER', 'ADMIN'] as const;
const sizeParams = productParams.extend({ sizeMm: z.coerce.number().pipe(sizeMm) });
const notYours = { description: 'Not a seller or admin, a seller not approved, or another seller\u2019s product' };

export const createProductRoute = {
  service: 'catalog-service',
  method: 'post',
  path: '/products',
  summary: 'List a new sneaker (as a draft)',
  tag: 'seller products',
  access: sellers,
  idempotent: true,
  body: z.strictObject({
    ...productFields,
    sizes: z
      .array(z.strictObject({ sizeMm, stock: z.number().int().min(0).max(100_000) }))
      .max(17)
      .optional(),
    sellerId: z.uuid().optional().describe('Admins only: whose product it is.'),
  }),
  responses: {
    201: { description: 'Created as DRAFT', schema: productDetailSchema },
    400: { description: 'Invalid body' },
    401: { description: 'No valid access token' },
    403: notYours,
    422: { description: 'CATALOG.DUPLICATE_SIZE, CATALOG.SELLER_REQUIRED, or IDEMPOTENCY.KEY_REUSED' },
  },
} satisfies PlatformRoute;

export const updateProductRoute = {
  service: 'catalog-service',
  method: 'patch',
  path: '/products/{productId}',
  summary: 'Edit my sneaker',
  tag: 'seller products',
  access: sellers,
  params: productParams,
  body: z
    .strictObject({
      brand: productFields.brand.optional(),
      modelName: productFields.modelName.optional(),
      colorway: productFields.colorway.optional(),
      releaseDate: productFields.releaseDate,
      description: productFields.description,
      imageUrls: productFields.imageUrls,
      price: productFields.price.optional(),
    })
    .refine((body) => Object.keys(body).length > 0, 'change at least one field'),
  responses: {
    200: { description: 'Updated', schema: productSchema },
    400: { description: 'Invalid body' },
    403: notYours,
    404: { description: 'CATALOG.PRODUCT_NOT_FOUND' },
    409: { description: 'CATALOG.PRODUCT_DISCONTINUED: a discontinued product is final' },
  },
} satisfies PlatformRoute;

const transition = (path: string, summary: string) =>
  ({
    service: 'catalog-service',
    method: 'post',
    path,
    summary,
    tag: 'seller products',
    access: sellers,
    params: productParams,
    responses: {
      200: { description: 'Done (repeating it is harmless)', schema: productSchema },
      403: notYours,
      404: { description: 'CATALOG.PRODUCT_NOT_FOUND' },
      409: { description: 'CATALOG.INVALID_TRANSITION' },
    },
  }) satisfies PlatformRoute;

export const publishProductRoute = transition('/products/{productId}/publish', 'Put my sneaker on sale');
export const discontinueProductRoute = transition(
  '/products/{productId}/discontinue',
  'Stop selling my sneaker for good',
);

export const setStockRoute = {
  service: 'catalog-service',
  method: 'put',
  path: '/products/{productId}/sizes/{sizeMm}/stock',
  summary: 'Set how many of a size are on hand (adds the size if new)',
  tag: 'seller products',
  access: sellers,
  params: sizeParams,
  body: z.strictObject({
    onHand: z.number().int().min(0).max(100_000).describe('Unsold units: available + reserved.'),
  }),
  responses: {
    200: { description: 'The size\u2019s stock', schema: skuStockSchema },
    400: { description: 'Invalid body' },
    403: notYours,
    404: { description: 'CATALOG.PRODUCT_NOT_FOUND' },
    409: { description: 'CATALOG.BELOW_RESERVED: fewer than orders already hold' },
  },
} satisfies PlatformRoute;

export const adjustStockRoute = {
  service: 'catalog-service',
  method: 'post',
  path: '/products/{productId}/sizes/{sizeMm}/stock-adjustments',
  summary: 'Add or remove units of a size',
  tag: 'seller products',
  access: sellers,
  idempotent: true,
  params: sizeParams,
  body: z.strictObject({
    delta: z
      .number()
      .int()
      .min(-100_000)
      .max(100_000)
      .refine((d) => d !== 0, 'must not be 0'),
  }),
  responses: {
    200: { description: 'The size\u2019s stock', schema: skuStockSchema },
    400: { description: 'Invalid body or Idempotency-Key' },
    403: notYours,
    404: { description: 'CATALOG.PRODUCT_NOT_FOUND or CATALOG.SIZE_NOT_FOUND' },
    409: { description: 'CATALOG.BELOW_RESERVED: fewer than orders already hold' },
    422: { description: 'IDEMPOTENCY.KEY_REUSED with another body' },
  },
} satisfies PlatformRoute;

export const sellerProductRoutes: readonly PlatformRoute[] = [
  createProductRoute,
  updateProductRoute,
  publishProductRoute,
  discontinueProductRoute,
  setStockRoute,
  adjustStockRoute,
];
