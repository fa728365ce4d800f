import { routerFor } from '@sneakers/kit';
import type { Router } from 'express';
import type { ProductDeps } from './product/product.deps';
import { serveChangeProductStatus } from './product/use-cases/change-product-status/change-product-status.http';
import { serveCreateProduct } from './product/use-cases/create-product/create-product.http';
import { serveGetProduct } from './product/use-cases/get-product/get-product.http';
import { serveListProducts } from './product/use-cases/list-products/list-products.http';
import { serveUpdateProduct } from './product/use-cases/update-product/update-product.http';
import type { PopularProduct } from './sales/popular/popular-products';
import { serveGetPopularProducts } from './sales/use-cases/get-popular-products/get-popular-products.http';
import { serveAdjustStock } from './stock/use-cases/adjust-stock/adjust-stock.http';
import { serveSetStock } from './stock/use-cases/set-stock/set-stock.http';

export interface CatalogRoutesDeps extends ProductDeps {
  popular: () => Promise<PopularProduct[]>;
}

/** Every endpoint catalog-service serves, mounted by runService (in production and in tests alike). */
export function catalogRoutes({ popular, ...deps }: CatalogRoutesDeps): Router[] {
  const products = routerFor();
  // Before GET /products/{productId}, which would otherwise take "popular" for an id.
  serveGetPopularProducts(products, popular);
  serveListProducts(products, deps);
  serveGetProduct(products, deps);
  serveCreateProduct(products, deps);
  serveUpdateProduct(products, deps);
  serveChangeProductStatus(products, deps);
  serveSetStock(products, deps);
  serveAdjustStock(products, deps);
  return [products];
}
