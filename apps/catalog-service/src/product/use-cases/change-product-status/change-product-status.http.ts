import { discontinueProductRoute, publishProductRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { ProductDeps } from '../../product.deps';
import { productView } from '../../product.views';
import { changeProductStatus } from './change-product-status.use-case';

export function serveChangeProductStatus(router: Router, { runInTransaction }: ProductDeps): void {
  for (const [route, to] of [
    [publishProductRoute, 'ON_SALE'],
    [discontinueProductRoute, 'DISCONTINUED'],
  ] as const) {
    handle(router, route, async ({ identity, params }) => {
      const product = await runInTransaction((tx) => changeProductStatus(tx, identity, params.productId, to));
      return { status: 200, body: productView(product) };
    });
  }
}
