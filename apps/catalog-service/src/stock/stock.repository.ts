import type { Tx } from '../prisma';
import type { StockMove } from '../reservation/domain/decide-reservations';

/** The three places a unit of stock can be; every unit ever stocked is in exactly one. */
export type StockBucket = 'available' | 'reserved' | 'sold';

const BUCKETS: readonly StockBucket[] = ['available', 'reserved', 'sold'];

/**
 * Moves every line's quantity from one bucket to another, all of them or none, in one statement.
 * SKU rows are locked in id order, so two multi-line moves over the same SKUs queue instead of
 * deadlocking; each line's sufficiency is judged on the row as it stands after the lock (the latest
 * committed version), so concurrent moves cannot jointly overdraw a bucket. Returns the id of the
 * first line that lacked units (nothing moved), or undefined when everything moved.
 */
export async function moveStock(
  tx: Tx,
  moves: StockMove[],
  from: StockBucket,
  to: StockBucket,
): Promise<{ shortSkuId?: string; missingSkuId?: string }> {
  // Column names cannot be parameters: they come from the closed list above, never from input.
  if (!BUCKETS.includes(from) || !BUCKETS.includes(to) || from === to) throw new Error(`bad move ${from}→${to}`);
  const rows = await tx.$queryRawUnsafe<Array<{ skuId: string; enough: boolean }>>(
    `WITH wanted AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS w(sku_id, qty)),
     locked AS (
       SELECT s.id, s.${from} >= w.qty AS enough
       FROM skus s JOIN wanted w ON w.sku_id = s.id
       ORDER BY s.id
       FOR UPDATE OF s
     ),
     -- A data-modifying CTE always runs to completion, whether or not the SELECT reads it.
     moved AS (
       UPDATE skus s SET ${from} = s.${from} - w.qty, ${to} = s.${to} + w.qty
       FROM wanted w
       WHERE s.id = w.sku_id AND (SELECT count(*) FROM locked WHERE enough) = $3
       RETURNING s.id
     )
     SELECT s.id::text AS "skuId", coalesce(l.enough, s.${from} >= w.qty) AS enough
     FROM skus s JOIN wanted w ON w.sku_id = s.id LEFT JOIN locked l ON l.id = s.id
     ORDER BY s.id`,
    moves.map((m) => m.skuId),
    moves.map((m) => m.quantity),
    moves.length,
  );
  const found = new Set(rows.map((r) => r.skuId));
  const missing = moves.find((m) => !found.has(m.skuId));
  if (missing) return { missingSkuId: missing.skuId };
  const short = rows.find((r) => !r.enough);
  return short ? { shortSkuId: short.skuId } : {};
}

const SKU_COLUMNS =
  'id::text, product_id::text AS "productId", size_mm AS "sizeMm", stocked, available, reserved, sold';

export interface SkuStock {
  id: string;
  productId: string;
  sizeMm: number;
  stocked: number;
  available: number;
  reserved: number;
  sold: number;
}

/**
 * Sets the unsold units of a size (available + reserved) to `onHand`, adding the size if it is new.
 * One statement under the row lock: a reservation racing it is either counted in `reserved` or
 * comes after and takes from the new `available`. Undefined when orders hold more than `onHand`.
 */
export async function setOnHand(
  tx: Tx,
  { productId, sizeMm, onHand, newSkuId }: { productId: string; sizeMm: number; onHand: number; newSkuId: string },
): Promise<SkuStock | undefined> {
  const [row] = await tx.$queryRawUnsafe<SkuStock[]>(
    `INSERT INTO skus (id, product_id, size_mm, stocked, available)
     VALUES ($1::uuid, $2::uuid, $3::int, $4::int, $4::int)
     ON CONFLICT (product_id, size_mm) DO UPDATE
       SET stocked = skus.stocked + ($4::int - skus.reserved - skus.available),
           available = $4::int - skus.reserved
       WHERE skus.reserved <= $4::int
     RETURNING ${SKU_COLUMNS}`,
    newSkuId,
    productId,
    sizeMm,
    onHand,
  );
  return row;
}

/** Adds `delta` units (negative removes) unless that would take back units orders hold. */
export async function adjustAvailable(
  tx: Tx,
  { productId, sizeMm, delta }: { productId: string; sizeMm: number; delta: number },
): Promise<SkuStock | undefined> {
  const [row] = await tx.$queryRawUnsafe<SkuStock[]>(
    `UPDATE skus SET stocked = stocked + $3::int, available = available + $3::int
     WHERE product_id = $1::uuid AND size_mm = $2::int AND available + $3::int >= 0
     RETURNING ${SKU_COLUMNS}`,
    productId,
    sizeMm,
    delta,
  );
  return row;
}

export async function findSku(tx: Tx, productId: string, sizeMm: number): Promise<SkuStock | null> {
  const [row] = await tx.$queryRawUnsafe<SkuStock[]>(
    `SELECT ${SKU_COLUMNS} FROM skus WHERE product_id = $1::uuid AND size_mm = $2::int`,
    productId,
    sizeMm,
  );
  return row ?? null;
}
