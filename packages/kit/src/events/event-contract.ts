import type { z } from 'zod';

/**
 * One versioned event type. A breaking payload change is a new contract with version + 1; consumers
 * validate with the contract of the version they receive, so old and new can flow side by side.
 */
export interface EventContract<Type extends string = string, Payload extends z.ZodType = z.ZodType> {
  type: Type;
  version: number;
  aggregateType: string;
  payload: Payload;
}

export function defineEvent<const Type extends string, Payload extends z.ZodType>(
  contract: EventContract<Type, Payload>,
): EventContract<Type, Payload> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(contract.type)) {
    throw new Error(`Event type "${contract.type}" must be dotted lower-case, past tense (e.g. order.placed)`);
  }
  return contract;
}

export type PayloadOf<C extends EventContract> = z.infer<C['payload']>;
