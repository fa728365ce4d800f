/** Where the claim use case reports each result (the metrics adapter counts them). */
export interface ClaimResults {
  /** CLAIMED, REPLAYED (an idempotent repeat answered again), the refusal's code or FAILED. */
  record: (result: string) => void;
}

/** For callers that do not count claims (tests of other things). */
export const uncountedClaims: ClaimResults = { record: () => undefined };
