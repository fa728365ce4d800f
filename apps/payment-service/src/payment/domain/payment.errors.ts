import { AppError } from '@sneakers/kit/app-error';

export const PaymentErrors = {
  orderNotFound: (orderId: string) =>
    new AppError('PAYMENT.ORDER_NOT_FOUND', 404, 'Order not found', {
      detail: `You have no order ${orderId}.`,
    }),
  orderNotPayable: (status: string) =>
    new AppError('PAYMENT.ORDER_NOT_PAYABLE', 409, 'Order not payable yet', {
      detail: `The order is ${status}; it can be paid once it is AWAITING_PAYMENT. Try again shortly.`,
      extensions: { orderStatus: status },
    }),
  orderCancelled: (status: 'CANCELLED' | 'EXPIRED', reason: string) =>
    new AppError('PAYMENT.ORDER_CANCELLED', 409, 'Order cancelled', {
      detail: `The order is ${status} (${reason}) and can no longer be paid.`,
      extensions: { orderStatus: status, reason },
    }),
  insufficientBalance: (amount: number) =>
    new AppError('PAYMENT.INSUFFICIENT_BALANCE', 409, 'Insufficient balance', {
      detail: `The order costs ${amount} KRW, more than your balance; charge your wallet and pay again.`,
      extensions: { amount },
    }),
} as const;
