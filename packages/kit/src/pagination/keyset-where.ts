/**
 * A Prisma `where` for the rows strictly past `(value, id)` in `(key, id)` order. The id breaks ties,
 * so the order is total and a page boundary never repeats or skips a row that shares the last key.
 */
export function rowsAfter<Value>(key: string, value: Value, id: string, order: 'asc' | 'desc' = 'desc') {
  const past = order === 'desc' ? 'lt' : 'gt';
  return { OR: [{ [key]: { [past]: value } }, { [key]: value, id: { [past]: id } }] };
}
