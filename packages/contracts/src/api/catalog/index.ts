import type { PlatformRoute } from '../platform-route';
import { productRoutes } from './product.routes';
import { sellerProductRoutes } from './seller-product.routes';

export * from './product.routes';
export * from './product.schemas';
export * from './seller-product.routes';

/** Every public catalog endpoint, for the gateway's PUBLIC_ROUTES. */
export const catalogRoutes: readonly PlatformRoute[] = [...productRoutes, ...sellerProductRoutes];
