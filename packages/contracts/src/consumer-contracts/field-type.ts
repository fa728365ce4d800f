/** The JSON types a consumer can say it reads; `integer` is a `number` without a fraction. */
export const JSON_TYPES = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'null'] as const;
export type JsonType = (typeof JSON_TYPES)[number];

export interface FieldType {
  types: ReadonlySet<JsonType>;
  /** Declared with a trailing `?`: the consumer copes when the field is absent. */
  optional: boolean;
}

/** `'integer'`, `'string | null'`, `'string?'` → what the consumer copes with. */
export function parseFieldType(spec: string): FieldType {
  const optional = spec.endsWith('?');
  const names = (optional ? spec.slice(0, -1) : spec).split('|').map((name) => name.trim());
  for (const name of names) {
    if (!(JSON_TYPES as readonly string[]).includes(name)) {
      throw new Error(
        `"${spec}" is not a field type: use ${JSON_TYPES.join(', ')}, joined by |, optionally ending in ?`,
      );
    }
  }
  return { types: new Set(names as JsonType[]), optional };
}

/** Whether a consumer that copes with `accepted` can take a value of type `produced`. */
export function accepts(accepted: ReadonlySet<JsonType>, produced: JsonType): boolean {
  return accepted.has(produced) || (produced === 'integer' && accepted.has('number'));
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}
