import type { Identity } from './identity';
import type { KnownSellerStatus } from './seller-status-store';
import type { AccessTokenVerifier } from './verify-access-token';

/**
 * A seller's status is whichever is newer: the token's claim (as of its `iat`) or the status this
 * service last heard of. So a suspension takes effect on the seller's next request once the event
 * arrived, and an approval without a new log-in; while the event is on its way, a token issued after
 * the decision already carries it. A tie goes to the stored status: `iat` is in whole seconds, so
 * a token of the same second may be older than the decision.
 */
export function withCurrentSellerStatus(
  verify: AccessTokenVerifier,
  findStatus: (sellerId: string) => Promise<KnownSellerStatus | null>,
): AccessTokenVerifier {
  return async (token) => {
    const identity = await verify(token);
    if (identity.role !== 'SELLER') return identity;
    const known = await findStatus(identity.userId);
    return known && isNewer(known, identity) ? { ...identity, sellerStatus: known.status } : identity;
  };
}

const isNewer = (known: KnownSellerStatus, identity: Identity) =>
  !identity.issuedAt || known.changedAt.getTime() >= identity.issuedAt.getTime();
