/**
 * JSON with every object's keys in one order, so two equal values always give the same text
 * (`{"a":1,"b":2}` whichever order the client sent). Enough for parsed request input: plain
 * objects, arrays and scalars (a Date is already its ISO string when the replacer sees it).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );
}
