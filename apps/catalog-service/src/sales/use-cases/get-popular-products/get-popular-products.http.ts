import { popularProductsRoute } from '@sneakers/contracts';
import { handle, preparedPerValue } from '@sneakers/kit';
import type { Router } from 'express';
import type { PopularProduct } from '../../popular/popular-products';

export function serveGetPopularProducts(router: Router, popular: () => Promise<PopularProduct[]>): void {
  // Every caller within the cache time gets the same answer object: it is serialized once.
  const bodyOf = preparedPerValue((items: PopularProduct[]) => ({ items }));
  handle(router, popularProductsRoute, async () => ({ status: 200, body: bodyOf(await popular()) }));
}
