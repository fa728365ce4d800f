import { z } from 'zod';
import { PLATFORM_SERVICES, type PlatformService } from '../platform-services';
import { parseFieldType } from './field-type';

/**
 * Fields a consumer reads, by path → type. Paths are dotted; `[]` steps into every element of an
 * array (`lines[].skuId`, `keys[].kid`). Types are `string`, `integer`, `number`, `boolean`,
 * `object`, `array`, `null`, joined by `|`, with a trailing `?` when the consumer copes with absence.
 */
export type FieldReads = Readonly<Record<string, string>>;

export interface EventExpectation {
  type: string;
  version: number;
  /** Paths inside the payload. */
  reads: FieldReads;
}

export interface ResponseExpectation {
  /** `GET /orders/{orderId}`: the method and the OpenAPI path of the provider's RouteContract. */
  route: string;
  status: number;
  /** Paths inside the JSON body. */
  reads: FieldReads;
}

/** What one consumer needs from one provider: every event it consumes and every response it reads. */
export interface ConsumerContract {
  consumer: string;
  provider: PlatformService;
  events?: readonly EventExpectation[];
  responses?: readonly ResponseExpectation[];
}

const fieldPath = /^(\[\]|[A-Za-z_$][\w$]*(\[\])?)(\.[A-Za-z_$][\w$]*(\[\])?)*$/;
const reads = z
  .record(z.string().regex(fieldPath, 'not a field path (e.g. lines[].skuId)'), z.string())
  .refine((fields) => Object.keys(fields).length > 0, 'reads nothing');
// Strict: a misspelt key would otherwise leave an expectation silently unchecked.
const declaration = z.strictObject({
  consumer: z.string().min(1),
  provider: z.enum(Object.keys(PLATFORM_SERVICES) as [PlatformService]),
  events: z.array(z.strictObject({ type: z.string(), version: z.number().int().positive(), reads })).optional(),
  responses: z
    .array(z.strictObject({ route: z.string().regex(/^[A-Z]+ \/\S*$/), status: z.number().int(), reads }))
    .optional(),
});

/** Checks the declaration itself at load time, so a typo fails loudly instead of checking nothing. */
export function defineConsumerContract(contract: ConsumerContract): ConsumerContract {
  const checked = declaration.safeParse(contract);
  if (!checked.success) throw new Error(`${contract.consumer}: ${z.prettifyError(checked.error)}`);
  for (const expectation of [...(contract.events ?? []), ...(contract.responses ?? [])]) {
    for (const type of Object.values(expectation.reads)) parseFieldType(type);
  }
  return contract;
}
