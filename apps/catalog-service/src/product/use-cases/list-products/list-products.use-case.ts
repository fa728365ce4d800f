import type { listProductsRoute } from '@sneakers/contracts';
import { type Keyset, keysetPage, type Page, positionInstant, rowsAfter } from '@sneakers/kit';
import { z } from 'zod';
import type { Prisma, PrismaClient, Product } from '../../../generated/prisma/client';

export type ListProducts = z.infer<typeof listProductsRoute.query>;
type Sort = ListProducts['sort'];

// Each sort is one key plus the id as tie-breaker, so the order is total and a page never repeats
// or skips a product that did not change in between. (Popularity moves as orders are paid: a page
// boundary is exact for the counts as they were when that page was read.)
const SORTS: Record<Sort, { key: 'createdAt' | 'price' | 'unitsSold'; dir: 'asc' | 'desc' }> = {
  newest: { key: 'createdAt', dir: 'desc' },
  price_asc: { key: 'price', dir: 'asc' },
  price_desc: { key: 'price', dir: 'desc' },
  popularity: { key: 'unitsSold', dir: 'desc' },
};

/** One page of products for buyers (never drafts: the status filter cannot name DRAFT). */
export function listProducts(db: Pick<PrismaClient, 'product'>, query: ListProducts): Promise<Page<Product>> {
  const { key, dir } = SORTS[query.sort];
  const filters: Prisma.ProductWhereInput[] = [
    { status: query.status },
    query.brand ? { brand: { equals: query.brand, mode: 'insensitive' } } : {},
    query.minPrice !== undefined ? { price: { gte: query.minPrice } } : {},
    query.maxPrice !== undefined ? { price: { lte: query.maxPrice } } : {},
    query.size !== undefined ? { skus: { some: { sizeMm: query.size, available: { gt: 0 } } } } : {},
  ];
  return keysetPage(query, keysetOf(query.sort), ({ after, take }) =>
    db.product.findMany({
      where: { AND: after ? [...filters, rowsAfter(key, after.k, after.id, dir)] : filters },
      orderBy: [{ [key]: dir }, { id: dir }],
      take,
    }),
  );
}

/** A cursor belongs to the sort that made it; another sort's cursor is refused as invalid. */
function keysetOf(sort: Sort): Keyset<{ s: Sort; k: Date | number; id: string }, Product> {
  const { key } = SORTS[sort];
  const position = z.object({
    s: z.literal(sort),
    // Price and units sold are int4 columns.
    k: sort === 'newest' ? positionInstant() : z.number().int().nonnegative().max(2_147_483_647),
    id: z.uuid(),
  });
  return { position, positionOf: (row) => ({ s: sort, k: row[key], id: row.id }) };
}
