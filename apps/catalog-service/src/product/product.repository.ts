import type { Product, ProductStatus, Sku } from '../generated/prisma/client';
import type { Tx } from '../prisma';

export type ProductWithSkus = Product & { skus: Sku[] };

/** A product as Prisma's model reads it; every statement below returns this shape. */
export const PRODUCT_COLUMNS = `
  p.id::text, p.seller_id::text AS "sellerId", p.brand, p.model_name AS "modelName", p.colorway,
  p.release_date AS "releaseDate", p.description, p.image_urls AS "imageUrls", p.price, p.status::text,
  p.units_sold AS "unitsSold", p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

// The sizes come as JSON in the product's own row: one round trip, not one per table.
const skusOf = (skus: string) => `
  (SELECT coalesce(json_agg(json_build_object('id', s.id, 'productId', s.product_id, 'sizeMm', s.size_mm,
            'stocked', s.stocked, 'available', s.available, 'reserved', s.reserved, 'sold', s.sold)
          ORDER BY s.size_mm), '[]')
   FROM ${skus}) AS skus`;

export interface NewProduct {
  id: string;
  sellerId: string;
  brand: string;
  modelName: string;
  colorway: string;
  /** A calendar day, YYYY-MM-DD. */
  releaseDate: string | null;
  description: string;
  imageUrls: string[];
  price: number;
  skus: Array<{ id: string; sizeMm: number; stock: number }>;
}

/** The product and its sizes in one statement (the sizes' foreign key is checked at its end). */
export async function insertProduct(tx: Tx, product: NewProduct): Promise<ProductWithSkus> {
  const [row] = await tx.$queryRawUnsafe<ProductWithSkus[]>(
    `WITH p AS (
       INSERT INTO products (id, seller_id, brand, model_name, colorway, release_date, description, image_urls, price)
       VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6::date, $7, $8::text[], $9::int)
       RETURNING *
     ),
     s AS (
       INSERT INTO skus (id, product_id, size_mm, stocked, available)
       SELECT n.id, $1::uuid, n.size_mm, n.stock, n.stock
       FROM unnest($10::uuid[], $11::int[], $12::int[]) AS n(id, size_mm, stock)
       RETURNING *
     )
     SELECT ${PRODUCT_COLUMNS}, ${skusOf('s')} FROM p`,
    product.id,
    product.sellerId,
    product.brand,
    product.modelName,
    product.colorway,
    product.releaseDate,
    product.description,
    product.imageUrls,
    product.price,
    product.skus.map((s) => s.id),
    product.skus.map((s) => s.sizeMm),
    product.skus.map((s) => s.stock),
  );
  return row as ProductWithSkus;
}

export async function findProduct(db: Tx, id: string): Promise<ProductWithSkus | null> {
  const [row] = await db.$queryRawUnsafe<ProductWithSkus[]>(
    `SELECT ${PRODUCT_COLUMNS}, ${skusOf('skus s WHERE s.product_id = p.id')} FROM products p WHERE p.id = $1::uuid`,
    id,
  );
  return row ?? null;
}

/** The product row locked for a change, so its outbox event is ordered after the change. */
export async function lockProduct(tx: Tx, id: string): Promise<Product | undefined> {
  const [row] = await tx.$queryRawUnsafe<Product[]>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = $1::uuid FOR UPDATE`,
    id,
  );
  return row;
}

export interface ProductChanges {
  brand?: string;
  modelName?: string;
  colorway?: string;
  /** A calendar day, YYYY-MM-DD, or null for none. */
  releaseDate?: string | null;
  description?: string;
  imageUrls?: string[];
  price?: number;
  status?: ProductStatus;
}

// Column names cannot be parameters: they come from this closed list, never from input.
const CHANGEABLE: Record<keyof ProductChanges, [column: string, type: string]> = {
  brand: ['brand', 'text'],
  modelName: ['model_name', 'text'],
  colorway: ['colorway', 'text'],
  releaseDate: ['release_date', 'date'],
  description: ['description', 'text'],
  imageUrls: ['image_urls', 'text[]'],
  price: ['price', 'int'],
  status: ['status', 'product_status'],
};

/** Sets the fields given (an absent or undefined one is left as it is) and stamps updated_at. */
export async function updateProduct(tx: Tx, id: string, changes: ProductChanges): Promise<Product> {
  const values: unknown[] = [id, new Date()];
  const sets = ['updated_at = $2::timestamptz'];
  for (const [field, [column, type]] of Object.entries(CHANGEABLE)) {
    const value = changes[field as keyof ProductChanges];
    if (value === undefined) continue;
    values.push(value);
    sets.push(`${column} = $${values.length}::${type}`);
  }
  const [row] = await tx.$queryRawUnsafe<Product[]>(
    `UPDATE products p SET ${sets.join(', ')} WHERE p.id = $1::uuid RETURNING ${PRODUCT_COLUMNS}`,
    ...values,
  );
  return row as Product;
}
