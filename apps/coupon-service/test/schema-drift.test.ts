import path from 'node:path';
import { defaultAdminUrl, findDrift, prismaPaths } from '@sneakers/kit/prisma-migrate';

// Prisma cannot express CHECK constraints, so the coupons migration adds these by hand; they are the
// only difference allowed, and they must be there exactly as written.
const handWrittenChecks = [
  'constraint public.coupon_policies.coupon_policies_discount_value_positive (CHECK ((discount_value > 0))) is created by the migrations but not in schema.prisma',
  'constraint public.coupon_policies.coupon_policies_issued_within_quantity (CHECK (((issued_count >= 0) AND (issued_count <= total_quantity)))) is created by the migrations but not in schema.prisma',
  'constraint public.coupon_policies.coupon_policies_one_validity (CHECK (((valid_until IS NULL) <> (valid_days IS NULL)))) is created by the migrations but not in schema.prisma',
  "constraint public.coupon_policies.coupon_policies_percent_at_most_100 (CHECK (((discount_type <> 'PERCENT'::discount_type) OR (discount_value <= 100)))) is created by the migrations but not in schema.prisma",
  'constraint public.coupon_policies.coupon_policies_window_ordered (CHECK ((claim_ends_at > claim_starts_at))) is created by the migrations but not in schema.prisma',
];

describe('Database schema', () => {
  it('When schema.prisma and the migrations folder are compared, then they differ only by the hand-written CHECKs', async () => {
    const drift = await findDrift({ adminUrl: defaultAdminUrl, ...prismaPaths(path.resolve(__dirname, '..')) });

    expect(drift).toEqual(handWrittenChecks);
  });
});
