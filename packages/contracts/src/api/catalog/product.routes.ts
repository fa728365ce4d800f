import { pageQuery, pageSchema, text } from '@sneakers/kit';
import { z } from 'zod';
import type { PlatformRoute } from '../platform-route';
import { PRODUCT_STATUSES, popularProductSchema, productDetailSchema, productSchema, sizeMm } from './product.schemas';

export const PRODUCT_SORTS = ['newest', 'price_asc', 'price_desc', 'popularity'] as const;

const productParams = z.strictObject({ productId: z.uuid() });

export const listProductsRoute = {
  service: 'catalog-service',
  method: 'get',
  path: '/products',
  summary: 'Browse sneakers',
  tag: 'products',
  access: 'public',
  query: pageQuery.extend({
    brand: text({ max: 60 }).optional(),
    size: z.coerce.number().pipe(sizeMm).optional().describe('Only products with this size in stock (mm).'),
    // Bounded like the int4 price column they are compared with.
    minPrice: z.coerce.number().int().nonnegative().max(2_147_483_647).optional(),
    maxPrice: z.coerce.number().int().nonnegative().max(2_147_483_647).optional(),
    status: z
      .enum(PRODUCT_STATUSES.filter((s) => s !== 'DRAFT') as ['ON_SALE', 'SOLD_OUT', 'DISCONTINUED'])
      .default('ON_SALE'),
    sort: z.enum(PRODUCT_SORTS).default('newest').describe('popularity = units sold, all time'),
  }),
  responses: {
    200: { description: 'One page, in a stable order', schema: pageSchema(productSchema) },
    400: { description: 'Invalid filter, sort, limit or cursor' },
  },
} satisfies PlatformRoute;

export const popularProductsRoute = {
  service: 'catalog-service',
  method: 'get',
  path: '/products/popular',
  summary: 'Top 5 by units sold (paid) over the last 3 days',
  tag: 'products',
  access: 'public',
  responses: {
    200: {
      description: 'Most sold first; ties by product id',
      schema: z.object({ items: z.array(popularProductSchema) }),
    },
  },
} satisfies PlatformRoute;

export const getProductRoute = {
  service: 'catalog-service',
  method: 'get',
  path: '/products/{productId}',
  summary: 'One sneaker with its sizes and availability',
  tag: 'products',
  access: 'public',
  params: productParams,
  responses: {
    200: { description: 'The product', schema: productDetailSchema },
    400: { description: 'Invalid product id' },
    404: { description: 'CATALOG.PRODUCT_NOT_FOUND (drafts are visible to their seller and admins only)' },
  },
} satisfies PlatformRoute;

export const productRoutes: readonly PlatformRoute[] = [listProductsRoute, popularProductsRoute, getProductRoute];
export { productParams };
