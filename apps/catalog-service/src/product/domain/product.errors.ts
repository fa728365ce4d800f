import { AppError } from '@sneakers/kit/app-error';

export const ProductErrors = {
  notFound: () =>
    new AppError('CATALOG.PRODUCT_NOT_FOUND', 404, 'Product not found', { detail: 'No product has this id.' }),
  sizeNotFound: (sizeMm: number) =>
    new AppError('CATALOG.SIZE_NOT_FOUND', 404, 'Size not found', {
      detail: `This product has no size ${sizeMm}; set its stock first.`,
      extensions: { sizeMm },
    }),
  notYours: () =>
    new AppError('CATALOG.NOT_PRODUCT_OWNER', 403, 'Not your product', {
      detail: 'Only the seller who listed this product (or an admin) may change it.',
    }),
  sellerRequired: () =>
    new AppError('CATALOG.SELLER_REQUIRED', 422, 'Seller required', {
      detail: 'An admin listing a product must say whose it is (sellerId).',
    }),
  duplicateSize: (sizeMm: number) =>
    new AppError('CATALOG.DUPLICATE_SIZE', 422, 'Duplicate size', {
      detail: `Size ${sizeMm} is listed twice.`,
      extensions: { sizeMm },
    }),
  discontinued: () =>
    new AppError('CATALOG.PRODUCT_DISCONTINUED', 409, 'Product discontinued', {
      detail: 'A discontinued product is final and can no longer be changed.',
    }),
  invalidTransition: (from: string, to: string) =>
    new AppError('CATALOG.INVALID_TRANSITION', 409, 'Invalid status change', {
      detail: `A ${from} product cannot become ${to}.`,
      extensions: { from, to },
    }),
  belowReserved: (reserved: number) =>
    new AppError('CATALOG.BELOW_RESERVED', 409, 'Below reserved stock', {
      detail: `Orders already hold ${reserved} of this size; stock on hand cannot go below that.`,
      extensions: { reserved },
    }),
} as const;
