import { WalletErrors } from './wallet.errors';

export interface WalletLimits {
  maxCharge: number;
  /** Enforced by the crediting UPDATE itself, so concurrent charges cannot jointly pass it. */
  balanceCap: number;
}

export function assertChargeAllowed(amount: number, { maxCharge }: WalletLimits): void {
  if (amount > maxCharge) throw WalletErrors.chargeTooLarge(maxCharge);
}
