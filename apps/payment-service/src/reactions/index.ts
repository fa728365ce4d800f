import type { Reaction } from '@sneakers/kit';
import { recordPaidOrderWhenOrderPaid } from '../payment/reactions/record-paid-order-when-order-paid';
import { recordPayableOrderWhenAwaitingPayment } from '../payment/reactions/record-payable-order-when-awaiting-payment';
import { refundPaymentWhenOrderCancelled } from '../payment/reactions/refund-payment-when-order-cancelled';
import type { Tx } from '../prisma';
import { openWalletWhenBuyerRegisters } from '../wallet/reactions/open-wallet-when-buyer-registers';

/** Every event this service reacts to, in one list. */
export const reactions: Reaction<Tx>[] = [
  openWalletWhenBuyerRegisters,
  recordPayableOrderWhenAwaitingPayment,
  recordPaidOrderWhenOrderPaid,
  refundPaymentWhenOrderCancelled,
];
