import { AppError } from '@sneakers/kit/app-error';

export const OrderErrors = {
  notFound: () => new AppError('ORDER.NOT_FOUND', 404, 'Order not found', { detail: 'No such order of yours.' }),
  notCancellable: (order: { status: string; cancelReason: string | null }) =>
    new AppError('ORDER.NOT_CANCELLABLE', 409, 'Order cannot be cancelled', {
      detail: `The order is ${order.status}; only a PENDING or AWAITING_PAYMENT order can be cancelled.`,
      extensions: { orderStatus: order.status, cancelReason: order.cancelReason },
    }),
} as const;
