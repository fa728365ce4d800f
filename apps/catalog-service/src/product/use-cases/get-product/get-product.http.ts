import { getProductRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import { ProductErrors } from '../../domain/product.errors';
import { canSee } from '../../domain/product-access';
import type { ProductDeps } from '../../product.deps';
import { findProduct } from '../../product.repository';
import { productDetailView } from '../../product.views';

export function serveGetProduct(router: Router, { reads }: ProductDeps): void {
  handle(router, getProductRoute, async ({ identity, params }) => {
    const product = await findProduct(reads, params.productId);
    if (!product || !canSee(identity, product)) throw ProductErrors.notFound();
    return { status: 200, body: productDetailView(product) };
  });
}
