/**
 * Units per product of a reservation's lines, signed: +1 when they are sold (counted for the
 * ranking), -1 when a paid order is cancelled and they leave it again.
 */
export function unitsPerProduct(
  lines: ReadonlyArray<{ productId: string; quantity: number }>,
  sign: 1 | -1,
): Array<{ productId: string; units: number }> {
  const byProduct = new Map<string, number>();
  for (const { productId, quantity } of lines) byProduct.set(productId, (byProduct.get(productId) ?? 0) + quantity);
  return [...byProduct].map(([productId, units]) => ({ productId, units: sign * units }));
}
