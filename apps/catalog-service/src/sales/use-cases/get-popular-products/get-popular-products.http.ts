import { handle, popularProductsRoute } from '@sneakers/shared';
import type { Router } from 'express';
import type { PopularProduct } from '../../popular/popular-products';

export function serveGetPopularProducts(router: Router, popular: () => Promise<PopularProduct[]>): void {
  handle(router, popularProductsRoute, async () => ({ status: 200, body: { items: await popular() } }));
}
