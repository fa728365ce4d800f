/**
 * Only an order placed with a coupon concerns this service: an order's coupon never changes, so
 * the placing, paying and cancelling of one without a coupon are skipped before any transaction.
 */
export const withCoupon = (order: { userCouponId?: string }): boolean => order.userCouponId !== undefined;
