import type { productDetailSchema, productSchema, skuStockSchema } from '@sneakers/contracts';
import type { z } from 'zod';
import type { Product, Sku } from '../generated/prisma/client';

/** The JSON shapes of the catalog contracts, typed by them so the two cannot drift apart. */
export const productView = (p: Product): z.infer<typeof productSchema> => ({
  id: p.id,
  sellerId: p.sellerId,
  brand: p.brand,
  modelName: p.modelName,
  colorway: p.colorway,
  releaseDate: p.releaseDate ? p.releaseDate.toISOString().slice(0, 10) : null,
  description: p.description,
  imageUrls: p.imageUrls,
  price: p.price,
  status: p.status,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export const productDetailView = (p: Product & { skus: Sku[] }): z.infer<typeof productDetailSchema> => ({
  ...productView(p),
  sizes: p.skus.map((s) => ({ skuId: s.id, sizeMm: s.sizeMm, available: s.available, inStock: s.available > 0 })),
});

export const skuStockView = (s: Sku): z.infer<typeof skuStockSchema> => ({
  skuId: s.id,
  sizeMm: s.sizeMm,
  stocked: s.stocked,
  available: s.available,
  reserved: s.reserved,
  sold: s.sold,
});
