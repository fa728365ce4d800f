import { calendarDate, text } from '@sneakers/kit';
import { z } from 'zod';

/** Whole won: KRW has no minor unit. */
const krw = z.number().int();

export const PRODUCT_STATUSES = ['DRAFT', 'ON_SALE', 'SOLD_OUT', 'DISCONTINUED'] as const;

/** Sneaker sizes in mm, 220–300 in 5 mm steps (the Korean convention). */
export const sizeMm = z.number().int().min(220).max(300).multipleOf(5);

export const productSchema = z.object({
  id: z.uuid(),
  sellerId: z.uuid(),
  brand: z.string(),
  modelName: z.string(),
  colorway: z.string(),
  releaseDate: z.iso.date().nullable(),
  description: z.string(),
  imageUrls: z.array(z.url()),
  price: krw.positive(),
  status: z.enum(PRODUCT_STATUSES),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const sizeAvailabilitySchema = z.object({
  skuId: z.uuid(),
  sizeMm,
  available: z.number().int().nonnegative(),
  inStock: z.boolean(),
});

export const productDetailSchema = productSchema.extend({ sizes: z.array(sizeAvailabilitySchema) });

/** A seller's view of one size: where every unit ever stocked is now. */
export const skuStockSchema = z.object({
  skuId: z.uuid(),
  sizeMm,
  stocked: z.number().int().nonnegative(),
  available: z.number().int().nonnegative(),
  reserved: z.number().int().nonnegative(),
  sold: z.number().int().nonnegative(),
});

export const productFields = {
  brand: text({ max: 60 }),
  modelName: text({ max: 120 }),
  colorway: text({ max: 120 }),
  releaseDate: calendarDate().nullable().optional(),
  description: text({ min: 0, max: 5_000, multiline: true }).optional(),
  imageUrls: z.array(z.url().max(2_000)).max(20).optional(),
  price: krw.positive().max(100_000_000),
};

export const popularProductSchema = z.object({
  rank: z.number().int().positive(),
  unitsSold: z.number().int().positive(),
  product: productSchema,
});
