/** An admin's decision on a seller (approve or suspend): the input both of those use cases take. */
export interface SellerDecision {
  sellerId: string;
  adminId: string;
  idempotencyKey: string | undefined;
}
