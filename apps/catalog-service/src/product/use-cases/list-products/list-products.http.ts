import { listProductsRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { ProductDeps } from '../../product.deps';
import { productView } from '../../product.views';
import { listProducts } from './list-products.use-case';

export function serveListProducts(router: Router, { prisma }: ProductDeps): void {
  handle(router, listProductsRoute, async ({ query }) => {
    const page = await listProducts(prisma, query);
    return { status: 200, body: { ...page, items: page.items.map(productView) } };
  });
}
