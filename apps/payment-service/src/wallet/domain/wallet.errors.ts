import { AppError } from '@sneakers/kit/app-error';

export const WalletErrors = {
  chargeTooLarge: (maxCharge: number) =>
    new AppError('WALLET.CHARGE_TOO_LARGE', 422, 'Charge too large', {
      detail: `One charge may add at most ${maxCharge} KRW.`,
      extensions: { maxCharge },
    }),
  balanceCapExceeded: (balanceCap: number) =>
    new AppError('WALLET.BALANCE_CAP_EXCEEDED', 409, 'Balance cap exceeded', {
      detail: `A wallet may hold at most ${balanceCap} KRW; charge less or spend first.`,
      extensions: { balanceCap },
    }),
} as const;
