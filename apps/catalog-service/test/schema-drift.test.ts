import path from 'node:path';
import { defaultAdminUrl, findDrift, prismaPaths } from '@sneakers/kit/prisma-migrate';

// Prisma cannot express CHECK constraints, so the stock_checks migration adds these by hand; they
// are the only difference allowed, and they must be there exactly as written.
const handWrittenChecks = [
  'constraint public.daily_product_sales.daily_product_sales_units_not_negative (CHECK ((units >= 0))) is created by the migrations but not in schema.prisma',
  'constraint public.products.products_price_positive (CHECK ((price > 0))) is created by the migrations but not in schema.prisma',
  'constraint public.skus.skus_available_not_negative (CHECK ((available >= 0))) is created by the migrations but not in schema.prisma',
  'constraint public.skus.skus_reserved_not_negative (CHECK ((reserved >= 0))) is created by the migrations but not in schema.prisma',
  'constraint public.skus.skus_size_in_range (CHECK (((size_mm >= 200) AND (size_mm <= 350)))) is created by the migrations but not in schema.prisma',
  'constraint public.skus.skus_sold_not_negative (CHECK ((sold >= 0))) is created by the migrations but not in schema.prisma',
  'constraint public.skus.skus_stock_balances (CHECK ((stocked = ((available + reserved) + sold)))) is created by the migrations but not in schema.prisma',
  'constraint public.stock_reservation_lines.stock_reservation_lines_quantity_positive (CHECK ((quantity > 0))) is created by the migrations but not in schema.prisma',
];

describe('Database schema', () => {
  it('When schema.prisma and the migrations folder are compared, then they differ only by the hand-written CHECKs', async () => {
    const drift = await findDrift({ adminUrl: defaultAdminUrl, ...prismaPaths(path.resolve(__dirname, '..')) });

    expect(drift).toEqual(handWrittenChecks);
  });
});
