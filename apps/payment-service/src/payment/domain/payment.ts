export type PaymentStatus = 'COMPLETED' | 'REFUNDED';

/** The one payment of an order, from the buyer's balance; amounts are whole KRW. */
export interface Payment {
  id: string;
  orderId: string;
  buyerId: string;
  amount: number;
  status: PaymentStatus;
  paidAt: Date;
  refundedAt: Date | null;
}
