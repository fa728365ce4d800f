import type { Tx } from '../prisma';
import { isoDay } from './sales-day';

export interface ProductUnits {
  productId: string;
  units: number;
}

/**
 * Adds (or, negative, takes back) units sold per product on `day`, and to each product's all-time
 * count. Products are locked first and in id order, then their day rows, so concurrent payments of
 * overlapping orders queue instead of deadlocking.
 */
export async function addUnitsSold(tx: Tx, day: Date, sales: ProductUnits[]): Promise<void> {
  const sorted = [...sales].sort((a, b) => a.productId.localeCompare(b.productId));
  const ids = sorted.map((s) => s.productId);
  const units = sorted.map((s) => s.units);
  // Product rows first: every transaction that counts sales locks them before their day rows.
  await tx.$executeRawUnsafe(
    `UPDATE products SET units_sold = units_sold + s.u
     FROM unnest($1::uuid[], $2::int[]) AS s(p, u) WHERE products.id = s.p`,
    ids,
    units,
  );
  // A refund only ever takes back units its payment added, so a negative change always finds its
  // row; it must not go through the INSERT, whose proposed row the CHECK (units >= 0) refuses.
  if (units.every((u) => u > 0)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO daily_product_sales (day, product_id, units)
       SELECT $3::date, p, u FROM unnest($1::uuid[], $2::int[]) AS s(p, u)
       ON CONFLICT (day, product_id) DO UPDATE SET units = daily_product_sales.units + EXCLUDED.units`,
      ids,
      units,
      isoDay(day),
    );
  } else {
    await tx.$executeRawUnsafe(
      `UPDATE daily_product_sales d SET units = d.units + s.u
       FROM unnest($1::uuid[], $2::int[]) AS s(p, u) WHERE d.day = $3::date AND d.product_id = s.p`,
      ids,
      units,
      isoDay(day),
    );
  }
}

/** Units per product over `days`, most first; ties go to the higher product id (as Redis orders them). */
export async function topSellers(db: Tx, days: Date[], limit: number): Promise<ProductUnits[]> {
  return db.$queryRawUnsafe<ProductUnits[]>(
    `SELECT product_id::text AS "productId", sum(units)::int AS units
     FROM daily_product_sales WHERE day = ANY($1::date[])
     GROUP BY product_id HAVING sum(units) > 0
     ORDER BY units DESC, product_id DESC LIMIT $2::int`,
    days.map(isoDay),
    limit,
  );
}

/** One day's units per product, for rebuilding that day's sorted set in Redis. */
export async function salesOfDay(db: Tx, day: Date): Promise<ProductUnits[]> {
  return db.$queryRawUnsafe<ProductUnits[]>(
    `SELECT product_id::text AS "productId", units FROM daily_product_sales WHERE day = $1::date AND units > 0`,
    isoDay(day),
  );
}
